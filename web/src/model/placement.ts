/**
 * Where nodes new to the canvas are first set down, before the force layout refines. A new node goes
 * next to a node already placed that it is tied to: targets of the anchor's edges fan out to its
 * right and sources to its left, so a star reads left to right like the sentences its edges state
 * ("Vincent Line -> sits on board -> ..."). Nodes with no placed neighbour go around the middle of
 * the view. Pure, so the plan can be tested without a canvas.
 */
import type { Point } from './neighbours.js';

export interface PlacementInput {
  /** Ids of the nodes to place, in arrival order. */
  readonly added: readonly string[];
  /** Nodes already on the canvas and where they are. */
  readonly placed: ReadonlyMap<string, Point>;
  /** Every edge among placed and added nodes. */
  readonly edges: readonly { readonly source: string; readonly target: string }[];
  /** Middle of the visible area, for nodes with nothing to hang on. */
  readonly center: Point;
}

export const FAN_RADIUS = 240;

export function seedPlacement({ added, placed, edges, center }: PlacementInput): Map<string, Point> {
  const fans = new Map<string, { right: string[]; left: string[] }>();
  const loose: string[] = [];
  for (const id of added) {
    const edge = edges.find((e) => (e.source === id && placed.has(e.target)) || (e.target === id && placed.has(e.source)));
    if (!edge) {
      loose.push(id);
      continue;
    }
    const outgoing = edge.target === id; // the anchor's edge points at the new node
    const anchor = outgoing ? edge.source : edge.target;
    const fan = fans.get(anchor) ?? { right: [], left: [] };
    (outgoing ? fan.right : fan.left).push(id);
    fans.set(anchor, fan);
  }
  const plan = new Map<string, Point>();
  for (const [anchor, fan] of fans) {
    const at = placed.get(anchor) ?? center;
    arc(plan, fan.right, at, 0, FAN_RADIUS);
    arc(plan, fan.left, at, Math.PI, FAN_RADIUS);
  }
  // A single node on an empty canvas sits in the middle; otherwise loose nodes ring the middle.
  arc(plan, loose, center, 0, loose.length === 1 && placed.size === 0 ? 0 : FAN_RADIUS);
  return plan;
}

/** Spreads ids over an arc facing `direction` (radians), wider the more there are, up to a half circle. */
function arc(plan: Map<string, Point>, ids: readonly string[], at: Point, direction: number, radius: number): void {
  const spread = Math.min(Math.PI, (ids.length - 1) * (Math.PI / 5));
  ids.forEach((id, i) => {
    const angle = direction - spread / 2 + (ids.length > 1 ? (spread * i) / (ids.length - 1) : 0);
    plan.set(id, { x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) });
  });
}
