/** Pure operations on the set of nodes and edges on the canvas. */
import type { GraphPatch, MergeResult, ViewGraph } from './types.js';
import { localName } from './names.js';
import type { GraphEdge, GraphNode } from '../../../schemas/index.js';

export const EMPTY_VIEW: ViewGraph = { nodes: new Map(), edges: new Map() };

/**
 * Merges an API answer into the view. Merging the same answer twice changes nothing and returns the
 * same view object, so React skips the re-render. Nodes already present are refreshed with the newer
 * copy (detail answers can carry more fields than search hits). Edges whose ends are not on the canvas
 * are dropped: Cytoscape refuses dangling edges, and a limit-truncated neighbourhood can produce them.
 */
export function mergeGraph(view: ViewGraph, patch: GraphPatch): MergeResult {
  const nodes = new Map(view.nodes);
  const edges = new Map(view.edges);
  const addedNodeIds: string[] = [];
  const addedEdgeIds: string[] = [];
  let changed = false;

  for (const node of patch.nodes) {
    const before = nodes.get(node.id);
    if (!before) addedNodeIds.push(node.id);
    if (before !== node && !sameJson(before, node)) {
      nodes.set(node.id, node);
      changed = true;
    }
  }
  for (const edge of patch.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const before = edges.get(edge.id);
    if (!before) addedEdgeIds.push(edge.id);
    if (before !== edge && !sameJson(before, edge)) {
      edges.set(edge.id, edge);
      changed = true;
    }
  }
  return { view: changed ? { nodes, edges } : view, addedNodeIds, addedEdgeIds };
}

/** Takes nodes off the canvas together with every edge that touches them. */
export function removeNodes(view: ViewGraph, ids: Iterable<string>): ViewGraph {
  const gone = new Set(ids);
  if (![...gone].some((id) => view.nodes.has(id))) return view;
  const nodes = new Map([...view.nodes].filter(([id]) => !gone.has(id)));
  const edges = new Map([...view.edges].filter(([, e]) => !gone.has(e.source) && !gone.has(e.target)));
  return { nodes, edges };
}

/** Edges on the canvas that touch a node, for "what is this connected to" questions. */
export function edgesOf(view: ViewGraph, nodeId: string): GraphEdge[] {
  return [...view.edges.values()].filter((e) => e.source === nodeId || e.target === nodeId);
}

/** An entity's name on the canvas, in the reader's language when one is given (its alias in that script). */
export function nodeName(view: ViewGraph, id: string, language?: string): string {
  const node = view.nodes.get(id);
  if (!node) return id;
  return language ? localName(node, language) : node.name;
}

export function otherEnd(edge: GraphEdge, nodeId: string): string {
  return edge.source === nodeId ? edge.target : edge.source;
}

// Answers are small (tens of elements), so a structural comparison is cheap and saves a redraw.
function sameJson(a: GraphNode | GraphEdge | undefined, b: GraphNode | GraphEdge): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Collapses an expansion: removes the neighbours of `id` that touch nothing else on the canvas. A
 * neighbour also tied to another node stays, since the reader may have reached it another way.
 */
export function collapseNode(view: ViewGraph, id: string): ViewGraph {
  const loose = edgesOf(view, id)
    .map((edge) => otherEnd(edge, id))
    .filter((other) => other !== id && edgesOf(view, other).every((e) => otherEnd(e, other) === id));
  return removeNodes(view, loose);
}
