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

/** Room in px along each side of the canvas that something drawn over it takes. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** What marks an element drawn over the canvas (toolbar, time bar, panel tabs, counter, banners). */
export const OVERLAY_ATTRIBUTE = 'data-canvas-overlay';

/** The boxes of the overlays drawn over the canvas, in px from the canvas's top left corner, clipped to it. */
export function overlayBoxes(container: HTMLElement): { x1: number; y1: number; x2: number; y2: number }[] {
  const canvas = container.getBoundingClientRect();
  if (canvas.width <= 0 || canvas.height <= 0) return [];
  const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const overlay of document.querySelectorAll<HTMLElement>(`[${OVERLAY_ATTRIBUTE}]`))
    for (const rect of boxesOf(overlay)) {
      const x1 = Math.max(rect.left, canvas.left) - canvas.left;
      const x2 = Math.min(rect.right, canvas.right) - canvas.left;
      const y1 = Math.max(rect.top, canvas.top) - canvas.top;
      const y2 = Math.min(rect.bottom, canvas.bottom) - canvas.top;
      if (x2 - x1 >= 1 && y2 - y1 >= 1) boxes.push({ x1, y1, x2, y2 });
    }
  return boxes;
}

/**
 * The strips of the canvas that overlays cover. Each overlay takes the cheaper of the four sides: the
 * toolbar (wide, at the top) the top, the counter the bottom, a panel's fold tab (narrow, on an edge)
 * that edge. A wrapper with `display: contents` (no box of its own) counts by its children's boxes.
 * Overlays not shown, or not over the canvas, take nothing.
 */
export function overlayInsets(container: HTMLElement): Insets {
  const width = container.clientWidth;
  const height = container.clientHeight;
  const insets = { ...NO_INSETS };
  for (const box of overlayBoxes(container)) {
    const sides: [keyof Insets, number][] = [
      ['top', box.y2],
      ['bottom', height - box.y1],
      ['left', box.x2],
      ['right', width - box.x1],
    ];
    const [side, room] = sides.reduce((best, next) => (next[1] < best[1] ? next : best));
    insets[side] = Math.max(insets[side], room);
  }
  return insets;
}

function boxesOf(element: Element): DOMRect[] {
  const own = element.getBoundingClientRect();
  if (own.width > 0 && own.height > 0) return [own];
  if (getComputedStyle(element).display !== 'contents') return [];
  return [...element.children].flatMap(boxesOf);
}
