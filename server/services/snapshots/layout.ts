/**
 * Positions for nodes a snapshot was saved without (a snapshot made through the API, or a node the
 * canvas had not placed yet): a ring around whatever was placed, so every export can draw every node.
 */
import type { Position } from '../../../schemas/index.js';

const SPACING = 140;

export function completePositions(
  nodeIds: readonly string[],
  given: Readonly<Record<string, Position>>,
): Record<string, Position> {
  const positions: Record<string, Position> = {};
  for (const id of nodeIds) {
    const p = given[id];
    if (p) positions[id] = { x: p.x, y: p.y };
  }
  const missing = nodeIds.filter((id) => positions[id] === undefined);
  if (missing.length === 0) return positions;
  const placed = Object.values(positions);
  const cx = placed.length ? placed.reduce((s, p) => s + p.x, 0) / placed.length : 0;
  const cy = placed.length ? placed.reduce((s, p) => s + p.y, 0) / placed.length : 0;
  const reach = placed.reduce((r, p) => Math.max(r, Math.hypot(p.x - cx, p.y - cy)), 0);
  // Circumference long enough for SPACING between neighbours, and outside what was placed.
  const radius = Math.max(
    (missing.length * SPACING) / (2 * Math.PI),
    placed.length ? reach + SPACING : 0,
    missing.length > 1 ? SPACING : 0,
  );
  missing.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / missing.length - Math.PI / 2;
    positions[id] = { x: round(cx + radius * Math.cos(angle)), y: round(cy + radius * Math.sin(angle)) };
  });
  return positions;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
