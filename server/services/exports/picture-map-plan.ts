/**
 * Where things go on an exported map (svg.ts draws them): the map fitted into its region, spread along
 * its roomy axis when squeezed, and every name and connection label placed where it covers no other
 * label, no entity and nothing outside the region, in smaller type down to a legible minimum; names that
 * still have no room are left out, never those of the story's entities. Text is measured by estimate
 * (SVG text has no measuring on the server).
 */
import type { Relationship } from '../../../schemas/index.js';
import type { Direction } from './bidi.js';
import type { ExportInput } from './context.js';
import type { Rect } from './picture-frame.js';

export const NODE = 38;
/**
 * The advance of a line of the bold (600) type of names and connection labels, estimated by the kind of
 * character (DejaVu Sans Bold: capitals and digits are wider than small letters, spaces and stops narrower).
 */
export function boldWidth(value: string, size: number): number {
  let ems = 0;
  for (const c of value.replace(/[\u2066-\u2069]/g, ''))
    ems += /[A-Z0-9$€£%&@#MW]/.test(c) ? 0.74 : /[\s.,:;'’|·()[\]!ijlIft-]/.test(c) ? 0.38 : /[mw]/.test(c) ? 0.95 : 0.62;
  return ems * size;
}

export interface Point {
  x: number;
  y: number;
}

export interface Caption {
  readonly lines: string[];
  readonly direction: Direction;
  readonly marks: string;
  readonly size: number;
  readonly width: number;
  readonly height: number;
}

/** Type sizes for names, largest first: a squeezed map is drawn with smaller names, never below the last. */
export const NAME_SIZES = [13, 12, 11, 10] as const;
/** Connection labels: two sizes under the names, never below this. */
const MIN_EDGE_SIZE = 10;
/** A picture may spread a squeezed map along its roomy axis, up to this many times the other. */
const MAX_STRETCH = 2.5;
/** Free space kept around every label and shape, so no two touch. */
const GAP = 3;

/** A name and the box it is drawn in (its background). */
export interface PlacedName {
  readonly caption: Caption;
  readonly box: Rect;
}

/** A connection's label: where along its line, the words shown (none: the citation markers alone). */
export interface PlacedEdgeLabel {
  readonly t: number;
  readonly label: string;
  readonly marks: string;
  readonly size: number;
  readonly box: Rect;
}

export interface MapPlan {
  readonly at: (id: string) => Point;
  /** Entities whose name has no room are missing (the tooltip still names them). */
  readonly names: ReadonlyMap<string, PlacedName>;
  readonly edgeLabels: ReadonlyMap<string, PlacedEdgeLabel>;
  /** Names with no room, and names drawn where there was no room (the finding's entities). */
  readonly crowded: number;
  readonly fullEdgeLabels: number;
  readonly shownEdgeLabels: number;
}

/**
 * The entities whose names a picture keeps whatever the crowding: those the story's steps light and
 * those pinned. Other names give way when there is no room for them.
 */
export function keyEntities(content: ExportInput['snapshot']['content']): ReadonlySet<string> {
  return new Set([...content.steps.flatMap((s) => s.nodeIds), ...(content.pinned ?? [])]);
}

/**
 * Fits the map into its region and places every label where it covers no other label, no entity and
 * nothing outside the region. The positions are scaled down to fit; when that leaves the names no room
 * (a tall top-down tree in a wide card, a long left-to-right chain in a square), the map is spread
 * along the axis that has room, and the names are set smaller, down to NAME_SIZES' last. The plan
 * chosen is the first name size at which every name has room (the spread that shows most connection
 * labels in full); where none does, the smallest size, names of lower priority left out.
 */
export function planMap(
  content: ExportInput['snapshot']['content'],
  region: Rect,
  captionsAt: (size: number) => ReadonlyMap<string, Caption>,
  key: ReadonlySet<string>,
  labelOf: (rel: Relationship) => string,
  marksOf: (rel: Relationship) => readonly number[],
): MapPlan {
  let best: MapPlan | undefined;
  for (const size of NAME_SIZES) {
    const captions = captionsAt(size);
    const fit = fitMap(content, region, captions);
    for (const stretch of fit.stretches) {
      const plan = placeLabels(content, region, captions, fit.place(stretch), key, labelOf, marksOf, size);
      // The map as arranged unless spreading it gives more names room, or more connections a label.
      const gain = best
        ? best.crowded - plan.crowded || plan.shownEdgeLabels - best.shownEdgeLabels || plan.fullEdgeLabels - best.fullEdgeLabels
        : 1;
      if (gain > 0) best = plan;
    }
    if (best?.crowded === 0) break;
  }
  if (!best) throw new Error('no map plan');
  return best;
}

/**
 * The largest uniform scale (at most 3) at which every node with its own caption under it fits the
 * region with a margin, and the spreads along the axis left with room (none: the map fills both).
 */
function fitMap(
  content: ExportInput['snapshot']['content'],
  region: Rect,
  captions: ReadonlyMap<string, Caption>,
): { stretches: { x: number; y: number }[]; place: (stretch: { x: number; y: number }) => (id: string) => Point } {
  const positionOf = (id: string) => content.positions[id] ?? { x: 0, y: 0 };
  const extents = (sx: number, sy: number) => {
    const boxes = content.entities.map((e) => {
      const p = positionOf(e.id);
      const c = captions.get(e.id);
      const half = Math.max(NODE / 2, (c?.width ?? 0) / 2);
      return {
        left: p.x * sx - half,
        right: p.x * sx + half,
        top: p.y * sy - NODE / 2,
        bottom: p.y * sy + NODE / 2 + 6 + (c?.height ?? 0),
      };
    });
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    return {
      left,
      top,
      width: Math.max(...boxes.map((b) => b.right)) - left,
      height: Math.max(...boxes.map((b) => b.bottom)) - top,
    };
  };
  const margin = 12;
  const fits = (sx: number, sy: number) => {
    const e = extents(sx, sy);
    return e.width <= region.width - 2 * margin && e.height <= region.height - 2 * margin;
  };
  const largest = (ok: (s: number) => boolean, low: number, high: number) => {
    if (ok(high)) return high;
    for (let i = 0; i < 30; i++) [low, high] = ok((low + high) / 2) ? [(low + high) / 2, high] : [low, (low + high) / 2];
    return low;
  };
  const fit = largest((s) => fits(s, s), 0.02, 3);
  const wider = largest((k) => fits(fit * k, fit), 1, MAX_STRETCH);
  const taller = largest((k) => fits(fit, fit * k), 1, MAX_STRETCH);
  const stretches = [{ x: 1, y: 1 }];
  for (const k of [(1 + wider) / 2, wider]) if (k > 1.05) stretches.push({ x: k, y: 1 });
  for (const k of [(1 + taller) / 2, taller]) if (k > 1.05) stretches.push({ x: 1, y: k });
  return {
    stretches,
    place: ({ x: kx, y: ky }) => {
      const [sx, sy] = [fit * kx, fit * ky];
      const placed = extents(sx, sy);
      const offsetX = region.x + (region.width - placed.width) / 2 - placed.left;
      const offsetY = region.y + (region.height - placed.height) / 2 - placed.top;
      return (id) => {
        const p = positionOf(id);
        return { x: round(p.x * sx + offsetX), y: round(p.y * sy + offsetY) };
      };
    },
  };
}

function placeLabels(
  content: ExportInput['snapshot']['content'],
  region: Rect,
  captions: ReadonlyMap<string, Caption>,
  at: (id: string) => Point,
  key: ReadonlySet<string>,
  labelOf: (rel: Relationship) => string,
  marksOf: (rel: Relationship) => readonly number[],
  size: number,
): MapPlan {
  const inside = (box: Rect) =>
    box.x >= region.x &&
    box.y >= region.y &&
    box.x + box.width <= region.x + region.width &&
    box.y + box.height <= region.y + region.height;
  const free = (box: Rect, taken: readonly Rect[]) => inside(box) && !overlapsAny(grown(box, GAP), taken);

  // Every entity's shape first: no label covers one.
  const taken: Rect[] = content.entities.map((e) => {
    const p = at(e.id);
    const half = (e.kind === 'Contract' ? 44 : NODE) / 2;
    return { x: p.x - half, y: p.y - half, width: half * 2, height: half * 2 };
  });

  // Names in order of priority: the story's entities, then the most connected.
  const degree = new Map<string, number>();
  for (const rel of content.relationships) for (const id of [rel.source, rel.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const order = content.entities
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        Number(key.has(b.e.id)) - Number(key.has(a.e.id)) || (degree.get(b.e.id) ?? 0) - (degree.get(a.e.id) ?? 0) || a.i - b.i,
    )
    .map(({ e }) => e);
  const names = new Map<string, PlacedName>();
  let crowded = 0;
  for (const entity of order) {
    const caption = captions.get(entity.id);
    if (!caption) continue;
    const p = at(entity.id);
    const half = (entity.kind === 'Contract' ? 44 : NODE) / 2;
    const { width: w, height: h } = caption;
    // Under the node, over it, then beside it (right, left), then under it nudged sideways.
    const candidates: Rect[] = [
      { x: p.x - w / 2, y: p.y + half + 4, width: w, height: h },
      { x: p.x - w / 2, y: p.y - half - 4 - h, width: w, height: h },
      { x: p.x + half + 6, y: p.y - h / 2, width: w, height: h },
      { x: p.x - half - 6 - w, y: p.y - h / 2, width: w, height: h },
      ...[0.25, -0.25, 0.45, -0.45].flatMap((shift) => [
        { x: p.x - w / 2 + shift * w, y: p.y + half + 4, width: w, height: h },
        { x: p.x - w / 2 + shift * w, y: p.y - half - 4 - h, width: w, height: h },
      ]),
    ];
    const box = candidates.find((c) => free(c, taken));
    if (box) {
      taken.push(box);
      names.set(entity.id, { caption, box });
      continue;
    }
    crowded++;
    // A name the story is about is drawn even without room; any other is left out.
    if (key.has(entity.id)) {
      const forced = candidates[0] as Rect;
      taken.push(forced);
      names.set(entity.id, { caption, box: forced });
    }
  }

  // Connection labels where room is left: in full, else the citation markers alone, else none (the
  // legend names the type by its colour; the line's tooltip names it too).
  const edgeSize = Math.max(MIN_EDGE_SIZE, size - 2);
  const edgeLabels = new Map<string, PlacedEdgeLabel>();
  const pairCount = new Map<string, number>();
  let fullEdgeLabels = 0;
  for (const rel of content.relationships) {
    const pair = [rel.source, rel.target].sort().join('\u0000');
    const index = pairCount.get(pair) ?? 0;
    pairCount.set(pair, index + 1);
    const { along } = edgeGeometry(at(rel.source), at(rel.target), index);
    const full = labelOf(rel);
    const markers = marksOf(rel);
    const marks = markers.length ? `[${markers.join(',')}]` : '';
    const boxOf = (t: number, label: string): Rect => {
      const p = along(t);
      const w = boldWidth(label, edgeSize) + (marks ? boldWidth(label ? ` ${marks}` : marks, Math.max(9, edgeSize - 1)) : 0) + 10;
      const h = Math.round(edgeSize * 1.45);
      return { x: p.x - w / 2, y: p.y - h * 0.62, width: w, height: h };
    };
    const candidates = [
      ...[0.5, 0.35, 0.65, 0.25, 0.75].map((t) => ({ t, label: full })),
      ...(marks ? [0.5, 0.3, 0.7, 0.2, 0.8].map((t) => ({ t, label: '' })) : []),
    ];
    const choice = candidates.find((c) => free(boxOf(c.t, c.label), taken));
    if (!choice) continue;
    const box = boxOf(choice.t, choice.label);
    taken.push(box);
    if (choice.label) fullEdgeLabels++;
    edgeLabels.set(rel.id, { t: choice.t, label: choice.label, marks, size: edgeSize, box });
  }
  return { at, names, edgeLabels, crowded, fullEdgeLabels, shownEdgeLabels: edgeLabels.size };
}

/** The line between two nodes: parallel edges between one pair bow out alternately so each stays visible. */
export function edgeGeometry(
  from: Point,
  to: Point,
  index: number,
): { start: Point; end: Point; control: Point; bend: number; along: (t: number) => Point } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.max(1, Math.hypot(dx, dy));
  const [ux, uy] = [dx / length, dy / length];
  const bend = index === 0 ? 0 : (index % 2 === 1 ? 1 : -1) * Math.ceil(index / 2) * 40;
  const [nx, ny] = [-uy, ux];
  const start = { x: from.x + ux * (NODE / 2 + 2), y: from.y + uy * (NODE / 2 + 2) };
  const end = { x: to.x - ux * (NODE / 2 + 4), y: to.y - uy * (NODE / 2 + 4) };
  const control = { x: (start.x + end.x) / 2 + nx * bend * 2, y: (start.y + end.y) / 2 + ny * bend * 2 };
  // A point along the (possibly bowed) line at t.
  const along = (t: number): Point =>
    bend === 0
      ? { x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t }
      : {
          x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t * t * end.x,
          y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t * t * end.y,
        };
  return { start, end, control, bend, along };
}

function grown(box: Rect, by: number): Rect {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function overlapsAny(box: Rect, others: readonly Rect[]): boolean {
  return others.some(
    (o) => box.x < o.x + o.width && o.x < box.x + box.width && box.y < o.y + o.height && o.y < box.y + box.height,
  );
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
