/**
 * Building a story and reading a view the way a person does: move the canvas (drag a node, zoom with
 * the wheel), add a step from the Snapshots tab, save, publish in place, copy the link. What only the
 * canvas knows (positions, zoom) is read from the test build's canvas hook.
 */
import type { Core } from 'cytoscape';
import type { Locator, Page } from 'playwright-core';
import { openRailTab, waitForCanvasIdle } from './ui.js';

export interface CanvasState {
  readonly zoom: number;
  readonly positions: Record<string, { x: number; y: number }>;
}

/** Where every node of the explorer's canvas (or the viewer's map) stands, and the zoom. */
export async function canvasState(page: Page): Promise<CanvasState> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    const positions: Record<string, { x: number; y: number }> = {};
    cy?.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    return { zoom: cy?.zoom() ?? 0, positions };
  });
}

/** The largest distance between where the same nodes stand in two canvases. */
export function largestShift(a: CanvasState, b: CanvasState): number {
  const ids = new Set([...Object.keys(a.positions), ...Object.keys(b.positions)]);
  let largest = 0;
  for (const id of ids) {
    const p = a.positions[id];
    const q = b.positions[id];
    if (!p || !q) return Infinity;
    largest = Math.max(largest, Math.hypot(p.x - q.x, p.y - q.y));
  }
  return largest;
}

async function onScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  await waitForCanvasIdle(page);
  const point = await page.evaluate((nodeId) => {
    const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(nodeId);
    return node?.nonempty() ? node.renderedPosition() : null;
  }, id);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!point || !box) throw new Error(`${id} is not on the canvas`);
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Drags a node by this many screen pixels, as a reader rearranges the canvas. */
export async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const from = await onScreen(page, id);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + (dx * i) / 5, from.y + (dy * i) / 5);
  await page.mouse.up();
}

/** Zooms the canvas with the mouse wheel over its middle. */
export async function wheelZoom(page: Page, deltaY: number): Promise<void> {
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('The canvas is not visible.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, deltaY);
}

/** "Copy link" in the canvas toolbar; the link it shows (the clipboard may be closed to the page). */
export async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('copied-link');
  await field.waitFor();
  return field.inputValue();
}

/** The story builder in the Snapshots tab. */
export async function storyBuilder(page: Page): Promise<Locator> {
  const panel = await openRailTab(page, 'Snapshots');
  const builder = panel.getByTestId('story-builder');
  await builder.waitFor();
  return builder;
}

/** Types a caption and adds the canvas as it is now as the next step. */
export async function addStep(page: Page, caption: string): Promise<void> {
  const builder = await storyBuilder(page);
  const before = await builder.getByTestId('story-step').count();
  await builder.getByTestId('step-caption-input').fill(caption);
  await builder.getByRole('button', { name: 'Add this view as a step' }).click();
  await builder.getByTestId('story-step').nth(before).waitFor();
}

/** How far the page scrolls sideways beyond the screen (0 or less: it fits). */
export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as {
      document: { documentElement: { scrollWidth: number } };
      innerWidth: number;
    };
    return document.documentElement.scrollWidth - innerWidth;
  });
}
