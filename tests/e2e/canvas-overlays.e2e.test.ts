/**
 * What is drawn over the canvas (toolbar, time bar, counter, the side panels' fold tabs, the phone's
 * bar) never hides the graph: after Fit and after each layout no node lies under one, and a label
 * that would is hidden (never the selection's name), on a laptop and on a phone. The toolbar shows
 * every button in Spanish and Arabic beside both open panels, and folding the panels is done by
 * keyboard and survives a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { useExplorerSession } from './helpers/session.js';
import { canvasSynced, clickNode, expand, searchAndPick, sidePanel, waitForCanvasIdle } from './helpers/ui.js';

const PRESS_RELEASE = 'Press release: new report shows ICE uses data brokers to get around sanctuary laws';
const VINCENT = 'person:vincent-line';

interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Pairs of (node or drawn label, overlay) whose boxes intersect on screen, in page px; also how many
 * nodes and labels were measured and how many overlays were over the canvas.
 */
async function hiddenUnderOverlays(page: Page): Promise<{ hits: string[]; measured: number; overlays: number }> {
  return page.evaluate(() => {
    // The page's DOM, typed as far as used here (the tests compile without the DOM library).
    interface Rect {
      left: number;
      right: number;
      top: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface El {
      getBoundingClientRect(): Rect;
      children: ArrayLike<El>;
      className: string;
      tagName: string;
    }
    const page = globalThis as unknown as {
      __interlockCy: Core;
      document: { querySelectorAll(selector: string): ArrayLike<El> };
      getComputedStyle(el: El): { display: string };
    };
    const cy = page.__interlockCy;
    const container = (cy.container() as unknown as El).getBoundingClientRect();
    const toPage = (id: string, b: { x1: number; y1: number; x2: number; y2: number }): Box => ({
      id,
      x1: b.x1 + container.left,
      y1: b.y1 + container.top,
      x2: b.x2 + container.left,
      y2: b.y2 + container.top,
    });
    const items: Box[] = cy
      .nodes(':visible')
      .map((n) => toPage(n.id(), n.renderedBoundingBox({ includeLabels: false, includeOverlays: false })));
    // Every label drawn (names and connection labels), the selection's name among them.
    cy.elements(':visible').forEach((ele) => {
      const text = ele.style('label') as string;
      if (!text || !text.trim() || Number(ele.style('text-opacity')) === 0) return;
      const label = ele.renderedBoundingBox({
        includeNodes: false,
        includeEdges: false,
        includeLabels: true,
        includeOverlays: false,
      } as never);
      if (label.w > 0) items.push(toPage(`${ele.id()} (label)`, label));
    });
    const boxes = (el: El): Rect[] => {
      const own = el.getBoundingClientRect();
      if (own.width > 0 && own.height > 0) return [own];
      return page.getComputedStyle(el).display === 'contents' ? Array.from(el.children).flatMap(boxes) : [];
    };
    const overlays = Array.from(page.document.querySelectorAll('[data-canvas-overlay]'))
      .flatMap((el) => boxes(el).map((r) => ({ name: el.className || el.tagName, r })))
      .filter(
        ({ r }) => r.right > container.left && r.left < container.right && r.bottom > container.top && r.top < container.bottom,
      );
    const hits: string[] = [];
    for (const item of items)
      for (const { name, r } of overlays) {
        const w = Math.min(item.x2, r.right) - Math.max(item.x1, r.left);
        const h = Math.min(item.y2, r.bottom) - Math.max(item.y1, r.top);
        if (w > 0.5 && h > 0.5) hits.push(`${item.id} under ${name}`);
      }
    return { hits, measured: items.length, overlays: overlays.length };
  });
}

/**
 * What of the time bar is cut or runs over: the bar past the canvas or over the graph's area (it owns the
 * strip under it), a control or a word of it past the bar's edges, a word broken over two lines.
 */
async function timeBarCut(page: Page): Promise<string[]> {
  return page.getByTestId('time-bar').evaluate((element) => {
    interface Rect {
      left: number;
      right: number;
      top: number;
      bottom: number;
      width: number;
      height: number;
    }
    interface Node {
      nodeType: number;
      textContent: string | null;
      childNodes: ArrayLike<Node>;
    }
    interface El extends Node {
      getBoundingClientRect(): Rect;
      children: ArrayLike<El>;
      className: string;
      tagName: string;
      scrollWidth: number;
      clientWidth: number;
      closest(selector: string): El | null;
      querySelector(selector: string): El | null;
    }
    const doc = (
      globalThis as unknown as {
        document: { createRange(): { selectNodeContents(n: Node): void; getClientRects(): ArrayLike<Rect> } };
      }
    ).document;
    const bar = element as unknown as El;
    const outer = bar.getBoundingClientRect();
    const stage = bar.closest('.stage')?.getBoundingClientRect();
    const canvas = bar.closest('.stage')?.querySelector('.graph-canvas')?.getBoundingClientRect();
    const out: string[] = [];
    const outside = (r: Rect) =>
      r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5;
    if (outer.width === 0) return ['the time bar is not shown'];
    if (stage && (outer.left < stage.left - 0.5 || outer.right > stage.right + 0.5)) out.push('the bar runs past the canvas');
    if (canvas && canvas.height > 0 && outer.top < canvas.bottom - 0.5) out.push('the bar reaches over the graph');
    if (bar.scrollWidth > bar.clientWidth + 1) out.push('the bar overflows sideways');
    const controls = Array.from(bar.children).filter((c) => c.getBoundingClientRect().width > 0);
    if (controls.length < 3) out.push(`only ${controls.length} controls shown`);
    for (const control of controls) {
      const name = `${control.className || control.tagName} "${control.textContent?.trim() ?? ''}"`;
      if (outside(control.getBoundingClientRect())) out.push(`${name} is cut off`);
      if (control.scrollWidth > control.clientWidth + 1) out.push(`${name} overflows itself`);
    }
    // Every word: inside the bar, on one line.
    const texts: Node[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3 && n.textContent?.trim()) texts.push(n);
      Array.from(n.childNodes).forEach(walk);
    };
    walk(bar);
    for (const text of texts) {
      const range = doc.createRange();
      range.selectNodeContents(text);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.length === 0) continue; // not displayed
      const word = `"${text.textContent?.trim() ?? ''}"`;
      if (rects.some(outside)) out.push(`${word} runs past the bar`);
      if (new Set(rects.map((r) => Math.round(r.top))).size > 1) out.push(`${word} is broken over two lines`);
    }
    return out;
  });
}

async function fit(page: Page): Promise<void> {
  await page.getByRole('toolbar').getByRole('button').first().click();
  await canvasSynced(page);
}

async function putPressReleaseOnCanvas(page: Page): Promise<void> {
  await searchAndPick(page, 'press release', PRESS_RELEASE);
  await sidePanel(page).getByRole('button', { name: 'Put these facts on the canvas' }).click();
  await page.waitForFunction(
    () => ((globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.nodes().length ?? 0) >= 25,
  );
  await canvasSynced(page);
}

describe('overlays over the canvas', () => {
  const session = useExplorerSession();

  it('at 1440 px: after Fit and after every layout no node or label lies under the toolbar, counter or fold tabs', async () => {
    const { page } = session;
    await putPressReleaseOnCanvas(page);
    await page.getByTestId('layout').selectOption('force');
    await canvasSynced(page);
    // Selected, so its name must stay clear too, and "Around selection" can be chosen.
    await clickNode(page, VINCENT);
    await canvasSynced(page);
    for (const layout of ['force', 'hierarchy', 'flow', 'concentric']) {
      await page.getByTestId('layout').selectOption(layout);
      await canvasSynced(page);
      const after = await hiddenUnderOverlays(page);
      expect(after.measured, `${layout}: nodes and labels`).toBeGreaterThanOrEqual(40);
      // The time bar has a strip of its own under the canvas; these four are drawn over it.
      expect(after.overlays, `${layout}: toolbar, counter, two fold tabs`).toBeGreaterThanOrEqual(4);
      expect(after.hits, `after the ${layout} layout`).toEqual([]);
      // Pan a node under the toolbar (the measure sees it), then Fit brings the graph clear again.
      const bar = (await page.locator('.stage__toolbar').boundingBox())!;
      const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
      await page.evaluate(
        (to) => {
          const cy = (globalThis as unknown as { __interlockCy: Core }).__interlockCy;
          const at = cy.nodes(':visible').first().renderedPosition();
          cy.panBy({ x: to.x - at.x, y: to.y - at.y });
        },
        { x: bar.x + bar.width / 2 - canvas.x, y: bar.y + bar.height / 2 - canvas.y },
      );
      await canvasSynced(page);
      expect((await hiddenUnderOverlays(page)).hits.length, `${layout}: panned, something is under an overlay`).toBeGreaterThan(
        0,
      );
      await fit(page);
      expect((await hiddenUnderOverlays(page)).hits, `Fit after the ${layout} layout`).toEqual([]);
    }
    expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it('at 390 px: after Fit no node or label lies under the toolbar or counter', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 390, height: 844 });
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    // The map alone, with the time bar and the counter over it.
    await page.getByTestId('phone-bar').locator('[data-sheet="none"]').click();
    await canvasSynced(page);
    await fit(page);
    const after = await hiddenUnderOverlays(page);
    expect(after.measured, 'nodes and labels').toBeGreaterThanOrEqual(6);
    expect(after.overlays, 'toolbar and counter').toBeGreaterThanOrEqual(2);
    expect(after.hits).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows every toolbar button in Spanish and Arabic at 1440 px beside both open panels, the graph below it', async () => {
    const { page } = session;
    await putPressReleaseOnCanvas(page);
    for (const language of ['es', 'ar']) {
      await page.getByTestId('language').selectOption(language);
      await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
      await waitForCanvasIdle(page);
      const bar = page.locator('.stage__toolbar');
      const cut = await bar.evaluate((element) => {
        interface Rect {
          left: number;
          right: number;
          top: number;
          bottom: number;
        }
        interface El {
          getBoundingClientRect(): Rect;
          textContent: string | null;
          tagName: string;
        }
        const toolbar = element as unknown as El & {
          scrollWidth: number;
          clientWidth: number;
          parentElement: El;
          querySelectorAll(selector: string): ArrayLike<El>;
        };
        const outer = toolbar.getBoundingClientRect();
        const stage = toolbar.parentElement.getBoundingClientRect();
        const out: string[] = [];
        if (toolbar.scrollWidth > toolbar.clientWidth + 1) out.push('the toolbar scrolls sideways');
        if (outer.left < stage.left || outer.right > stage.right) out.push('the toolbar runs past the canvas');
        for (const tool of Array.from(toolbar.querySelectorAll('button, select'))) {
          const r = tool.getBoundingClientRect();
          if (
            r.left < outer.left - 0.5 ||
            r.right > outer.right + 0.5 ||
            r.top < outer.top - 0.5 ||
            r.bottom > outer.bottom + 0.5
          )
            out.push(`${tool.textContent?.trim() || tool.tagName} is cut off`);
        }
        return out;
      });
      expect(cut, language).toEqual([]);
      await expect(page.getByTestId('rail').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('side-panel').isVisible()).resolves.toBe(true);
      await fit(page);
      expect((await hiddenUnderOverlays(page)).hits, language).toEqual([]);
    }
  });

  it('keeps every control of the time bar inside it, on one line, in English, Spanish and Arabic at 1440 and 390 px', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    for (const width of [1440, 390]) {
      await page.setViewportSize(width === 1440 ? { width: 1440, height: 900 } : { width: 390, height: 844 });
      // On a phone, the map alone: the time bar is put away while a sheet is up.
      if (width === 390) await page.getByTestId('phone-bar').locator('[data-sheet="none"]').click();
      else {
        await expect(page.getByTestId('rail').isVisible()).resolves.toBe(true);
        await expect(page.getByTestId('side-panel').isVisible()).resolves.toBe(true);
      }
      for (const language of ['en', 'es', 'ar']) {
        await page.getByTestId('language').selectOption(language);
        await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
        await canvasSynced(page);
        expect(await timeBarCut(page), `${language} at ${width} px, all dates`).toEqual([]);
        // The last year chosen, and undated facts hidden: the value and the switch change, the bar still fits.
        await page.getByTestId('as-of-slider').press('End');
        await page.getByTestId('hide-undated').check();
        await canvasSynced(page);
        expect(await timeBarCut(page), `${language} at ${width} px, the last year`).toEqual([]);
        await page.getByTestId('hide-undated').uncheck();
        await page.getByTestId('as-of-slider').press('Home');
      }
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('folds the side panels by keyboard, with a label that says so, and remembers it across a reload', async () => {
    const { page } = session;
    const rail = page.getByTestId('toggle-rail');
    const panel = page.getByTestId('toggle-panel');
    expect(await rail.getAttribute('title')).toBe('Hide the tools (Conflicts, Money, Paths, Snapshots, Legend)');
    expect(await panel.getAttribute('title')).toBe('Hide the details panel');
    await rail.focus();
    await page.keyboard.press('Enter');
    await panel.focus();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('rail').isVisible()).resolves.toBe(false);
    expect(await rail.getAttribute('aria-expanded')).toBe('false');
    expect(await panel.getAttribute('title')).toBe('Show the details panel');

    await page.reload();
    await page.getByTestId('search-input').waitFor();
    await expect(page.getByTestId('rail').isVisible()).resolves.toBe(false);
    expect(await page.getByTestId('toggle-rail').getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('toggle-panel').getAttribute('aria-expanded')).toBe('false');
    expect((await page.getByTestId('graph-canvas').boundingBox())?.width).toBeGreaterThan(1300);

    // Unfolded again: that too is kept.
    await page.getByTestId('toggle-rail').focus();
    await page.keyboard.press('Enter');
    await page.reload();
    await page.getByTestId('search-input').waitFor();
    await expect(page.getByTestId('rail').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('toggle-panel').getAttribute('aria-expanded')).toBe('false');
    expect(session.pageErrors).toEqual([]);
  });
});
