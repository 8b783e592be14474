/**
 * The model's viewport (zoom and the graph point at the middle of the canvas) read from and put onto
 * Cytoscape, whose own viewport is zoom and pan in pixels.
 */
import type { Core } from 'cytoscape';
import type { CanvasViewport, Position, Positions } from '../model/index.js';

export function viewportOf(cy: Core): CanvasViewport {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const width = cy.width();
  const height = cy.height();
  return { zoom, center: { x: (width / 2 - pan.x) / zoom, y: (height / 2 - pan.y) / zoom }, width, height };
}

/** Zooms and pans so `viewport.center` is at the middle of the canvas at `viewport.zoom`. */
export function applyViewport(cy: Core, viewport: CanvasViewport): void {
  const zoom = Math.min(Math.max(viewport.zoom, cy.minZoom()), cy.maxZoom());
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - viewport.center.x * zoom, y: cy.height() / 2 - viewport.center.y * zoom },
  });
}

/** True when the canvas shows this viewport already (to well under a pixel). */
export function showsViewport(cy: Core, viewport: CanvasViewport): boolean {
  const now = viewportOf(cy);
  return (
    Math.abs(now.zoom - viewport.zoom) < 1e-4 &&
    Math.abs(now.center.x - viewport.center.x) * now.zoom < 0.25 &&
    Math.abs(now.center.y - viewport.center.y) * now.zoom < 0.25
  );
}

/** Every node's position. */
export function positionsOf(cy: Core): Map<string, Position> {
  return new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
}

/** The entries of `next` that differ from `previous` (what a change of the model asks the canvas to move). */
export function changedPositions(previous: Positions, next: Positions): Map<string, Position> {
  const changed = new Map<string, Position>();
  for (const [id, at] of next) {
    const before = previous.get(id);
    if (!before || before.x !== at.x || before.y !== at.y) changed.set(id, at);
  }
  return changed;
}
