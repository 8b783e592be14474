/**
 * View -> Cytoscape element definitions. Visual state (kind, category, former, highlighted, dimmed,
 * hidden, selected) becomes classes, so the stylesheet stays a static list of rules and Cytoscape only
 * restyles what changed.
 */
import type { GraphNode } from '../../../schemas/index.js';
import type { CanvasEdgeElement, CanvasElement, CanvasNodeElement, Filter, Highlight, Selection, ViewGraph } from './types.js';
import { categoryOf } from '../../../shared/presentation/encoding.js';
import { edgeLabel, edgeWidth, largestAmount, nodeLabel } from '../../../shared/presentation/labels.js';
import { edgePasses, looksUndated, nodePasses } from './filters.js';
import { todayIso } from './time.js';
import type { Wording } from '../../../shared/presentation/wording.js';

export interface ElementOptions {
  readonly highlight?: Highlight | undefined;
  readonly filter?: Filter | undefined;
  readonly selection?: Selection | undefined;
  /** Ids picked as path ends, marked so the reader sees what "Find paths" will connect. */
  readonly pathEnds?: readonly string[] | undefined;
  /** "YYYY-MM-DD"; decides whether a former role is over as of the chosen date. */
  readonly today?: string | undefined;
  /** Picks the name shown for a node (an alias in the reader's script); defaults to the canonical name. */
  readonly nameOf?: ((node: GraphNode) => string) | undefined;
  /** Nodes picked together ("select neighbours"). */
  readonly marked?: ReadonlySet<string> | undefined;
  /** The reader's language for labels; English when absent. */
  readonly words?: Wording | undefined;
}

/**
 * Up to this many edges every edge is labelled. Beyond it, labels overlap into soup, so only the edges
 * the reader is looking at keep theirs: those touching the selection, the selected edge, and a
 * highlighted path. The rest are "quiet" (unlabelled) until selected; the table view lists them all.
 */
export const LABEL_ALL_EDGES_UP_TO = 12;

export function toElements(view: ViewGraph, options: ElementOptions = {}): CanvasElement[] {
  const { highlight, filter, selection, pathEnds = [], today = todayIso(), nameOf, marked, words } = options;
  const dimming = highlight !== undefined && (highlight.nodeIds.size > 0 || highlight.edgeIds.size > 0);
  const hiddenNodes = new Set<string>();
  const labelAll = view.edges.size <= LABEL_ALL_EDGES_UP_TO;
  const largest = largestAmount(view.nodes.values(), view.edges.values());
  const inFocus = (edge: { id: string; source: string; target: string }) =>
    (selection?.kind === 'node' && (edge.source === selection.id || edge.target === selection.id)) ||
    (selection?.kind === 'edge' && selection.id === edge.id) ||
    (dimming && highlight.edgeIds.has(edge.id));

  const nodes: CanvasNodeElement[] = [...view.nodes.values()].map((node) => {
    const hidden = filter !== undefined && !nodePasses(node, filter, today);
    if (hidden) hiddenNodes.add(node.id);
    const classes = [
      `kind-${node.kind}`,
      hidden && 'hidden',
      dimming && (highlight.nodeIds.has(node.id) ? 'highlighted' : 'dimmed'),
      selection?.kind === 'node' && selection.id === node.id && 'selected',
      pathEnds.includes(node.id) && 'path-end',
      marked?.has(node.id) === true && 'marked',
    ];
    return {
      group: 'nodes',
      data: { id: node.id, label: nodeLabel(node, nameOf?.(node), words), kind: node.kind },
      classes: joinClasses(classes),
    };
  });

  const edges: CanvasEdgeElement[] = [...view.edges.values()].map((edge) => {
    const category = categoryOf(edge.type);
    const hidden =
      (filter !== undefined && !edgePasses(edge, filter, today)) || hiddenNodes.has(edge.source) || hiddenNodes.has(edge.target);
    const classes = [
      `cat-${category}`,
      edge.current === false && 'former',
      (edge.status === 'inferred' || edge.status === 'alleged') && 'tentative',
      filter !== undefined && looksUndated(edge, filter) && 'undated',
      hidden && 'hidden',
      !labelAll && !inFocus(edge) && 'quiet',
      dimming && (highlight.edgeIds.has(edge.id) ? 'highlighted' : 'dimmed'),
      selection?.kind === 'edge' && selection.id === edge.id && 'selected',
    ];
    return {
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edgeLabel(edge, view.nodes, { amount: false, ...(words ? { words } : {}) }),
        type: edge.type,
        category,
        width: edgeWidth(edge, view.nodes, largest),
      },
      classes: joinClasses(classes),
    };
  });

  return [...nodes, ...edges];
}

/**
 * What the canvas shows once the legend's filters and the as-of date are applied: the counter under
 * the canvas says this, not how much the view holds. Same rules as `toElements` (an edge goes with
 * either end).
 */
export function shownCounts(
  view: ViewGraph,
  filter: Filter | undefined,
  today: string = todayIso(),
): { entities: number; connections: number } {
  const shown = new Set(
    [...view.nodes.values()].filter((n) => filter === undefined || nodePasses(n, filter, today)).map((n) => n.id),
  );
  const connections = [...view.edges.values()].filter(
    (e) => shown.has(e.source) && shown.has(e.target) && (filter === undefined || edgePasses(e, filter, today)),
  ).length;
  return { entities: shown.size, connections };
}

function joinClasses(parts: ReadonlyArray<string | false>): string {
  return parts.filter((p): p is string => typeof p === 'string').join(' ');
}
