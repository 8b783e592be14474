/**
 * Stories in a real browser, from building to reading: the builder beside the canvas takes three
 * steps while the reader moves, zooms and lights a path between them; the draft survives a reload;
 * saving and publishing happen in place; a visitor opening a draft's link is told it is a draft and
 * nothing more; the published page replays each step (what is lit, where things stand) on a desktop
 * and by touch on a phone, with no sideways scrolling and names no smaller than 11 px; and the embed
 * shows in a frame on a site that INTERLOCK_EMBED_ORIGINS allows and nowhere else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from 'cytoscape';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSnapshotResult, SnapshotStep } from '../../schemas/index.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { useExplorerSession } from './helpers/session.js';
import { addStep, canvasState, dragNode, overflow, storyBuilder, wheelZoom } from './helpers/stories.js';
import { clickNode, expand, findPaths, searchAndPick, waitForCanvasIdle } from './helpers/ui.js';
import { litNodeIds, waitForSnapshotMap } from './helpers/snapshots.js';

const VINCENT = 'person:vincent-line';
const BOARD = 'org:lexisnexis-data-warehouse-board';
const ICE = 'public-body:ice';
const marker = uniquePrefix('storye2e');
// The whole walk-through (three steps, a reload, save, publish) is one test: on a busy machine it needs
// more than the default minute.
const SLOW = 180_000;

/** A page on another origin that frames `?src=`, as a news site embeds a map in an article. */
function hostSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://host').searchParams.get('src') ?? '';
    const attribute = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><title>Article</title><iframe id="map" src="${attribute}" width="900" height="560"></iframe>`);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe('telling a story', () => {
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  let signedIn: TestSignIn;
  const session = useExplorerSession({
    signedIn: true,
    // Two sites of their own; only the first may frame published maps.
    security: async () => {
      allowed = await hostSite();
      other = await hostSite();
      return { embedOrigins: [allowed.origin] };
    },
  });
  let published = '';
  let steps: SnapshotStep[] = [];

  beforeAll(async () => {
    signedIn = await signInAs(`test:${marker}`);
  });
  afterAll(async () => {
    allowed.server.close();
    other.server.close();
    await signedIn.remove();
    const driver = testDriver();
    try {
      await driver.executeQuery(
        'MATCH (s:Snapshot) WHERE s.title STARTS WITH $title DELETE s',
        { title: marker },
        { database: testConnection().database },
      );
    } finally {
      await driver.close();
    }
  });

  const storedSteps = (page: Page) =>
    page.evaluate(
      () =>
        JSON.parse(
          (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(
            'interlock.story',
          ) ?? '{}',
        ) as { steps?: SnapshotStep[]; title?: string },
    );

  it(
    'builds three steps while the canvas moves between them, keeps the draft through a reload, saves and publishes in place',
    async () => {
      const { page } = session;
      await searchAndPick(page, 'Vincent', 'Vincent Line');
      await expand(page, { button: true });
      const builder = await storyBuilder(page);
      await builder.getByTestId('snapshot-title-input').fill(`${marker} Who watches the jails`);

      // Step 1: Vincent Line selected, zoomed in.
      await clickNode(page, VINCENT);
      await wheelZoom(page, -300);
      await addStep(page, 'Vincent Line runs Denver’s jails');

      // Step 2: the board moved aside, and selected.
      // Dragged towards the middle: the canvas's right edge holds the tab that folds the evidence panel.
      await dragNode(page, BOARD, -140, -70);
      await clickNode(page, BOARD);
      await addStep(page, 'He sits on the LexisNexis data-warehouse board');

      // Step 3: the path to ICE lit.
      await findPaths(page, 'Vincent Line', 'U.S. Immigration and Customs Enforcement');
      await addStep(page, 'The chain that reaches ICE');

      steps = (await storedSteps(page)).steps ?? [];
      expect(steps.map((s) => s.caption)).toEqual([
        'Vincent Line runs Denver’s jails',
        'He sits on the LexisNexis data-warehouse board',
        'The chain that reaches ICE',
      ]);
      const [first, second, third] = steps as [SnapshotStep, SnapshotStep, SnapshotStep];
      expect(first.nodeIds).toEqual([VINCENT]);
      expect(second.nodeIds).toEqual([BOARD]);
      expect(third.nodeIds).toEqual(expect.arrayContaining([VINCENT, BOARD, ICE]));
      // Each step took the view as it was: the drag moved the board between steps 1 and 2, and the path's
      // layout framed another area for step 3.
      expect(first.viewport).toBeDefined();
      expect(second.viewport).not.toEqual(third.viewport);
      const boardAt = (s: SnapshotStep) => s.positions?.[BOARD];
      expect(
        Math.hypot((boardAt(second)?.x ?? 0) - (boardAt(first)?.x ?? 0), (boardAt(second)?.y ?? 0) - (boardAt(first)?.y ?? 0)),
      ).toBeGreaterThan(50);

      // Nothing is lost on a reload: the builder still holds the title and the three steps.
      await page.reload();
      const again = await storyBuilder(page);
      expect(await again.getByTestId('snapshot-title-input').inputValue()).toBe(`${marker} Who watches the jails`);
      expect(await again.getByTestId('story-step').count()).toBe(3);

      // Steps can be shown on the canvas, reordered and re-captioned.
      await waitForCanvasIdle(page);
      await again.getByTestId('story-step').nth(1).getByRole('button', { name: 'Show' }).click();
      await page.waitForFunction(
        ({ id, at }) => {
          const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id);
          return !!node?.nonempty() && Math.abs(node.position('x') - at.x) < 1 && Math.abs(node.position('y') - at.y) < 1;
        },
        { id: BOARD, at: boardAt(second) ?? { x: 0, y: 0 } },
      );
      await again.getByRole('button', { name: 'Move down (1)' }).click();
      expect(await again.getByTestId('story-step').first().getByRole('textbox').inputValue()).toBe(
        'He sits on the LexisNexis data-warehouse board',
      );
      await again.getByRole('button', { name: 'Move up (2)' }).click();
      await again.getByRole('textbox', { name: 'Caption of step 1' }).fill('Vincent Line runs the Denver jails');
      // The map is saved as the canvas stands now (the path's layout); step 2 keeps its own place for the board.
      await again.getByTestId('story-step').nth(2).getByRole('button', { name: 'Show' }).click();
      await waitForCanvasIdle(page);

      // Saved as a draft, published in place after saying what publishing means.
      await again.getByTestId('snapshot-save').click();
      const saved = again.getByTestId('story-saved');
      await saved.waitFor();
      const draftLink = (await saved.getByTestId('draft-link').getAttribute('href')) ?? '';
      expect(draftLink).toMatch(/\/s\/draft-[a-z0-9]+$/);
      await saved.getByTestId('publish-step').click();
      const confirm = saved.getByTestId('publish-confirm');
      expect(await confirm.innerText()).toMatch(/permanent and public/);
      await confirm.getByRole('button', { name: 'Publish now' }).click();
      const done = again.getByTestId('story-published');
      await done.waitFor();
      published = (await done.getByTestId('published-link').getAttribute('href')) ?? '';
      expect(published).toMatch(/\/s\/pub-[0-9a-f]+$/);
      expect(await done.getByTestId('embed-code').locator('textarea').inputValue()).toContain(`${published}?embed=1`);
      expect(session.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it('replays the story on the published page: what each step lit, and where it put things', async () => {
    expect(published).not.toBe('');
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const reader = await context.newPage();
      await reader.goto(published);
      await waitForSnapshotMap(reader, [VINCENT, BOARD, ICE]);
      expect(await reader.getByTestId('story').innerText()).toContain('Step 1 of 3');
      expect(await litNodeIds(reader)).toEqual([VINCENT]);
      const second = steps[1];
      const stepTwoBoard = second?.positions?.[BOARD] ?? { x: 0, y: 0 };
      const boardNow = (await canvasState(reader)).positions[BOARD] ?? { x: 0, y: 0 };
      expect(Math.hypot(boardNow.x - stepTwoBoard.x, boardNow.y - stepTwoBoard.y)).toBeGreaterThan(20);
      await reader.getByRole('button', { name: 'Next' }).click();
      await reader.getByText('Step 2 of 3').waitFor();
      await reader.waitForFunction(
        ({ id, at }) => {
          const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id);
          return !!node?.nonempty() && Math.abs(node.position('x') - at.x) < 1 && Math.abs(node.position('y') - at.y) < 1;
        },
        { id: BOARD, at: stepTwoBoard },
      );
      await reader.getByRole('button', { name: 'Next' }).click();
      await reader.getByText('Step 3 of 3').waitFor();
      await waitForSnapshotMap(reader, [ICE]);
      expect(await litNodeIds(reader)).toEqual(expect.arrayContaining([VINCENT, BOARD, ICE]));
      expect(await reader.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('tells a visitor without a token that a draft is unpublished, and shows nothing of it', async () => {
    const created = await fetch(new URL('/api/snapshots', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn.headers },
      body: JSON.stringify({ title: `${marker} Secret lead about Matt Lewis`, nodeIds: [VINCENT] }),
    });
    const { id } = (await created.json()) as CreateSnapshotResult;
    const context = await session.browser.newContext();
    try {
      const visitor = await context.newPage();
      await visitor.goto(new URL(`/s/${id}`, session.url).href);
      const notice = visitor.getByTestId('share-draft');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('unpublished draft');
      expect(await visitor.content()).not.toContain('Secret lead');
    } finally {
      await context.close();
    }
  });

  it('fits a phone: no sideways scrolling, names at least 11 px, the story stepped by touch', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      const phone = await context.newPage();
      await phone.goto(published);
      await waitForSnapshotMap(phone, [VINCENT]);
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
      expect(await smallestNameOnScreen(phone)).toBeGreaterThanOrEqual(11);
      const next = phone.getByRole('button', { name: 'Next' });
      await next.scrollIntoViewIfNeeded();
      const box = await next.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      await next.tap();
      await phone.getByText('Step 2 of 3').waitFor();
      await waitForSnapshotMap(phone, [BOARD]);
      expect(await smallestNameOnScreen(phone)).toBeGreaterThanOrEqual(11);
      await phone.getByRole('button', { name: 'Previous' }).tap();
      await phone.getByText('Step 1 of 3').waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('is embedded by the sites INTERLOCK_EMBED_ORIGINS allows, shows sources on click, and is refused elsewhere', async () => {
    const page = await session.browser.newPage();
    try {
      const embed = `${published}?embed=1`;
      await page.goto(`${allowed.origin}/?src=${encodeURIComponent(embed)}`);
      const frame = await childFrame(page);
      await frame.getByTestId('snapshot-viewer').waitFor();
      await waitForSnapshotMap(frame, [VINCENT]);
      // Minimal chrome: no export menu, no language menu, a way to the full view.
      expect(await frame.getByTestId('export-menu').count()).toBe(0);
      await frame.getByRole('link', { name: 'Open the full view' }).waitFor();
      // A click on a name shows its sources over the map.
      const point = await frame.evaluate((id) => {
        const node = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id);
        return node?.nonempty() ? node.renderedPosition() : null;
      }, VINCENT);
      const box = await frame.getByTestId('snapshot-canvas').boundingBox();
      if (!point || !box) throw new Error('Vincent Line is not on the embedded map');
      await page.mouse.click(box.x + point.x, box.y + point.y);
      await frame.getByTestId('snapshot-detail').getByRole('heading', { name: 'Vincent Line' }).waitFor();
      expect(await frame.getByTestId('snapshot-quote').count()).toBeGreaterThan(0);

      // Another site may not frame it; and nothing but a published map is ever framed.
      for (const [site, src] of [
        [other.origin, embed],
        [allowed.origin, session.url],
        [allowed.origin, new URL('/docs', session.url).href],
      ] as const) {
        await page.goto(`${site}/?src=${encodeURIComponent(src)}`);
        const refused = await childFrame(page);
        expect(refused.url(), `${src} framed by ${site}`).not.toBe(src);
        expect(await refused.locator('#root').count()).toBe(0);
      }
    } finally {
      await page.close();
    }
  });
});

/** The frame of the host page's iframe, once it has loaded (the host's load event waits for it). */
async function childFrame(page: Page): Promise<Frame> {
  await page.waitForLoadState('load');
  const frame = page.mainFrame().childFrames()[0];
  if (!frame) throw new Error('The host page has no frame.');
  return frame;
}

/**
 * The smallest size, in screen pixels, at which the map draws a name or a label right now. Names must
 * be drawn; a link's label may be left out (Cytoscape skips one under its min-zoomed-font-size).
 */
async function smallestNameOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
    if (!cy) return 0;
    const names = cy.nodes().map((n) => n.numericStyle('font-size') * cy.zoom());
    const labels = cy
      .edges()
      .filter((e) => String(e.data('label') ?? '') !== '')
      .map((e) => {
        const shown = e.numericStyle('font-size') * cy.zoom();
        return shown >= e.numericStyle('min-zoomed-font-size') ? shown : Infinity;
      });
    return Math.min(...names, ...labels);
  });
}
