/**
 * Links that reopen exactly what was seen, and the explorer on a phone. A copied link opens, in a
 * fresh browser, every entity where it stood (within 1 px) at the same zoom, with the lit path, the
 * pin, the filters and the as-of date, and nothing to undo; a view too long for an address becomes a
 * short link `/v/<id>` that does the same. At 390×844 the tour's first three steps work by touch and
 * nothing scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { InterlockFile, SavedViewResult } from '../../schemas/index.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { openExplorer } from './helpers/browser.js';
import { useExplorerSession } from './helpers/session.js';
import { canvasState, copyLink, dragNode, largestShift, overflow, wheelZoom } from './helpers/stories.js';
import {
  canvasHighlight,
  expectHeading,
  findPaths,
  sidePanel,
  waitForCanvasIdle,
  waitForHighlight,
  waitForOnCanvas,
} from './helpers/ui.js';

const VINCENT = 'person:vincent-line';
const BOARD = 'org:lexisnexis-data-warehouse-board';
const ICE = 'public-body:ice';

describe('links and phones', () => {
  const session = useExplorerSession();
  // Short links the page and this file make are removed at the end (other tests count every node of
  // the database); files run one after another, so what was made since this file started is its own.
  const since = new Date().toISOString();
  afterAll(async () => {
    const driver = testDriver();
    try {
      await driver.executeQuery(
        'MATCH (v:SavedView) WHERE v.createdAt >= $since DELETE v',
        { since },
        { database: testConnection().database },
      );
    } finally {
      await driver.close();
    }
  });

  it('reopens a copied link exactly: positions within 1 px at the same zoom, the lit path, pin, filters and date; Undo empty', async () => {
    const { page } = session;
    await findPaths(page, 'Vincent Line', 'U.S. Immigration and Customs Enforcement');
    const lit = (await canvasHighlight(page)).highlightedNodeIds.sort();
    expect(lit).toEqual(expect.arrayContaining([VINCENT, BOARD, ICE]));
    await dragNode(page, BOARD, 90, 60);
    await wheelZoom(page, 200);
    await sidePanel(page).getByRole('button', { name: 'Pin' }).click();
    await page.getByTestId('as-of-date').fill('2021-06-01');
    await waitForCanvasIdle(page);
    const link = await copyLink(page);
    const seen = await canvasState(page);
    expect(new URL(link).search).toContain('asOf=2021-06-01');

    const other = await openExplorer(session.browser, link);
    try {
      await waitForOnCanvas(other, { ids: Object.keys(seen.positions) });
      await waitForHighlight(other, lit);
      const reopened = await canvasState(other);
      expect(largestShift(seen, reopened)).toBeLessThan(1);
      expect(Math.abs(reopened.zoom - seen.zoom)).toBeLessThan(1e-3);
      expect((await canvasHighlight(other)).highlightedNodeIds.sort()).toEqual(lit);
      await other.getByTestId('path-result').waitFor({ state: 'attached' });
      expect(await other.getByTestId('as-of-value').innerText()).toBe('2021-06-01');
      const pinned = await other.evaluate(() =>
        (globalThis as unknown as { __interlockCy?: Core }).__interlockCy
          ?.nodes()
          .filter((n) => n.locked())
          .map((n) => n.id()),
      );
      expect(pinned).toHaveLength(1);
      expect(await other.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    } finally {
      await other.close();
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('keeps a view too long for an address as a short link /v/<id>, which reopens it', async () => {
    // Every entity of the seed, each pinned and placed on a grid: well past what an address holds.
    const seed = JSON.parse(readFileSync(new URL('../../seed-data/colorado.json', import.meta.url), 'utf8')) as InterlockFile;
    const ids = seed.entities.map((e) => e.id);
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: (i % 6) * 180.5, y: Math.floor(i / 6) * 140.3 }]));
    const saved = await fetch(new URL('/api/views', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids, positions, pinned: ids, viewport: { zoom: 0.6, x: 450, y: 280 } }),
    });
    expect(saved.status).toBe(200);
    const { path } = (await saved.json()) as SavedViewResult;

    const page = await openExplorer(session.browser, new URL(path, session.url).href);
    try {
      await waitForOnCanvas(page, { ids });
      const opened = await canvasState(page);
      expect(largestShift(opened, { zoom: 0.6, positions })).toBeLessThan(1);
      expect(opened.zoom).toBeCloseTo(0.6, 3);
      // A change makes a new short link (the view is still too long for an address), which opens it.
      await page.getByTestId('graph-canvas').focus();
      await page.keyboard.press('ArrowRight');
      const link = await copyLink(page);
      expect(new URL(link).pathname).toMatch(/^\/v\/[a-z0-9]{12,40}$/);
      expect(link).not.toContain(path);
      const again = await openExplorer(session.browser, link);
      try {
        await waitForOnCanvas(again, { ids });
        expect(largestShift(await canvasState(again), opened)).toBeLessThan(1);
      } finally {
        await again.close();
      }
    } finally {
      await page.close();
    }
  });

  it('works with a thumb at 390×844: search, pick, expand and read the board seat’s source by touch', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const phone = await context.newPage();
      await phone.goto(session.url);
      const search = phone.getByTestId('search-input');
      await search.waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
      // The canvas takes the width; the search box is big enough to hit.
      const canvas = await phone.getByTestId('graph-canvas').boundingBox();
      expect(canvas?.width).toBeGreaterThan(370);
      const box = await search.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(40);

      // 1. Type Vincent and pick Vincent Line.
      await search.tap();
      await search.pressSequentially('Vincent', { delay: 30 });
      await phone.getByRole('option', { name: /^Vincent Line \(/ }).tap();
      await expectHeading(phone, 'Vincent Line');
      expect(await overflow(phone)).toBeLessThanOrEqual(0);

      // 2. Expand: the sheet's button.
      const answered = phone.waitForResponse((r) => r.url().includes('/neighborhood'));
      await sidePanel(phone).getByRole('button', { name: 'Expand', exact: true }).tap();
      await answered;
      await waitForOnCanvas(phone, { ids: [BOARD] });

      // 3. Tap the board edge: the sheet shows the quote from line 24.
      await tapEdge(phone, { type: 'SITS_ON_BOARD', source: VINCENT, target: BOARD });
      await expectHeading(phone, 'SITS ON BOARD');
      expect(await sidePanel(phone).getByTestId('citation').first().innerText()).toContain('line 24');
      expect(await overflow(phone)).toBeLessThanOrEqual(0);

      // The tools are a tap away, and fit too.
      await phone.getByTestId('phone-bar').getByRole('button', { name: 'Tools' }).tap();
      await phone.getByRole('tab', { name: 'Conflicts' }).waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});

/** Taps the middle of an edge on the canvas, as a thumb does. */
async function tapEdge(page: Page, edge: { type: string; source: string; target: string }): Promise<void> {
  await waitForCanvasIdle(page);
  const point = await page.evaluate((e) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    const found = cy
      ?.edges()
      .toArray()
      .find((x) => x.data('type') === e.type && x.data('source') === e.source && x.data('target') === e.target);
    return found ? found.renderedMidpoint() : null;
  }, edge);
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!point || !box) throw new Error(`No ${edge.type} edge on the canvas`);
  await page.touchscreen.tap(box.x + point.x, box.y + point.y);
}
