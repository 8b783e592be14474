/**
 * Snapshots in a real browser: a saved snapshot put back on the canvas where it was (building and
 * publishing a story is tests/e2e/stories.e2e.test.ts); a hostile entity name shows as text in the
 * share view and in the standalone page; the standalone page, opened from a file with the network
 * off, draws the map and shows an entity's quote when it is picked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSnapshotResult } from '../../schemas/index.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { MALICIOUS_NAME, removeSnapshotGraph, snapshotGraph } from '../integration/helpers/snapshot-fixtures.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { useExplorerSession } from './helpers/session.js';
import { clickSnapshotNode, waitForSnapshotMap } from './helpers/snapshots.js';
import { openRailTab } from './helpers/ui.js';
import { es } from '../../shared/i18n/es.js';
import { ar } from '../../shared/i18n/ar.js';

const VINCENT = 'person:vincent-line';
const BOARD = 'org:lexisnexis-data-warehouse-board';
const marker = uniquePrefix('snape2e');
const actor = `test:${marker}`;
const graph = snapshotGraph(marker);

describe('snapshots in the browser', () => {
  const session = useExplorerSession({ signedIn: true });
  let dir: string;
  let signedIn: TestSignIn;

  beforeAll(async () => {
    signedIn = await signInAs(actor);
    dir = await mkdtemp(join(tmpdir(), 'interlock-standalone-'));
    const response = await fetch(new URL('/api/import', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn.headers },
      body: JSON.stringify(graph.file),
    });
    if (!response.ok) throw new Error(await response.text());
  });
  afterAll(async () => {
    const driver = testDriver();
    try {
      await removeSnapshotGraph(driver, testConnection().database, marker, actor);
      await signedIn.remove();
      // Snapshots saved from the page are made by the anonymous user; remove the ones this test titled.
      await driver.executeQuery(
        'MATCH (s:Snapshot) WHERE s.title STARTS WITH $title DELETE s',
        { title: marker },
        { database: testConnection().database },
      );
    } finally {
      await driver.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  /** A draft snapshot of the hostile fixture graph, made through the API. */
  async function hostileSnapshot(): Promise<string> {
    const { ids } = graph;
    const created = await fetch(new URL('/api/snapshots', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn.headers },
      body: JSON.stringify({ title: `${marker} hostile`, nodeIds: [ids.person, ids.org], edgeIds: [ids.seat] }),
    });
    const { id } = (await created.json()) as CreateSnapshotResult;
    return id;
  }

  it('puts a saved snapshot back on the canvas where it was, pins included, and Undo takes it off again', async () => {
    const positions = { [VINCENT]: { x: -150, y: 40 }, [BOARD]: { x: 210.5, y: -95 } };
    const created = await fetch(new URL('/api/snapshots', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedIn.headers },
      body: JSON.stringify({ title: `${marker} Vincent Line`, nodeIds: [VINCENT, BOARD], positions, pinned: [BOARD] }),
    });
    const { id } = (await created.json()) as CreateSnapshotResult;
    const { page } = session;
    const panel = await openRailTab(page, 'Snapshots');
    const card = panel.locator(`[data-snapshot-id="${id}"]`);
    await card.getByRole('button', { name: 'Put on canvas' }).click();
    await page.waitForFunction(
      ({ wanted, pinned }) => {
        const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
        return (
          Object.entries(wanted).every(([nodeId, p]) => {
            const node = cy?.getElementById(nodeId);
            return !!node?.nonempty() && Math.abs(node.position().x - p.x) < 1 && Math.abs(node.position().y - p.y) < 1;
          }) && cy?.getElementById(pinned).locked() === true
        );
      },
      { wanted: positions, pinned: BOARD },
    );
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.nodes().length === 0);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows a hostile entity name as text in the share view', async () => {
    const id = await hostileSnapshot();
    const { page } = session;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(new URL(`/s/${id}`, session.url).href);
    await waitForSnapshotMap(page, [graph.ids.org]);
    await clickSnapshotNode(page, graph.ids.org);
    const heading = page.getByTestId('snapshot-detail').getByRole('heading', { level: 2 });
    await expect(heading.textContent()).resolves.toBe(MALICIOUS_NAME);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the standalone page works from a file with the network off, and keeps hostile names as text', async () => {
    const id = await hostileSnapshot();
    const html = await (
      await fetch(new URL(`/api/snapshots/${id}/export?format=html`, session.url), { headers: signedIn.headers })
    ).text();
    const file = join(dir, 'snapshot.html');
    await writeFile(file, html);

    const context = await session.browser.newContext({ offline: true, viewport: { width: 1280, height: 860 } });
    try {
      const page: Page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(file).href);
      // The file is the production viewer (no test hook): read it as a person does, through the map's
      // label, the pixels drawn, and the list of what the map shows.
      const map = page.getByTestId('snapshot-canvas');
      expect(await map.getAttribute('aria-label')).toBe('Snapshot map with 2 entities and 1 links');
      await page.waitForFunction(() => {
        const { document } = globalThis as unknown as {
          document: {
            querySelectorAll(s: string): ArrayLike<{
              width: number;
              height: number;
              getContext(
                t: '2d',
              ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
            }>;
          };
        };
        return Array.from(document.querySelectorAll('[data-testid="snapshot-canvas"] canvas')).some((canvas) => {
          const pixels =
            canvas.width > 0 ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
          if (!pixels) return false;
          for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
          return false;
        });
      });

      const list = page.locator('.snapshot-elements');
      await list.locator('summary').click();
      await list.getByRole('button', { name: 'Inés Ordóñez', exact: true }).click();
      const detail = page.getByTestId('snapshot-detail');
      await detail.getByRole('heading', { name: 'Inés Ordóñez' }).waitFor();
      await expect(detail.getByTestId('snapshot-quote').first().textContent()).resolves.toContain('Inés sits on the board');

      await list.getByRole('button', { name: MALICIOUS_NAME, exact: true }).click();
      await expect(detail.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(MALICIOUS_NAME);
      expect(await page.locator('img').count()).toBe(0);
      expect({ requests, errors, dialogs }).toEqual({ requests: [], errors: [], dialogs: [] });
    } finally {
      await context.close();
    }
  });
  it('the standalone page speaks the reader’s browser language: names in its script, kinds and link types in its words', async () => {
    const id = await hostileSnapshot();
    const html = await (
      await fetch(new URL(`/api/snapshots/${id}/export?format=html`, session.url), { headers: signedIn.headers })
    ).text();
    const file = join(dir, 'snapshot-ar.html');
    await writeFile(file, html);
    for (const [locale, words] of [
      ['ar', ar],
      ['es', es],
    ] as const) {
      const context = await session.browser.newContext({ offline: true, locale, viewport: { width: 1280, height: 860 } });
      try {
        const page: Page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(pathToFileURL(file).href);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        const list = page.locator('.snapshot-elements');
        await list.locator('summary').click();
        // Inés has an Arabic alias: an Arabic reader sees it; a Spanish one her name as written.
        const name = locale === 'ar' ? 'إيناس' : 'Inés Ordóñez';
        const link = list.getByRole('button').filter({ hasText: words.types.SITS_ON_BOARD });
        await expect(link.count()).resolves.toBe(1);
        expect(await link.textContent()).toContain(name);
        await list.getByRole('button', { name, exact: true }).click();
        const detail = page.getByTestId('snapshot-detail');
        await detail.getByRole('heading', { name }).waitFor();
        await expect(detail.getByText(words.kinds.Person, { exact: true }).count()).resolves.toBe(1);
        await expect(detail.getByText(words.filter.statuses.reported, { exact: true }).count()).resolves.toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
