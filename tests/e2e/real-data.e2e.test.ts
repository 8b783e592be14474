/**
 * Real FollowTheMoney data on the page: an OpenSanctions sanctions cluster and German party donations,
 * imported through the API, then read the way a researcher would: a sanctioned man's identifiers, birth
 * date and sanctions in his panel, and the money tab with one total per currency (the donations in
 * euros, the seed's contracts in dollars), never added together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { ImportResult } from '../../schemas/index.js';
import { asAdmin } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { ftmSample, removeFtmSamples } from '../integration/helpers/import-fixtures.js';
import { useExplorerSession } from './helpers/session.js';
import { openExplorer } from './helpers/browser.js';
import { copyLink } from './helpers/stories.js';
import {
  expand,
  expectHeading,
  highlightedIds,
  moneyRow,
  openRailTab,
  searchAndPick,
  sidePanel,
  waitForHighlight,
} from './helpers/ui.js';

const samples = [ftmSample('zala'), ftmSample('parteispenden')];
const { database } = testConnection();
let driver: Driver;
const documentIds: string[] = [];

describe('real FollowTheMoney data on the page', () => {
  const session = useExplorerSession();

  beforeAll(async () => {
    driver = testDriver();
    for (const [i, sample] of samples.entries()) {
      const response = await fetch(`${session.url}api/import?format=ftm&filename=sample-${i}.ftm.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...asAdmin },
        body: sample.text,
      });
      const result = (await response.json()) as ImportResult;
      expect(response.status, JSON.stringify(result).slice(0, 500)).toBe(200);
      if (result.documentId) documentIds.push(result.documentId);
    }
  });
  afterAll(async () => {
    await removeFtmSamples(
      driver,
      database,
      samples.flatMap((s) => s.ids),
      documentIds,
    );
    await driver.close();
  });

  it('shows a sanctioned man’s identifiers, birth date, nationality, the lists he is on and his sanctions', async () => {
    const { page } = session;
    await searchAndPick(page, 'Alexander Vyacheslavovich', 'Alexander Vyacheslavovich ZAKHAROV');
    await expectHeading(page, 'Alexander Vyacheslavovich ZAKHAROV');
    const panel = sidePanel(page);
    await panel.getByText('inn: 183111242406', { exact: false }).waitFor();
    expect(await panel.innerText()).toMatch(/Born\s+1965-09-21/);
    expect(await panel.innerText()).toMatch(/Nationality\s+Russia/);
    expect(await panel.innerText()).toContain('sanctioned');
    await panel.getByText('SANCTIONED BY', { exact: false }).first().waitFor();
    await expand(page, { button: true });
    expect(session.pageErrors).toEqual([]);
  });

  it('totals the money per currency: the donations in euros beside the seed’s dollars', async () => {
    const { page } = session;
    await openRailTab(page, 'Money');
    const overall = page.getByTestId('money-overall');
    await overall.waitFor();
    // Whole-graph money flows come from the stored findings, brought up to date after the import.
    await expect.poll(() => overall.innerText(), { timeout: 120_000 }).toContain('€40,589,689');
    const text = await overall.innerText();
    expect(text).toContain('$');
    // A donor's row: a payment from a person, in euros.
    const row = moneyRow(page, 'Frau Lina Dachner', 'MLPD');
    await row.waitFor();
    expect(await row.innerText()).toContain('€100,000');
    expect(await row.innerText()).toContain('1 payment');
    expect(session.pageErrors).toEqual([]);
  });

  it('shows the largest flows first, a hundred at a time, and lights up a flow from a later page, also from a link', async () => {
    const { page } = session;
    const panel = await openRailTab(page, 'Money');
    await expect.poll(() => panel.getByTestId('money-overall').innerText(), { timeout: 120_000 }).toContain('€40,589,689');
    // The sample's 116 donor–party pairs (counted from the file) and the seed story's contracts.
    const { total } = (await (await fetch(`${session.url}api/money-flows?limit=1`)).json()) as { total: number };
    expect(total).toBeGreaterThanOrEqual(116 + 2);
    const more = panel.getByTestId('money-more');
    expect(await more.innerText()).toBe(`More flows (100 of ${total} shown)`);
    expect(await panel.getByTestId('money-row').count()).toBe(100);
    // The sample's smallest donation (€50,416) is past the first hundred rows.
    const smallest = moneyRow(page, 'Carat Wiesbaden GmbH & Co. KG Media Service', 'CDU');
    expect(await smallest.count()).toBe(0);

    await more.click();
    await smallest.waitFor();
    expect(await panel.getByTestId('money-row').count()).toBe(total);
    expect(await more.count()).toBe(0);
    // The overall totals were always those of every row.
    expect(await panel.getByTestId('money-overall').innerText()).toContain('€40,589,689');

    // Its evidence came with its page: the donor, the party and the payment light up.
    await smallest.getByRole('button').click();
    await sidePanel(page).getByTestId('flow-details').filter({ hasText: '€50,416' }).waitFor();
    await expect.poll(async () => (await highlightedIds(page)).edgeIds.length).toBe(1);
    const lit = await highlightedIds(page);
    expect(lit.nodeIds).toHaveLength(2);

    // A link to it lights it again in a fresh page, where only the first hundred rows are loaded.
    const other = await openExplorer(session.browser, await copyLink(page));
    try {
      await waitForHighlight(other, lit.nodeIds);
      expect((await highlightedIds(other)).edgeIds).toEqual(lit.edgeIds);
      await sidePanel(other).getByTestId('flow-details').filter({ hasText: '€50,416' }).waitFor();
    } finally {
      await other.close();
    }
    expect(session.pageErrors).toEqual([]);
  });
});
