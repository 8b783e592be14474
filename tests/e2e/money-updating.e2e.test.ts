/**
 * The Money tab right after an edit (ADR 0039): the table made before the edit is shown at once, with a
 * note saying the flows are from before the latest changes, and the tab refreshes by itself to the
 * table with the edit, the note gone.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImportedAudited } from '../integration/helpers/import-fixtures.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { storedFindingsCurrent, useExplorerSession } from './helpers/session.js';
import { moneyRow, openRailTab } from './helpers/ui.js';

const marker = uniquePrefix('money-updating');
const payer = `Northgate Fund ${marker}`;
const payee = `Westbrook Data ${marker}`;
const { database } = testConnection();
/** Rows on the Money tab's first page (MONEY_PAGE in web/src/api/queries.ts): the files before this one may leave more. */
const FIRST_PAGE = 100;
let driver: Driver;

/** Payer and payee pairs in the whole table, as the API counts them. */
async function tableTotal(url: string): Promise<number> {
  return ((await (await fetch(new URL('/api/money-flows?limit=1', url))).json()) as { total: number }).total;
}

async function post(url: string, path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...asAdmin },
    body: JSON.stringify(body),
  });
  expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(201);
  const written = (await response.json()) as { entity?: { id: string }; relationship?: { id: string } };
  return { id: (written.entity ?? written.relationship)!.id };
}

describe('the Money tab after an edit', () => {
  const session = useExplorerSession();

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    // The two organisations and the payment between them (their ids hold the marker), through the audit trail.
    await removeImportedAudited(driver, database, { markers: [marker] });
    await driver.close();
  });

  it('shows the flows from before it, saying so, then refreshes to the flows with it', async () => {
    const { page } = session;
    const panel = await openRailTab(page, 'Money');
    await panel.getByTestId('money-overall').waitFor();
    const before = await panel.getByTestId('money-row').count();
    expect(before).toBeGreaterThan(0);
    const totalBefore = await tableTotal(session.url);
    expect(before).toBe(Math.min(totalBefore, FIRST_PAGE));

    const citations = [{ documentId: 'document:press-release-sanctuary-sabotage', locator: 'line 24', quote: 'paid' }];
    const from = await post(session.url, '/api/entities', { kind: 'Organization', name: payer, citations });
    const to = await post(session.url, '/api/entities', { kind: 'Organization', name: payee, citations });
    await post(session.url, '/api/relationships', {
      type: 'PAID',
      source: from.id,
      target: to.id,
      amount: 125_000,
      currency: 'USD',
      citations,
    });
    await storedFindingsCurrent(session.url);

    // A reader who opens the tab now is shown the table of before the payment at once, and told so.
    await page.reload();
    const again = await openRailTab(page, 'Money');
    const note = again.getByTestId('money-updating');
    await note.waitFor();
    expect(await note.innerText()).toBe(
      'Taking in the latest changes: the flows below are from before them, and refresh by themselves.',
    );
    expect(await again.getByTestId('money-row').count()).toBe(before);
    expect(await moneyRow(page, payer, payee).count()).toBe(0);

    // Then, without doing anything, the table with the payment, and no note.
    await moneyRow(page, payer, payee).waitFor({ timeout: 30_000 });
    await note.waitFor({ state: 'detached' });
    expect(await tableTotal(session.url)).toBe(totalBefore + 1);
    expect(await again.getByTestId('money-row').count()).toBe(Math.min(totalBefore + 1, FIRST_PAGE));
    expect(session.pageErrors).toEqual([]);
  });
});
