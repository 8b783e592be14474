/**
 * The labels the canvas draws, measured the way Cytoscape lays them out: one box per visible label
 * (name or connection label) in screen px, with its font size on screen. A label is drawn when its
 * element is visible, its text is not empty, it is not transparent and it is not below Cytoscape's
 * `min-zoomed-font-size` at this zoom.
 */
import type { Page } from 'playwright-core';
import type { Core } from 'cytoscape';

export interface LabelBox {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  fontPx: number;
  /** Any part of it inside the canvas. */
  inView: boolean;
  /** A name (of a node), not a connection's label. */
  node: boolean;
}

export async function labelBoxes(page: Page): Promise<LabelBox[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    if (!cy) return [];
    const zoom = cy.zoom();
    const pan = cy.pan();
    const out: LabelBox[] = [];
    cy.elements(':visible').forEach((ele) => {
      const text = ele.style('label') as string;
      if (!text || !text.trim()) return;
      if (Number(ele.style('text-opacity')) === 0 || Number(ele.style('opacity')) === 0) return;
      const fontPx = parseFloat(ele.style('font-size') as string) * zoom;
      const minimum = parseFloat(ele.style('min-zoomed-font-size') as string) || 0;
      if (fontPx < minimum) return;
      const b = ele.boundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
      if (!(b.w > 0 && b.h > 0)) return;
      const box = { x1: b.x1 * zoom + pan.x, y1: b.y1 * zoom + pan.y, x2: b.x2 * zoom + pan.x, y2: b.y2 * zoom + pan.y };
      const inView = box.x2 > 0 && box.y2 > 0 && box.x1 < cy.width() && box.y1 < cy.height();
      out.push({ id: ele.id(), ...box, fontPx, inView, node: ele.isNode() });
    });
    return out;
  });
}

/** Pairs of labels whose boxes overlap by more than half a pixel either way (rounding aside). */
export function labelOverlaps(boxes: readonly LabelBox[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0.5 && h > 0.5) found.push(`${a.id} × ${b.id}`);
    }
  return found;
}
