/**
 * What a newsroom noticed (issue 17), each checked the way a reader meets it: the README tour's
 * step 4 as written, the counter under the canvas, the skip link and the keyboard after a search,
 * plurals, long searches, the page before its scripts, the rail tabs, the toolbar in Spanish and
 * folding the side panels away.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useExplorerSession } from './helpers/session.js';
import { canvasNodeIds, expand, searchAndPick, setAsOf, sidePanel, waitForOnCanvas } from './helpers/ui.js';

const VINCENT = 'person:vincent-line';
const ICE = 'public-body:ice';

/** True for the element that has the keyboard focus (runs in the page). */
const isActive = (el: unknown): boolean =>
  el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;

function status(page: Page) {
  return page.locator('.stage__status');
}

describe('small things a newsroom notices', () => {
  const session = useExplorerSession();

  it('tour step 4 as written: Path from here, type ICE as the end, Find paths; each hop with its line and quote', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await sidePanel(page).getByRole('button', { name: 'Path from here' }).click();
    const finder = page.getByTestId('path-finder');
    const to = finder.getByRole('searchbox', { name: 'To' });
    await to.fill('ICE');
    await finder.getByRole('button', { name: 'Pick U.S. Immigration and Customs Enforcement' }).click();
    const answered = page.waitForResponse((r) => r.url().includes('/api/paths'));
    await finder.getByRole('button', { name: 'Find paths' }).click();
    expect((await answered).ok()).toBe(true);
    await page.getByTestId('path-result').first().waitFor();
    await waitForOnCanvas(page, { ids: [VINCENT, ICE] });
    const first = page.getByTestId('path-result').first();
    expect(await first.locator('.hop__locator').count()).toBeGreaterThan(0);
    expect(await first.getByTestId('hop-quote').count()).toBe(await first.locator('.hop__edge').count());
    expect(await first.getByTestId('hop-quote').first().innerText()).not.toBe('');
    expect(session.pageErrors).toEqual([]);
  });

  it('counts what the canvas shows, with the as-of date, in the right plural', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expect(status(page).innerText()).resolves.toBe('1 entity · 0 connections');
    expect(await page.getByTestId('graph-canvas').getAttribute('aria-label')).toBe('Graph of 1 entity and 0 connections');
    await searchAndPick(page, 'Denver', 'City and County of Denver');
    await expand(page, { button: true });
    const all = await status(page).innerText();
    const shown = (await canvasNodeIds(page)).length;
    expect(all).toContain(`${shown} entities`);
    await setAsOf(page, '2019');
    const earlier = await status(page).innerText();
    expect(earlier).not.toBe(all);
    expect(earlier).toContain(`${(await canvasNodeIds(page)).length} entit`);
  });

  it('skip link first, few Tabs from search to map, and E works right after Enter in the search', async () => {
    const { page } = session;
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-to-canvas');
    expect(await skip.evaluate(isActive)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('graph-canvas').evaluate(isActive)).toBe(true);

    // Tabs from the search box to the canvas: sign-in and language only.
    await page.getByTestId('search-input').focus();
    let tabs = 0;
    while (tabs < 10 && !(await page.getByTestId('graph-canvas').evaluate(isActive))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(4);

    const input = page.getByTestId('search-input');
    await input.focus();
    await input.pressSequentially('Vincent', { delay: 30 });
    await page.getByRole('option', { name: /^Vincent Line \(/ }).waitFor();
    await page.locator('[data-testid="search-results"][aria-busy="false"]').waitFor({ state: 'attached' });
    await input.press('Enter');
    await waitForOnCanvas(page, { ids: [VINCENT] });
    const answered = page.waitForResponse((r) => r.url().includes('/neighborhood'));
    await page.keyboard.press('e');
    expect((await answered).ok()).toBe(true);
    await waitForOnCanvas(page, { ids: ['org:lexisnexis-data-warehouse-board'] });
    await page.keyboard.press('n');
    await page.getByTestId('marked-count').waitFor();
  });

  it('says in words when a search is too long, and the "+ 1" buttons say what they add', async () => {
    const { page } = session;
    await page.getByTestId('search-input').fill('x'.repeat(210));
    const message = page.getByTestId('search-message');
    await message.waitFor();
    expect(await message.innerText()).toContain('too long');
    expect(await message.innerText()).not.toContain('q:');

    await searchAndPick(page, 'Vincent', 'Vincent Line');
    const plus = sidePanel(page)
      .getByRole('button', { name: /^\+ 1:/ })
      .first();
    expect(await plus.getAttribute('title')).toMatch(/^Add the “.+” connection to the canvas$/);
  });

  it('shows a loading line before the scripts run', async () => {
    const html = await (await fetch(session.url)).text();
    expect(html).toContain('Loading the explorer');
  });

  it('fits the rail tabs at 1440 px, keeps the Spanish toolbar on one row, and folds the side panels', async () => {
    const { page } = session;
    const legend = page.getByRole('tab', { name: 'Legend' });
    const rail = await page.getByTestId('rail').boundingBox();
    const tab = await legend.boundingBox();
    expect(tab && rail && tab.x + tab.width <= rail.x + rail.width && tab.x >= rail.x).toBe(true);

    await page.getByTestId('toggle-rail').click();
    await page.getByTestId('toggle-panel').click();
    await expect(page.getByTestId('rail').isVisible()).resolves.toBe(false);
    const wide = await page.getByTestId('graph-canvas').boundingBox();
    expect(wide?.width).toBeGreaterThan(1300);
    await page.getByTestId('toggle-rail').click();
    await expect(page.getByTestId('rail').isVisible()).resolves.toBe(true);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.getByTestId('language').selectOption('es');
      await page.locator('.stage__toolbar').getByRole('button', { name: 'Tabla' }).waitFor();
      const bar = await page.locator('.stage__toolbar').boundingBox();
      expect(bar?.height, `toolbar height at ${width}px`).toBeLessThan(52);
      await page.getByTestId('language').selectOption('en');
    }
  });
});
