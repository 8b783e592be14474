/**
 * Layouts. Expanding a node must not reshuffle what the reader has already looked at, so new nodes are
 * first set down around the neighbours they arrived with and then fcose runs without randomising:
 * existing nodes move a little to make room instead of jumping across the screen.
 */
import type { Collection, Core, Layouts, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { DagreLayoutOptions } from 'cytoscape-dagre';
import { seedPlacement } from '../model/index.js';
import type { LayoutRequest } from '../model/index.js';
import { NO_INSETS, overlayInsets } from './viewport.js';
import { LABEL_SCREEN } from './labels.js';
import type { Insets } from './viewport.js';

/** Room around a fitted graph, beyond what the overlays on the canvas take (see `overlayInsets`). */
const PADDING = 28;
/** A lone node or a pair should not fill the screen; above this zoom labels look inflated. */
const MAX_FIT_ZOOM = 1.6;

const FCOSE_BASE: FcoseLayoutOptions = {
  name: 'fcose',
  quality: 'proof',
  animate: true,
  animationDuration: 450,
  fit: false,
  nodeDimensionsIncludeLabels: true,
  // Edge labels are long ("HOLDS POSITION · Chief of operations"); give them room to be read.
  idealEdgeLength: () => 180,
  nodeRepulsion: () => 12000,
  nodeSeparation: 110,
  gravity: 0.2,
  numIter: 2500,
};

/**
 * Sets new nodes down near the placed node they are connected to (see `seedPlacement`), before fcose
 * refines. Returns the ids of the nodes that were already placed.
 */
export function seedPositions(cy: Core, added: NodeCollection): void {
  const placedNodes = cy.nodes().difference(added).nodes();
  const placed = new Map(placedNodes.map((n) => [n.id(), { ...n.position() }] as const));
  const edges = added.connectedEdges().map((e) => ({ source: e.source().id(), target: e.target().id() }));
  const plan = seedPlacement({ added: added.map((n) => n.id()), placed, edges, center: viewportCenter(cy) });
  cy.batch(() => {
    for (const [id, position] of plan) cy.getElementById(id).position(position);
  });
}

/**
 * Pinned (locked) nodes, as fcose constraints: Cytoscape ignores a layout's moves of a locked node,
 * but fcose must also know it cannot move them or it lays the others out around where they are not.
 */
function fixed(nodes: NodeCollection): { nodeId: string; position: Position }[] {
  return nodes.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
}

/**
 * Runs after nodes were added: the nodes already on the canvas hold still (the reader's mental map)
 * and only the new ones are pushed by the forces into free space near their neighbours. Returns the
 * running layout so the caller can stop it on unmount.
 */
export function runIncremental(cy: Core, added: NodeCollection, onDone: () => void): Layouts | undefined {
  const visible = cy.nodes(':visible');
  if (visible.length < 2) {
    onDone();
    return undefined;
  }
  const stay = visible.difference(added).union(visible.filter((n) => n.locked()));
  // With nothing placed before (a first expansion, a deep link) the whole graph is new: a free run.
  const constraints = stay.nonempty() && stay.length < visible.length ? { fixedNodeConstraint: fixed(stay) } : {};
  return run(cy, { ...FCOSE_BASE, randomize: false, ...constraints }, onDone);
}

/**
 * Dagre lays out boxes that include the caption and puts the node's centre where the box's centre
 * belongs. Captions hang below the node, so in top-down layers the gap under a contract with a long
 * caption would shrink by half the caption and the edge label in that gap land on the caption.
 * (Left to right it is better as it is: node centres line up across ranks and edges run level.)
 */
function centreCaption(node: NodeSingular, pos: Position): Position {
  const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
  return { x: pos.x, y: pos.y - (box.h - node.outerHeight()) / 2 };
}

const DAGRE_BASE: DagreLayoutOptions = {
  name: 'dagre',
  animate: true,
  animationDuration: 450,
  fit: false,
  nodeDimensionsIncludeLabels: true,
};

/**
 * A fresh arrangement on request: force-directed, top-down layers for chains (paths, data flows), or
 * left-to-right layers for money. Paths run top-down because the canvas column is taller than a
 * five-hop chain is wide once its labels are counted, and horizontal labels sit best on vertical
 * edges. Money runs left to right because that is how "payer -> contract -> vendor" is read, and it
 * is only three ranks deep; the rank gap is sized for "AWARDED TO" (the amount is on the contract).
 */
export function runFull(cy: Core, { mode, center }: LayoutRequest, onDone: () => void): Layouts {
  if (mode === 'concentric') return run(cy, concentricAround(cy, center), onDone);
  const pinned = cy.nodes(':visible').filter((n) => n.locked());
  const options: FcoseLayoutOptions | DagreLayoutOptions =
    mode === 'force'
      ? { ...FCOSE_BASE, randomize: pinned.empty(), ...(pinned.nonempty() ? { fixedNodeConstraint: fixed(pinned) } : {}) }
      : mode === 'hierarchy'
        ? { ...DAGRE_BASE, rankDir: 'TB', nodeSep: 80, rankSep: 140, edgeSep: 30, transform: centreCaption }
        : { ...DAGRE_BASE, rankDir: 'LR', nodeSep: 50, rankSep: 130, edgeSep: 30 };
  return run(cy, options, onDone);
}

/**
 * Rings by distance from the chosen entity (the selection, else the first node): its direct ties on
 * the first ring, theirs on the next. Locked (pinned) nodes keep their place in every layout.
 */
function concentricAround(cy: Core, centerId: string | undefined): LayoutOptions {
  const visible = cy.elements(':visible');
  const chosen = centerId ? cy.getElementById(centerId) : cy.collection();
  const root = chosen.nonempty() && chosen.visible() ? chosen : visible.nodes().first();
  const depth = new Map<string, number>();
  visible.breadthFirstSearch({ roots: root, visit: (node, _edge, _prev, _i, d) => void depth.set(node.id(), d) });
  const deepest = Math.max(0, ...depth.values());
  return {
    name: 'concentric',
    animate: true,
    animationDuration: 450,
    fit: false,
    minNodeSpacing: 60,
    spacingFactor: 1.1,
    nodeDimensionsIncludeLabels: true,
    // Higher values sit nearer the middle; nodes the search did not reach go on the outermost ring.
    concentric: (node: NodeSingular) => deepest + 1 - (depth.get(node.id()) ?? deepest + 1),
    levelWidth: () => 1,
  } as LayoutOptions;
}

/** Runs a layout over what is visible; `onDone` when it stops (the caller fits the view and reports). */
function run(cy: Core, options: LayoutOptions | FcoseLayoutOptions | DagreLayoutOptions, onDone: () => void): Layouts {
  const layout = cy.elements(':visible').layout(options as LayoutOptions);
  layout.one('layoutstop', onDone);
  layout.run();
  return layout;
}

/**
 * Frames some elements (a finding, a money flow) with the edges between them, once the layout has
 * placed them. Ids no longer on the canvas are skipped; with none left the view stays as it is.
 */
export function frameIds(cy: Core, ids: readonly string[]): void {
  const wanted = new Set(ids);
  const shown = cy.nodes(':visible').filter((node) => wanted.has(node.id()));
  if (shown.nonempty()) fitNicely(cy, shown.union(shown.edgesWith(shown)));
}

/**
 * Fits what is visible into the part of the canvas no overlay covers (toolbar, time bar, panel tabs,
 * counter: see `overlayInsets`), with padding, without zooming a small graph up to giant labels. The
 * padding shrinks on a small canvas (a phone), where a wide margin would leave the graph a postage stamp.
 */
export function fitNicely(cy: Core, eles = cy.elements(':visible')): void {
  if (eles.empty()) return;
  const width = cy.width();
  const height = cy.height();
  const pad = Math.min(PADDING, Math.round(Math.min(width, height) * 0.05));
  const container = cy.container();
  let insets: Insets = container ? overlayInsets(container) : NO_INSETS;
  // Overlays that would leave the graph less than a third of the canvas are ignored rather than obeyed.
  if (width - insets.left - insets.right < width / 3 || height - insets.top - insets.bottom < height / 3) insets = NO_INSETS;
  const free = {
    x1: insets.left + pad,
    y1: insets.top + pad,
    x2: width - insets.right - pad,
    y2: height - insets.bottom - pad,
  };
  const fitted = fitZoom(eles, free.x2 - free.x1, free.y2 - free.y1, cy.minZoom(), Math.min(MAX_FIT_ZOOM, cy.maxZoom()));
  cy.viewport({
    zoom: fitted.zoom,
    pan: { x: (free.x1 + free.x2) / 2 - fitted.middle.x, y: (free.y1 + free.y2) / 2 - fitted.middle.y },
  });
}

/** On-screen px per graph unit of a name's box at zoom 1's label size (names keep 11-15 px on screen). */
function nameScreenFactor(zoom: number): number {
  const { base, min, max } = LABEL_SCREEN.node;
  return Math.min(max, Math.max(min, base * zoom)) / base;
}

/**
 * The largest zoom at which the elements, names included, fit in `width` × `height` px, and the middle
 * of what they take then (in px, relative to the graph's origin). Names keep their size on screen
 * rather than growing and shrinking with the zoom, so each name's box is measured around its node and
 * sized for the zoom being tried, not fitted as it is drawn at the current one (zoomed out, that
 * would leave names running under the toolbar).
 */
function fitZoom(
  eles: Collection,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
): { zoom: number; middle: { x: number; y: number } } {
  const bodies = eles.boundingBox({ includeLabels: false, includeOverlays: false });
  const names = eles.nodes().map((node) => {
    const at = node.position();
    const box = node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false } as Parameters<
      NodeSingular['boundingBox']
    >[0]);
    const scale = parseFloat(node.style('font-size') as string) / LABEL_SCREEN.node.base || 1;
    const ok = Number.isFinite(box.x1) && box.w > 0;
    return {
      at,
      x1: ok ? (box.x1 - at.x) / scale : 0,
      x2: ok ? (box.x2 - at.x) / scale : 0,
      y1: ok ? (box.y1 - at.y) / scale : 0,
      y2: ok ? (box.y2 - at.y) / scale : 0,
    };
  });
  const extent = (zoom: number) => {
    const k = nameScreenFactor(zoom);
    let x1 = bodies.x1 * zoom;
    let x2 = bodies.x2 * zoom;
    let y1 = bodies.y1 * zoom;
    let y2 = bodies.y2 * zoom;
    for (const name of names) {
      x1 = Math.min(x1, name.at.x * zoom + name.x1 * k);
      x2 = Math.max(x2, name.at.x * zoom + name.x2 * k);
      y1 = Math.min(y1, name.at.y * zoom + name.y1 * k);
      y2 = Math.max(y2, name.at.y * zoom + name.y2 * k);
    }
    return { x1, x2, y1, y2 };
  };
  const fits = (zoom: number) => {
    const e = extent(zoom);
    return e.x2 - e.x1 <= width && e.y2 - e.y1 <= height;
  };
  let zoom = minZoom;
  if (fits(maxZoom)) zoom = maxZoom;
  else {
    // What fits only grows as the zoom falls: halve the interval until it is a hair wide.
    let low = minZoom;
    let high = maxZoom;
    for (let i = 0; i < 30 && high - low > 1e-4; i++) {
      const mid = (low + high) / 2;
      if (fits(mid)) low = mid;
      else high = mid;
    }
    zoom = low;
  }
  const e = extent(zoom);
  return { zoom, middle: { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 } };
}

function viewportCenter(cy: Core): { x: number; y: number } {
  const extent = cy.extent();
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}
