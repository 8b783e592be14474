/**
 * Keyboard movement on the canvas: from the selected node, an arrow key moves to the neighbour that
 * lies most in that direction on screen, so the selection walks the graph the way the eye does.
 * Pure geometry over positions handed in by the canvas; Cytoscape stays out of the model.
 */
import type { ViewGraph } from './types.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const ANGLE: Record<Direction, number> = { right: 0, down: Math.PI / 2, left: Math.PI, up: -Math.PI / 2 };

/** Neighbours further than this from the arrow's direction (in radians, either side) are not "that way". */
const CONE = (Math.PI * 3) / 8;

/**
 * The candidate lying most in `direction` from `from` (screen coordinates, y down). A neighbour
 * straight ahead beats a nearer one off to the side: the score grows with distance and, much faster,
 * with the angle off the arrow. When nothing lies within the cone, the candidate with the smallest
 * angle is taken anyway, so an arrow key never silently does nothing while neighbours exist.
 */
export function neighbourInDirection(
  from: Point,
  candidates: readonly { readonly id: string; readonly position: Point }[],
  direction: Direction,
): string | undefined {
  let best: { id: string; score: number; off: number } | undefined;
  for (const { id, position } of candidates) {
    const dx = position.x - from.x;
    const dy = position.y - from.y;
    const distance = Math.hypot(dx, dy);
    const off = distance === 0 ? Math.PI : angleBetween(Math.atan2(dy, dx), ANGLE[direction]);
    const score = (off <= CONE ? 0 : 1e9) + distance * (1 + 4 * off);
    if (!best || score < best.score || (score === best.score && off < best.off)) best = { id, score, off };
  }
  return best?.id;
}

function angleBetween(a: number, b: number): number {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
}

/** Ids of the nodes joined to `id` by an edge on the canvas (each once, never `id` itself). */
export function neighbourIds(view: ViewGraph, id: string, shown: (id: string) => boolean = () => true): string[] {
  const found = new Set<string>();
  for (const edge of view.edges.values()) {
    if (edge.source === id && edge.target !== id) found.add(edge.target);
    else if (edge.target === id && edge.source !== id) found.add(edge.source);
  }
  return [...found].filter(shown);
}
