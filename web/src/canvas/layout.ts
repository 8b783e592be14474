/**
 * Layouts. Expanding a node must not reshuffle what the reader has already looked at, so new nodes are
 * first set down around the neighbours they arrived with and then fcose runs without randomising:
 * existing nodes move a little to make room instead of jumping across the screen.
 */
import type { Core, Layouts, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import type { DagreLayoutOptions } from 'cytoscape-dagre';
import { seedPlacement } from '../model/index.js';
import type { LayoutRequest } from '../model/index.js';

/** Room around a fitted graph; the top must clear the toolbar floating over the canvas. */
const PADDING = 76;
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
 * Fits what is visible with padding, without zooming a small graph up to giant labels. The padding
 * shrinks on a small canvas (a phone), where 76 px a side would leave the graph a postage stamp.
 */
export function fitNicely(cy: Core, eles = cy.elements(':visible')): void {
  if (eles.empty()) return;
  cy.fit(eles, Math.min(PADDING, Math.round(Math.min(cy.width(), cy.height()) * 0.12)));
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(eles);
  }
}

function viewportCenter(cy: Core): { x: number; y: number } {
  const extent = cy.extent();
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}
