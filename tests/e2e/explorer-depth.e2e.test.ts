/**
 * The explorer in depth: the as-of date, deep links, Arabic right to left, keyboard-only use and an
 * accessibility scan, driven through the page as a reader would.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { openExplorer } from './helpers/browser.js';
import { useExplorerSession } from './helpers/session.js';
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
import { seriousAxeViolations } from './helpers/axe.js';

const MATT = 'person:matt-lewis';
const MESA = 'public-body:mesa-county-sheriffs-office';
const VINCENT = 'person:vincent-line';
const DENVER_SHERIFF = 'public-body:denver-sheriff-department';

describe('explorer in depth', () => {
  const session = useExplorerSession();

  it('hides what had not started by the as-of year, former roles today, and undated facts on request', async () => {
    await searchAndPick(session.page, 'Denver', 'City and County of Denver');
    await expand(session.page, { button: true });
    const contract = (await canvasNodeIds(session.page)).find((id) => id.startsWith('contract:'));
    expect(contract).toBeDefined();
    const moneyEdges = await edgesTouching(session.page, contract ?? '');
    expect(moneyEdges.length).toBeGreaterThan(0);

    await setAsOf(session.page, '2019');
    expect(await canvasNodeIds(session.page)).not.toContain(contract);
    const shownEdges = await canvasEdgeIds(session.page);
    for (const id of moneyEdges) expect(shownEdges).not.toContain(id);

    await setAsOf(session.page, '2020');
    expect(await canvasNodeIds(session.page)).toContain(contract);

    // Matt Lewis's post at the Mesa County Sheriff's Office is former: over by today, undated before.
    await searchAndPick(session.page, 'Matt Lewis', 'Matt Lewis');
    await expand(session.page, { button: true });
    const former = await edgeBetween(session.page, MATT, MESA);
    expect(await canvasEdgeIds(session.page)).toContain(former);
    await setAsOf(session.page, String(new Date().getUTCFullYear()));
    expect(await canvasEdgeIds(session.page)).not.toContain(former);
    await setAsOf(session.page, '2020');
    expect(await canvasEdgeIds(session.page)).toContain(former);
    expect(await edgeHasClass(session.page, former, 'undated')).toBe(true);

    await session.page.getByTestId('hide-undated').check();
    await canvasSynced(session.page);
    expect(await canvasEdgeIds(session.page)).not.toContain(former);
    expect(session.pageErrors).toEqual([]);
  });

  it('puts the view in the link: opening it again shows the same nodes, selection and date', async () => {
    await searchAndPick(session.page, 'Vincent', 'Vincent Line');
    await expand(session.page, { button: true });
    await searchAndPick(session.page, 'Denver', 'City and County of Denver');
    await session.page.getByTestId('as-of-date').fill('2021-06-01');
    await canvasSynced(session.page);
    const nodes = (await canvasNodeIds(session.page)).sort();
    const link = session.page.url();
    expect(link).toContain('asOf=2021-06-01');

    const other = await openExplorer(session.browser, link);
    await waitForOnCanvas(other, { ids: nodes });
    await expectHeading(other, 'City and County of Denver');
    expect((await canvasNodeIds(other)).sort()).toEqual(nodes);
    expect(await other.getByTestId('as-of-value').innerText()).toBe('2021-06-01');
    await other.close();

    // Back undoes the last step (the date), forward brings it again.
    await session.page.goBack();
    await session.page
      .getByTestId('as-of-value')
      .filter({ hasText: /^All dates$/ })
      .waitFor();
    await session.page.goForward();
    await session.page
      .getByTestId('as-of-value')
      .filter({ hasText: /^2021-06-01$/ })
      .waitFor();
  });

  it('turns right to left in Arabic with translated controls and Arabic names on the canvas', async () => {
    await session.page.getByTestId('language').selectOption('ar');
    await session.page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
    await session.page.getByRole('tab', { name: 'الأموال' }).waitFor();
    await session.page.getByRole('button', { name: 'جدول' }).waitFor();
    expect(await session.page.getByTestId('time-bar').innerText()).toContain('بتاريخ');
    await session.page.getByTestId('search-input').pressSequentially('Vincent', { delay: 40 });
    await session.page.getByRole('option', { name: /^Vincent Line \(/ }).click();
    // Canvas and side panel name him by his Arabic alias; the canonical name stays among his names.
    await expectHeading(session.page, 'فنسنت لاين');
    await waitForOnCanvas(session.page, { names: ['فنسنت لاين'] });
    const rect = await session.page.getByTestId('side-panel').boundingBox();
    // The evidence panel moves to the left edge when the page reads right to left.
    expect(rect?.x).toBeLessThan(100);
    expect(session.pageErrors).toEqual([]);
  });

  it('works by keyboard alone: search, expand, and move between neighbours', async () => {
    await searchAndPickWithKeyboard(session.page, 'Vinc', 'Vincent Line');
    const expandButton = session.page.getByTestId('side-panel').getByRole('button', { name: 'Expand' });
    await expandButton.focus();
    const answered = session.page.waitForResponse((r) => r.url().includes('/neighborhood'));
    await session.page.keyboard.press('Enter');
    await answered;
    await waitForOnCanvas(session.page, { ids: [VINCENT, DENVER_SHERIFF] });
    // The neighbours are listed in the panel as buttons: Tab reaches one and Enter opens it.
    const neighbour = session.page.getByTestId('side-panel').getByRole('button', { name: /LexisNexis data-warehouse board/ });
    await neighbour.focus();
    // Focus must be visible: the focused button draws an outline.
    const outline = await neighbour.evaluate(
      (el) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await session.page.keyboard.press('Enter');
    await expectHeading(session.page, 'SITS ON BOARD');
  });

  it('has no serious or critical accessibility violations in the main views', async () => {
    const scan = async (view: string) => expect(await seriousAxeViolations(session.page), view).toEqual([]);
    await scan('empty page');
    await searchAndPick(session.page, 'Vincent', 'Vincent Line');
    await expand(session.page, { button: true });
    await waitForCanvasIdle(session.page);
    await scan('entity expanded');
    await openRailTab(session.page, 'Legend');
    await scan('legend');
    await openRailTab(session.page, 'Money');
    await scan('money');
    await session.page.getByTestId('language').selectOption('ar');
    await scan('arabic');
  });
});

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
