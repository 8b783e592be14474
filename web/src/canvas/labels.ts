/**
 * Labels a reader can read: a steady size on screen and none printed over another.
 *
 * Size: names and connection labels keep their size on screen between a floor and a ceiling
 * (`LABEL_SCREEN`), whatever the zoom, so a crowded graph zoomed out does not print 4 px text and a
 * lone node zoomed in does not print 40 px text. The stylesheet is rebuilt with a label scale when the
 * zoom settles (`labelScale`).
 *
 * Overlap: Cytoscape has no label collision handling of its own (only `min-zoomed-font-size`), and no
 * maintained extension does it, so after each layout, zoom, pan or change this module measures every
 * label with Cytoscape's own bounds and places them greedily by priority: the selection first, then
 * what is lit (a path, a finding, a money flow), then names by number of connections, then connection
 * labels. A label that would overlap one already placed (or another node) tries a few other spots
 * (above, right or left of its node; further along its line) and is hidden when none is free; zooming
 * in makes room and brings it back. The selected element is always labelled; lit ones are labelled
 * wherever a free spot exists.
 *
 * Hidden labels are a style bypass (transparent text and background), not a class, because the element sync owns the
 * classes. The container's `data-labels` says `placed` once a pass has run (browser tests wait on it).
 */
import type { BoundingBox12, Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';

/** On-screen label font size in px: base at zoom 1, never below `min` nor above `max`. */
export const LABEL_SCREEN = {
  node: { base: 14, min: 11, max: 15 },
  edge: { base: 11, min: 10, max: 12 },
} as const;

export interface LabelScale {
  readonly node: number;
  readonly edge: number;
}

/** The factor label sizes are multiplied by at this zoom so they land between min and max on screen. */
export function labelScale(zoom: number): LabelScale {
  const scale = (s: { base: number; min: number; max: number }) =>
    Math.min(s.max, Math.max(s.min, s.base * zoom)) / (s.base * zoom);
  return { node: round(scale(LABEL_SCREEN.node)), edge: round(scale(LABEL_SCREEN.edge)) };
}

/** Two decimals (rounded up, never under the floor), so tiny zoom steps do not rebuild the stylesheet. */
function round(n: number): number {
  return Math.ceil(n * 100) / 100;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Clear space kept between two labels, in screen px. */
const GAP_PX = 2;

function overlaps(a: Box, b: Box, gap: number): boolean {
  return a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;
}

function shifted(b: Box, dx: number, dy: number): Box {
  return { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
}

function labelBox(ele: SingularElementArgument): Box | undefined {
  const b: BoundingBox12 & { w: number; h: number } = ele.boundingBox({
    includeLabels: true,
    includeNodes: false,
    includeEdges: false,
    includeOverlays: false,
    includeUnderlays: false,
    includeOutlines: false,
  } as Parameters<SingularElementArgument['boundingBox']>[0]) as BoundingBox12 & { w: number; h: number };
  if (!Number.isFinite(b.x1) || b.w <= 0 || b.h <= 0) return undefined;
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
}

function hasLabel(ele: SingularElementArgument): boolean {
  const text = ele.style('label') as string | undefined;
  return typeof text === 'string' && text.trim() !== '' && Number(ele.style('text-opacity')) > 0;
}

/**
 * Lower comes first. Selected, then lit nodes and path ends, lit edges, other nodes (more connections
 * first), other edges.
 */
function tier(ele: SingularElementArgument): number {
  if (ele.hasClass('selected')) return 0;
  if (ele.isNode() && (ele.hasClass('highlighted') || ele.hasClass('path-end') || ele.hasClass('marked'))) return 1;
  if (ele.hasClass('highlighted')) return 2;
  return ele.isNode() ? 3 : 4;
}

/** Other spots for a label that collides where it is, as shifts of its box (model units). */
function alternatives(ele: SingularElementArgument, box: Box, gap: number): [number, number][] {
  if (ele.isNode()) {
    const node = ele as NodeSingular;
    const body = node.boundingBox({ includeLabels: false, includeOverlays: false } as Parameters<NodeSingular['boundingBox']>[0]);
    const margin = Math.max(gap, box.y1 - body.y2);
    const midY = node.position('y') - (box.y1 + box.y2) / 2;
    return [
      [0, body.y1 - margin - box.y2],
      [body.x2 + margin - box.x1, midY],
      [body.x1 - margin - box.x2, midY],
    ];
  }
  const edge = ele as EdgeSingular;
  const s = edge.sourceEndpoint();
  const t = edge.targetEndpoint();
  const along: [number, number] = [(t.x - s.x) * 0.22, (t.y - s.y) * 0.22];
  const h = box.y2 - box.y1 + gap;
  return [along, [-along[0], -along[1]], [0, -h * 0.75], [0, h * 0.75]];
}

/**
 * One placement pass over the visible labels (see the module comment). Returns how many labels were
 * hidden. Elements outside the view take part too, so panning does not uncover overlaps.
 */
export function placeLabels(cy: Core): number {
  const zoom = cy.zoom();
  const gap = GAP_PX / zoom;
  const all = cy.elements(':visible');
  // Start from the stylesheet's placement: the last pass's shifts and hiding are undone first.
  cy.batch(() => {
    all.forEach((ele) => {
      if (ele.scratch('_labelBypass')) {
        ele.removeStyle('text-opacity text-background-opacity text-margin-x text-margin-y');
        ele.removeScratch('_labelBypass');
      }
    });
  });
  const labelled = all.filter((ele) => hasLabel(ele));
  const items = labelled
    .map((ele) => ({ ele, box: labelBox(ele), tier: tier(ele), degree: ele.isNode() ? (ele as NodeSingular).degree(false) : 0 }))
    .filter((item): item is typeof item & { box: Box } => item.box !== undefined)
    .sort((a, b) => a.tier - b.tier || b.degree - a.degree || (a.ele.id() < b.ele.id() ? -1 : 1));

  // Node bodies are obstacles for labels other than their own (and their edges' ends are not covered).
  const bodies = new Map<string, Box>();
  all.nodes().forEach((n) => {
    const b = n.boundingBox({ includeLabels: false, includeOverlays: false } as Parameters<NodeSingular['boundingBox']>[0]);
    bodies.set(n.id(), { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
  });
  const placed: Box[] = [];
  const shifts = new Map<SingularElementArgument, [number, number]>();
  const hidden: SingularElementArgument[] = [];
  for (const item of items) {
    const own = item.ele.isNode()
      ? [item.ele.id()]
      : [(item.ele as EdgeSingular).source().id(), (item.ele as EdgeSingular).target().id()];
    const free = (b: Box) =>
      !placed.some((p) => overlaps(p, b, gap)) && ![...bodies].some(([id, body]) => !own.includes(id) && overlaps(body, b, 0));
    const spots: [number, number][] = [[0, 0], ...alternatives(item.ele, item.box, gap)];
    const spot = spots.find(([dx, dy]) => free(shifted(item.box, dx, dy)));
    if (spot) {
      placed.push(shifted(item.box, spot[0], spot[1]));
      if (spot[0] !== 0 || spot[1] !== 0) shifts.set(item.ele, spot);
    } else if (item.tier === 0 || (item.tier === 1 && !placed.some((p) => overlaps(p, item.box, gap)))) {
      // The selection is always named; a lit node too unless that would print over another label.
      placed.push(item.box);
    } else hidden.push(item.ele);
  }
  cy.batch(() => {
    for (const [ele, [dx, dy]] of shifts) {
      ele.style({
        'text-margin-x': ele.numericStyle('text-margin-x') + dx,
        'text-margin-y': ele.numericStyle('text-margin-y') + dy,
      });
      ele.scratch('_labelBypass', true);
    }
    for (const ele of hidden) {
      // Cytoscape ignores an empty label as a bypass; a transparent one draws nothing and is not hit.
      ele.style({ 'text-opacity': 0, 'text-background-opacity': 0 });
      ele.scratch('_labelBypass', true);
    }
  });
  return hidden.length;
}
