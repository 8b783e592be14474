/**
 * Snapshots in a real browser: save the canvas with a two-step story from the Snapshots tab, open the
 * share link in a fresh browser context and step through the story; a hostile entity name shows as
 * text in the share view and in the standalone page; the standalone page, opened from a file with the
 * network off, draws the map and shows a node's quote when it is clicked.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Core } from 'cytoscape';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSnapshotResult, Snapshot } from '../../schemas/index.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { MALICIOUS_NAME, removeSnapshotGraph, snapshotGraph } from '../integration/helpers/snapshot-fixtures.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { useExplorerSession } from './helpers/session.js';
import { clickSnapshotNode, litNodeIds, waitForSnapshotMap } from './helpers/snapshots.js';
import { clickNode, expand, openRailTab, searchAndPick, waitForCanvasIdle } from './helpers/ui.js';

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

  it('saves the canvas with a story, and the share link replays it in a fresh context', async () => {
    const { page } = session;
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { doubleClick: VINCENT });
    await waitForCanvasIdle(page);
    await clickNode(page, VINCENT);

    const panel = await openRailTab(page, 'Snapshots');
    await panel.getByTestId('save-snapshot').click();
    const dialog = page.getByTestId('save-dialog');
    await dialog.getByTestId('snapshot-title-input').fill(`${marker} Vincent Line`);
    await dialog.getByTestId('step-caption-input').fill('Vincent Line runs Denver jails');
    await dialog.getByRole('button', { name: 'Add a step from the canvas' }).click();
    await dialog.getByTestId('step-caption-input').fill('He also sits on the LexisNexis board');
    await dialog.getByRole('button', { name: 'Add a step from the canvas' }).click();
    await expect(dialog.getByTestId('snapshot-steps').locator('li').count()).resolves.toBe(2);
    await dialog.getByTestId('snapshot-save').click();
    await dialog.waitFor({ state: 'detached' });

    const card = panel.getByTestId('snapshot-card').filter({ hasText: `${marker} Vincent Line` });
    await card.waitFor();
    const link = await card.getByTestId('share-link').getAttribute('href');
    expect(link).toMatch(/\/s\/draft-[a-z0-9]+$/);

    // Put back on an emptied canvas, the snapshot's nodes return where they were saved.
    const draftUrl = new URL(`/api/snapshots/${link?.split('/s/')[1]}`, session.url);
    // A draft is visible to token holders only.
    expect((await fetch(draftUrl)).status).toBe(404);
    const saved = (await (await fetch(draftUrl, { headers: signedIn.headers })).json()) as Snapshot;
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await card.getByRole('button', { name: 'Put on canvas' }).click();
    await page.waitForFunction((positions) => {
      const cy = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy;
      return Object.entries(positions).every(([id, p]) => {
        const node = cy?.getElementById(id);
        return !!node?.nonempty() && Math.abs(node.position().x - p.x) < 1 && Math.abs(node.position().y - p.y) < 1;
      });
    }, saved.content.positions);
    expect(Object.keys(saved.content.positions).sort()).toEqual(saved.content.entities.map((e) => e.id).sort());

    // Published, the snapshot gets its permanent link, which anyone can open.
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Publish', exact: true }).click();
    await card.getByText('published', { exact: true }).waitFor();
    const publicLink = await card.getByTestId('share-link').getAttribute('href');
    expect(publicLink).toMatch(/\/s\/pub-[0-9a-f]+$/);

    // Someone else opens the link: no shared storage, no explorer state, no token.
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 860 } });
    try {
      const reader = await context.newPage();
      const errors: string[] = [];
      reader.on('pageerror', (e) => errors.push(e.message));
      await reader.goto(publicLink ?? '');
      await expect(reader.getByTestId('snapshot-title').textContent()).resolves.toBe(`${marker} Vincent Line`);
      await waitForSnapshotMap(reader, [VINCENT, BOARD]);
      const caption = reader.getByTestId('story-caption');
      await expect(caption.textContent()).resolves.toBe('Vincent Line runs Denver jails');
      expect(await reader.getByTestId('story').textContent()).toContain('Step 1 of 2');
      // The step lights up what was selected when it was captured.
      expect(await litNodeIds(reader)).toEqual([VINCENT]);

      await reader.getByRole('button', { name: 'Next' }).click();
      await reader.getByText('Step 2 of 2').waitFor();
      await expect(caption.textContent()).resolves.toBe('He also sits on the LexisNexis board');
      expect(await reader.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
      await reader.getByRole('button', { name: 'Previous' }).click();
      await reader.getByText('Step 1 of 2').waitFor();

      // Clicking a person shows the quote behind them.
      await clickSnapshotNode(reader, VINCENT);
      await reader.getByTestId('snapshot-detail').getByRole('heading', { name: 'Vincent Line' }).waitFor();
      expect(await reader.getByTestId('snapshot-quote').count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
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
      await waitForSnapshotMap(page, [graph.ids.person, graph.ids.org]);
      expect(await page.evaluate(() => (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.nodes().length)).toBe(
        2,
      );

      await clickSnapshotNode(page, graph.ids.person);
      const detail = page.getByTestId('snapshot-detail');
      await detail.getByRole('heading', { name: 'Inés Ordóñez' }).waitFor();
      await expect(detail.getByTestId('snapshot-quote').first().textContent()).resolves.toContain('Inés sits on the board');

      await clickSnapshotNode(page, graph.ids.org);
      await expect(detail.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(MALICIOUS_NAME);
      expect(await page.locator('img').count()).toBe(0);
      expect({ requests, errors, dialogs }).toEqual({ requests: [], errors: [], dialogs: [] });
    } finally {
      await context.close();
    }
  });
});
