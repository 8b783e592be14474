/**
 * Pictures exported from the page, as a reader does it: the Snapshots tab's "Export the canvas" menu,
 * a picture size, PNG. The file that downloads is read: a social card is 1200 × 630 pixels, a square
 * one 1080 × 1080, and "As on screen" has the shape of the map on screen (the canvas, not the window),
 * at twice its size. Exporting the canvas saves nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useExplorerSession } from './helpers/session.js';
import { canvasSynced, expand, openRailTab, searchAndPick } from './helpers/ui.js';

/** Width and height from a PNG's header (the IHDR chunk right after the signature). */
function pngSize(file: Buffer): { width: number; height: number } {
  expect(file.subarray(0, 8).toString('hex'), 'a PNG signature').toBe('89504e470d0a1a0a');
  expect(file.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** Exports the canvas as PNG at this picture size from the page's menu and reads the downloaded file. */
async function exportPng(page: Page, size: string): Promise<{ width: number; height: number; name: string }> {
  const menu = page.getByTestId('snapshots-panel').getByTestId('export-menu');
  await menu.getByRole('button', { name: 'Export the canvas' }).click();
  await menu.getByTestId('picture-size').selectOption(size);
  const downloaded = page.waitForEvent('download');
  await menu.locator('a[data-format="png"]').click();
  const download = await downloaded;
  const path = await download.path();
  return { ...pngSize(await readFile(path)), name: download.suggestedFilename() };
}

describe('pictures exported from the page', () => {
  const session = useExplorerSession({ signedIn: true });

  it('downloads a 1200 × 630 social card, a 1080 × 1080 square and a picture with the canvas’s shape', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await canvasSynced(page);
    await openRailTab(page, 'Snapshots');

    const social = await exportPng(page, 'social');
    expect(social.name).toMatch(/\.png$/);
    expect([social.width, social.height]).toEqual([1200, 630]);
    const square = await exportPng(page, 'square');
    expect([square.width, square.height]).toEqual([1080, 1080]);

    // The canvas sits between the two side panels: taller than wide here, unlike the 1440 × 900 window.
    const canvas = await page.getByTestId('graph-canvas').evaluate((element) => {
      const el = element as unknown as { clientWidth: number; clientHeight: number };
      return { width: el.clientWidth, height: el.clientHeight };
    });
    expect(Math.abs(canvas.width / canvas.height - 1440 / 900)).toBeGreaterThan(0.2);
    const screen = await exportPng(page, 'screen');
    expect(screen.width / screen.height).toBeCloseTo(canvas.width / canvas.height, 2);
    // Twice the map's size on screen, sharp on a high-density screen.
    expect(screen.width).toBe(canvas.width * 2);
    expect(screen.height).toBe(canvas.height * 2);

    // On a phone, with the tools up under the shrunken map: the map's shape as it is then.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('phone-bar').locator('[data-sheet="tools"]').click();
    await canvasSynced(page);
    const phoneCanvas = await page.getByTestId('graph-canvas').evaluate((element) => {
      const el = element as unknown as { clientWidth: number; clientHeight: number };
      return { width: el.clientWidth, height: el.clientHeight };
    });
    expect(phoneCanvas.width).toBe(390);
    const phone = await exportPng(page, 'screen');
    expect(phone.width / phone.height).toBeCloseTo(phoneCanvas.width / phoneCanvas.height, 2);
    expect(session.pageErrors).toEqual([]);
  }, 120_000);
});
