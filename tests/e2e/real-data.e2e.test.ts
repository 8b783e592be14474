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
import { expand, expectHeading, moneyRow, openRailTab, searchAndPick, sidePanel } from './helpers/ui.js';

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
});
