/**
 * The explorer in depth: the as-of date, deep links, Arabic right to left, keyboard-only use and an
 * accessibility scan, driven through the page as a reader would.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { startTestServer } from './helpers/server.js';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import {
  canvasEdgeIds,
  canvasNodeIds,
  canvasSynced,
  expand,
  expectHeading,
  openRailTab,
  searchAndPick,
  searchAndPickWithKeyboard,
  setAsOf,
  waitForCanvasIdle,
  waitForOnCanvas,
} from './helpers/ui.js';

const MATT = 'person:matt-lewis';
const MESA = 'public-body:mesa-county-sheriffs-office';
const VINCENT = 'person:vincent-line';
const DENVER_SHERIFF = 'public-body:denver-sheriff-department';

describe('explorer in depth', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    pageErrors.length = 0;
    page = await openExplorer(browser, server.url);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  it('hides what had not started by the as-of year, former roles today, and undated facts on request', async () => {
    await searchAndPick(page, 'Denver', 'City and County of Denver');
    await expand(page, { button: true });
    const contract = (await canvasNodeIds(page)).find((id) => id.startsWith('contract:'));
    expect(contract).toBeDefined();
    const moneyEdges = await edgesTouching(page, contract ?? '');
    expect(moneyEdges.length).toBeGreaterThan(0);

    await setAsOf(page, '2019');
    expect(await canvasNodeIds(page)).not.toContain(contract);
    const shownEdges = await canvasEdgeIds(page);
    for (const id of moneyEdges) expect(shownEdges).not.toContain(id);

    await setAsOf(page, '2020');
    expect(await canvasNodeIds(page)).toContain(contract);

    // Matt Lewis's post at the Mesa County Sheriff's Office is former: over by today, undated before.
    await searchAndPick(page, 'Matt Lewis', 'Matt Lewis');
    await expand(page, { button: true });
    const former = await edgeBetween(page, MATT, MESA);
    expect(await canvasEdgeIds(page)).toContain(former);
    await setAsOf(page, String(new Date().getUTCFullYear()));
    expect(await canvasEdgeIds(page)).not.toContain(former);
    await setAsOf(page, '2020');
    expect(await canvasEdgeIds(page)).toContain(former);
    expect(await edgeHasClass(page, former, 'undated')).toBe(true);

    await page.getByTestId('hide-undated').check();
    await canvasSynced(page);
    expect(await canvasEdgeIds(page)).not.toContain(former);
    expect(pageErrors).toEqual([]);
  });

  it('puts the view in the link: opening it again shows the same nodes, selection and date', async () => {
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await searchAndPick(page, 'Denver', 'City and County of Denver');
    await page.getByTestId('as-of-date').fill('2021-06-01');
    await canvasSynced(page);
    const nodes = (await canvasNodeIds(page)).sort();
    const link = page.url();
    expect(link).toContain('asOf=2021-06-01');

    const other = await openExplorer(browser, link);
    await waitForOnCanvas(other, { ids: nodes });
    await expectHeading(other, 'City and County of Denver');
    expect((await canvasNodeIds(other)).sort()).toEqual(nodes);
    expect(await other.getByTestId('as-of-value').innerText()).toBe('2021-06-01');
    await other.close();

    // Back undoes the last step (the date), forward brings it again.
    await page.goBack();
    await page
      .getByTestId('as-of-value')
      .filter({ hasText: /^All dates$/ })
      .waitFor();
    await page.goForward();
    await page
      .getByTestId('as-of-value')
      .filter({ hasText: /^2021-06-01$/ })
      .waitFor();
  });

  it('turns right to left in Arabic with translated controls and Arabic names on the canvas', async () => {
    await page.getByTestId('language').selectOption('ar');
    await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    await page.getByRole('tab', { name: 'الأموال' }).waitFor();
    await page.getByRole('button', { name: 'جدول' }).waitFor();
    expect(await page.getByTestId('time-bar').innerText()).toContain('بتاريخ');
    await page.getByTestId('search-input').pressSequentially('Vincent', { delay: 40 });
    await page.getByRole('option', { name: /^Vincent Line \(/ }).click();
    // The side panel keeps the canonical name; the canvas shows the Arabic alias.
    await expectHeading(page, 'Vincent Line');
    await waitForOnCanvas(page, { names: ['فنسنت لاين'] });
    const rect = await page.getByTestId('side-panel').boundingBox();
    // The evidence panel moves to the left edge when the page reads right to left.
    expect(rect?.x).toBeLessThan(100);
    expect(pageErrors).toEqual([]);
  });

  it('works by keyboard alone: search, expand, and move between neighbours', async () => {
    await searchAndPickWithKeyboard(page, 'Vinc', 'Vincent Line');
    const expandButton = page.getByTestId('side-panel').getByRole('button', { name: 'Expand' });
    await expandButton.focus();
    const answered = page.waitForResponse((r) => r.url().includes('/neighborhood'));
    await page.keyboard.press('Enter');
    await answered;
    await waitForOnCanvas(page, { ids: [VINCENT, DENVER_SHERIFF] });
    // The neighbours are listed in the panel as buttons: Tab reaches one and Enter opens it.
    const neighbour = page.getByTestId('side-panel').getByRole('button', { name: /LexisNexis data-warehouse board/ });
    await neighbour.focus();
    // Focus must be visible: the focused button draws an outline.
    const outline = await neighbour.evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'SITS ON BOARD');
  });

  it('has no serious or critical accessibility violations in the main views', async () => {
    const require = createRequire(import.meta.url);
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    const scan = async (view: string) => {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
        const result = await axe.run();
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, view).toEqual([]);
    };
    await scan('empty page');
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await waitForCanvasIdle(page);
    await scan('entity expanded');
    await openRailTab(page, 'Legend');
    await scan('legend');
    await openRailTab(page, 'Money');
    await scan('money');
    await page.getByTestId('language').selectOption('ar');
    await scan('arabic');
  });
});

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: string[] }[];
}

async function edgesTouching(page: Page, id: string): Promise<string[]> {
  return page.evaluate((nodeId) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return (
      cy
        ?.getElementById(nodeId)
        .connectedEdges()
        .map((e) => e.id()) ?? []
    );
  }, id);
}

async function edgeBetween(page: Page, source: string, target: string): Promise<string> {
  const id = await page.evaluate(
    ({ s, t }) => {
      const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
      return cy
        ?.edges()
        .filter((e) => e.data('source') === s && e.data('target') === t)[0]
        ?.id();
    },
    { s: source, t: target },
  );
  if (!id) throw new Error(`No edge ${source} -> ${target} on the canvas`);
  return id;
}

async function edgeHasClass(page: Page, id: string, cls: string): Promise<boolean> {
  return page.evaluate(
    ({ edgeId, c }) =>
      (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(edgeId).hasClass(c) ?? false,
    { edgeId: id, c: cls },
  );
}
