/**
 * The explorer by keyboard and by table, sources as first-class, and the panels in Spanish and
 * Arabic: arrow keys walk the selection between neighbours, N selects neighbours, the table sorts,
 * a document lists what it sources, and nothing in the panels is left in English.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { openExplorer } from './helpers/browser.js';
import { useExplorerSession } from './helpers/session.js';
import {
  canvasNodeIds,
  canvasSynced,
  expand,
  expectHeading,
  openRailTab,
  panelHeading,
  searchAndPick,
  searchAndPickWithKeyboard,
  sidePanel,
  waitForCanvasIdle,
  waitForOnCanvas,
} from './helpers/ui.js';
import { seriousAxeViolations } from './helpers/axe.js';

const VINCENT = 'person:vincent-line';
const PRESS_RELEASE = 'document:press-release-sanctuary-sabotage';
const PRESS_RELEASE_NAME = 'Press release: new report shows ICE uses data brokers to get around sanctuary laws';

/** English words as whole words, so the Spanish "Expandir" does not count as "Expand". */
const word = (text: string) => new RegExp(`(^|[^\\p{L}])${text}($|[^\\p{L}])`, 'u');

describe('explorer by keyboard, table and source', () => {
  const session = useExplorerSession();

  it('moves the selection between neighbours with the arrow keys and opens details with Enter', async () => {
    const { page } = session;
    await searchAndPickWithKeyboard(page, 'Vinc', 'Vincent Line');
    await focusCanvasByTab(page);
    // The canvas shows where the keyboard is.
    const outline = await page
      .getByTestId('graph-canvas')
      .evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle,
      );
    expect(outline).not.toBe('none');

    // E expands the selected node, as double-clicking does.
    const answered = page.waitForResponse((r) => r.url().includes('/neighborhood'));
    await page.keyboard.press('e');
    await answered;
    await waitForOnCanvas(page, { ids: [VINCENT] });
    await waitForCanvasIdle(page);
    const neighbours = await neighboursOf(page, VINCENT);
    expect(neighbours.length).toBeGreaterThan(1);

    // Each arrow goes to the neighbour lying that way on screen.
    const from = await renderedPosition(page, VINCENT);
    await page.keyboard.press('ArrowRight');
    const right = await selectedNodeId(page);
    expect(neighbours).toContain(right);
    expect((await renderedPosition(page, right)).x).toBeGreaterThan(from.x);
    await expectHeading(page, await nodeLabel(page, right));
    expect(await page.getByTestId('selection-announcer').innerText()).toContain(await nodeLabel(page, right));

    // From there, back the other way reaches one of its own neighbours to the left.
    const there = await renderedPosition(page, right);
    await page.keyboard.press('ArrowLeft');
    const back = await selectedNodeId(page);
    expect(await neighboursOf(page, right)).toContain(back);
    expect((await renderedPosition(page, back)).x).toBeLessThan(there.x);

    // Enter moves the keyboard into the details of the selection.
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => {
      const active = (globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string } | null } })
        .document.activeElement;
      return { tag: active?.tagName, text: active?.textContent };
    });
    expect(focused.tag).toBe('H2');
    expect(focused.text).toBe(await panelHeading(page).innerText());

    // Escape lets go of the selection.
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('Escape');
    await canvasSynced(page);
    expect(await selectedNodeIds(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('selects a node with its neighbours (N, or the toolbar) and removes them in one step', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    const neighbours = await neighboursOf(page, VINCENT);

    await page.getByRole('button', { name: 'Select neighbours' }).click();
    await page
      .getByTestId('marked-count')
      .filter({ hasText: `${neighbours.length + 1} selected` })
      .waitFor();
    expect((await markedIds(page)).sort()).toEqual([VINCENT, ...neighbours].sort());

    await page.getByRole('button', { name: 'Clear selection' }).click();
    await canvasSynced(page);
    expect(await markedIds(page)).toEqual([]);

    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('n');
    await page.getByTestId('marked-count').waitFor();
    expect((await markedIds(page)).sort()).toEqual([VINCENT, ...neighbours].sort());

    const before = await canvasNodeIds(page);
    await page.getByRole('button', { name: 'Remove selected' }).click();
    await canvasSynced(page);
    const after = await canvasNodeIds(page);
    expect(after).toEqual(before.filter((id) => id !== VINCENT && !neighbours.includes(id)));
    await page.getByRole('button', { name: 'Undo' }).click();
    await canvasSynced(page);
    expect((await canvasNodeIds(page)).sort()).toEqual(before.sort());
  });

  it('sorts the table view by any column, saying so with aria-sort', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await page.getByRole('button', { name: 'Table' }).click();
    const entities = page.getByTestId('entity-table');
    await entities.waitFor();
    const nameHeader = entities.locator('thead th').first();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');

    await entities.getByRole('button', { name: 'Name' }).click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await entities.locator('tbody th').allInnerTexts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(ascending.length).toBe((await canvasNodeIds(page)).length);

    await entities.getByRole('button', { name: 'Name' }).click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await entities.locator('tbody th').allInnerTexts()).toEqual([...ascending].reverse());

    // Sorting by connections puts Vincent Line, the hub of this canvas, first when descending.
    await entities.getByRole('button', { name: 'Connections' }).click();
    await entities.getByRole('button', { name: 'Connections' }).click();
    expect(await entities.locator('thead th').nth(2).getAttribute('aria-sort')).toBe('descending');
    expect(await entities.locator('tbody th').first().innerText()).toBe('Vincent Line');

    // The connections table lists each connection's sources (document and line).
    const connections = page.getByTestId('connection-table');
    await connections.getByRole('button', { name: 'Sources' }).click();
    expect(await connections.locator('thead th').nth(5).getAttribute('aria-sort')).toBe('ascending');
    expect(await connections.locator('tbody td').last().innerText()).toMatch(/line \d+/);
    expect(session.pageErrors).toEqual([]);
  });

  it('lists everything a document sources when it is clicked, and puts those facts on the canvas', async () => {
    const { page } = session;
    await searchAndPick(page, 'Press release', PRESS_RELEASE_NAME);
    const facts = sidePanel(page).getByTestId('document-facts');
    await facts.getByTestId('document-fact').first().waitFor();
    const api = await (await page.request.get(new URL(`/api/documents/${PRESS_RELEASE}/facts`, page.url()).toString())).json();
    const count = (api as { facts: unknown[] }).facts.length;
    expect(await facts.getByTestId('document-fact').count()).toBe(count);
    expect(await facts.getByTestId('document-facts-count').innerText()).toBe(`${count} connections cite it`);
    // Each fact shows the place in the document and its quote.
    expect(await facts.getByTestId('document-fact').first().innerText()).toMatch(/line \d+/);

    await facts.getByRole('button', { name: 'Put these facts on the canvas' }).click();
    const nodeIds = (api as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    await waitForOnCanvas(page, { ids: nodeIds });
    expect((await canvasNodeIds(page)).length).toBeGreaterThanOrEqual(nodeIds.length);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the side panel and the rail tabs in Spanish, with nothing left in English', async () => {
    const page = await openExplorer(session.browser, `${session.url}?lang=es`);
    try {
      await searchAndPick(page, 'Vincent', 'Vincent Line');
      const panel = sidePanel(page);
      await panel.getByRole('button', { name: 'Expandir' }).waitFor();
      await panel.getByRole('button', { name: 'Ruta desde aquí' }).waitFor();
      await panel.getByText('Conexiones', { exact: false }).first().waitFor();
      await panel.getByText('MIEMBRO DEL CONSEJO').first().waitFor();
      const panelText = await panel.innerText();
      for (const english of ['Expand', 'Path from here', 'Connections', 'Collapse', 'Sources for this entity', 'SITS ON BOARD'])
        expect(panelText).not.toMatch(word(english));

      const conflicts = await openRailTab(page, 'Conflictos');
      await conflicts.getByText('Patrón').waitFor();
      const money = await openRailTab(page, 'Dinero');
      await money.getByRole('button', { name: 'Mostrar en el lienzo' }).waitFor();
      const paths = await openRailTab(page, 'Rutas');
      await paths.getByRole('button', { name: 'Buscar rutas' }).waitFor();
      const legend = await openRailTab(page, 'Leyenda');
      await legend.getByText('Personas').waitFor();
      for (const text of [
        await conflicts.innerText(),
        await money.innerText(),
        await paths.innerText(),
        await legend.innerText(),
      ]) {
        for (const english of ['Pattern', 'Show on canvas', 'Find paths', 'People', 'Connections'])
          expect(text).not.toContain(english);
      }
    } finally {
      await page.close();
    }
  });

  it('shows the panels in Arabic, right to left, with the entity named by its Arabic alias', async () => {
    const page = await openExplorer(session.browser, `${session.url}?lang=ar`);
    try {
      await page.locator('html[dir="rtl"][lang="ar"]').waitFor({ state: 'attached' });
      await page.getByTestId('search-input').pressSequentially('Vincent', { delay: 40 });
      await page.getByRole('option', { name: /^Vincent Line \(/ }).click();
      await expectHeading(page, 'فنسنت لاين');
      const panel = sidePanel(page);
      await panel.getByRole('button', { name: 'توسيع' }).waitFor();
      await panel.getByText('عضو مجلس إدارة').first().waitFor();
      // The canonical name is still there, among the other names.
      expect(await panel.innerText()).toContain('Vincent Line');
      const paths = await openRailTab(page, 'المسارات');
      await paths.getByRole('button', { name: 'ابحث عن المسارات' }).waitFor();
      const money = await openRailTab(page, 'الأموال');
      await money.getByRole('button', { name: 'اعرض على اللوحة' }).waitFor();
      expect(await money.innerText()).not.toContain('Show on canvas');
    } finally {
      await page.close();
    }
  });

  it('draws with WebGL when the link asks for it (where the browser has WebGL 2) and on the 2D canvas when told so', async () => {
    for (const [asked, expectWebgl] of [
      ['webgl', true],
      ['canvas', false],
    ] as const) {
      const page = await openExplorer(session.browser, `${session.url}?renderer=${asked}`);
      try {
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const hasWebgl2 = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { createElement(t: string): { getContext(c: string): unknown } } }).document
              .createElement('canvas')
              .getContext('webgl2') !== null,
        );
        await searchAndPick(page, 'Matt Lewis', 'Matt Lewis');
        await expand(page, { button: true });
        const renderer = await page.getByTestId('graph-canvas').getAttribute('data-renderer');
        expect(renderer).toBe(expectWebgl && hasWebgl2 ? 'webgl' : 'canvas');
        expect((await canvasNodeIds(page)).length).toBe(3);
        // The keyboard still moves the selection over what this renderer drew.
        await page.getByTestId('graph-canvas').focus();
        await page.keyboard.press('ArrowRight');
        await canvasSynced(page);
        expect(await selectedNodeIds(page)).toHaveLength(1);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('has no serious or critical accessibility violations in the table view and a document panel', async () => {
    const { page } = session;
    const scan = async (view: string) => expect(await seriousAxeViolations(page), view).toEqual([]);
    await searchAndPick(page, 'Press release', PRESS_RELEASE_NAME);
    await sidePanel(page).getByTestId('document-fact').first().waitFor();
    await scan('document panel');
    await page.getByRole('button', { name: 'Table' }).click();
    await page.getByTestId('entity-table').getByRole('button', { name: 'Name' }).click();
    await scan('table view, sorted');
  });
});

/** Tabs from the search box onto the canvas, as a keyboard user would arrive there. */
async function focusCanvasByTab(page: Page): Promise<void> {
  await page.getByTestId('search-input').focus();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const onCanvas = await page.evaluate(() => {
      const { document } = globalThis as unknown as {
        document: { activeElement: { getAttribute(name: string): string | null } | null };
      };
      return document.activeElement?.getAttribute('data-testid') === 'graph-canvas';
    });
    if (onCanvas) return;
  }
  throw new Error('Tab did not reach the canvas');
}

async function neighboursOf(page: Page, id: string): Promise<string[]> {
  return page.evaluate((nodeId) => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    return (
      cy
        ?.getElementById(nodeId)
        .neighborhood('node:visible')
        .map((n) => n.id()) ?? []
    );
  }, id);
}

async function selectedNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.nodes('.selected').map((n) => n.id()) ?? [],
  );
}

/** The selected node once the canvas has synced the keyboard's move. */
async function selectedNodeId(page: Page): Promise<string> {
  await canvasSynced(page);
  const ids = await selectedNodeIds(page);
  if (ids.length !== 1 || !ids[0]) throw new Error(`Expected one selected node, found ${JSON.stringify(ids)}`);
  return ids[0];
}

async function markedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.nodes('.marked').map((n) => n.id()) ?? [],
  );
}

async function renderedPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(nodeId);
    return node ? node.renderedPosition() : { x: NaN, y: NaN };
  }, id);
}

async function nodeLabel(page: Page, id: string): Promise<string> {
  return page.evaluate(
    (nodeId) =>
      String((globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(nodeId).data('label') ?? ''),
    id,
  );
}
