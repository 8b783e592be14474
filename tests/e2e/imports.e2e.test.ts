/**
 * Import from the page in a real browser: an editor drops a gzipped OCDS package (real Contracts Finder
 * releases, tests/fixtures/sources) on the import panel, reads the dry run (format, counts computed
 * here from the file, a sample), imports it, and puts what came in on the canvas; a file of no known
 * format is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../shared/i18n/ar.js';
import { es } from '../../shared/i18n/es.js';
import { runImport, warmUpImports } from '../../server/services/imports/import-service.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported } from '../integration/helpers/import-fixtures.js';
import { useExplorerSession } from './helpers/session.js';
import { searchAndPick, sidePanel, waitForOnCanvas } from './helpers/ui.js';

const OCDS = readFileSync(new URL('../fixtures/sources/contracts-finder.ocds.json', import.meta.url));
const pkg = JSON.parse(OCDS.toString('utf8')) as { releases: { parties: unknown[]; awards: unknown[] }[] };

/** Drops a file on the panel's drop zone the way a browser does: a `drop` event carrying it. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.locator('[data-testid="import-drop"]').evaluate(
    (zone, { name, data }) => {
      // The root tsconfig has no DOM library: the browser's constructors, typed as far as used here.
      const browser = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => void } };
        DragEvent: new (type: string, init: object) => unknown;
        File: new (parts: unknown[], name: string) => unknown;
      };
      const target = zone as unknown as { dispatchEvent: (event: unknown) => boolean };
      const transfer = new browser.DataTransfer();
      transfer.items.add(new browser.File([new Uint8Array(data)], name));
      target.dispatchEvent(new browser.DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new browser.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, data: [...bytes] },
  );
}

describe('import from the page', () => {
  const session = useExplorerSession({ signedIn: true });
  const documents: string[] = [];
  /** The Documents of the OCDS files imported from the page, for the clean-up after the tests. */
  const rememberImportedDocuments = async () => {
    const { records } = await testDriver().executeQuery(
      "MATCH (d:Document) WHERE d.id STARTS WITH 'document:import-ocds-' RETURN d.id AS id",
      {},
      { database: testConnection().database },
    );
    documents.push(...records.map((r) => r.get('id') as string));
  };

  // As the app does after it starts (main.ts): the test server is built without that step.
  beforeAll(async () => {
    const driver = testDriver();
    try {
      await warmUpImports(driver, testConnection().database);
    } finally {
      await driver.close();
    }
  });
  afterAll(async () => {
    const driver = testDriver();
    try {
      await removeImported(driver, testConnection().database, { markers: [':ocds-'], documentIds: documents });
    } finally {
      await driver.close();
    }
  });

  it('previews a dropped .gz file, imports it with progress, and shows what came in', async () => {
    const { page } = session;
    await page.locator('[data-testid="import-open"]').click();
    await dropFile(page, 'contracts-finder.ocds.json.gz', gzipSync(OCDS));

    const outcome = page.locator('[data-testid="import-outcome"]');
    const panel = page.locator('[data-testid="import-panel"]');
    // The dry run's answer, or the reason it was refused (shown in the failure message).
    await page.locator('[data-testid="import-outcome"], [data-testid="import-refused"]').first().waitFor({ timeout: 90_000 });
    expect(await panel.textContent()).toContain('Dry run of contracts-finder.ocds.json.gz (Open Contracting)');
    const parties = pkg.releases.reduce((n, r) => n + r.parties.length, 0);
    const awards = pkg.releases.reduce((n, r) => n + r.awards.length, 0);
    const wouldCreate = outcome.getByRole('row', { name: /Would create/ });
    expect(await wouldCreate.locator('td').allTextContents()).toEqual([String(parties + awards + 1), String(2 * awards)]);
    await page.locator('[data-testid="import-sample"]').getByText('RStudio License and Support').waitFor();

    const answered = page.waitForResponse((r) => r.url().includes('/api/import?') && !r.url().includes('dryRun'));
    await page.locator('[data-testid="import-confirm"]').click();
    await answered;
    await outcome.getByText('Imported contracts-finder.ocds.json.gz (Open Contracting)').waitFor();
    expect(
      await outcome
        .getByRole('row', { name: /Created/ })
        .locator('td')
        .allTextContents(),
    ).toEqual([String(parties + awards + 1), String(2 * awards)]);
    // The import's entry in the audit trail, one click away: who, through which route, what it touched.
    await page.locator('[data-testid="import-audit-link"]').click();
    const entry = page.locator('[data-testid="import-audit-entry"]');
    await entry.getByText('POST /api/import').waitFor();
    expect(await entry.locator('li').count()).toBeGreaterThan(0);

    await page.locator('[data-testid="import-show"]').click();
    await waitForOnCanvas(page, { names: ['RStudio License and Support', 'BYTES SOFTWARE SERVICES LIMITED'] });
    await rememberImportedDocuments();
    expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it("shows a contract's source record and its amendments, newest first, after a later partial release, in en, es and ar", async () => {
    const { page } = session;
    // The real package in the database (the test above imported it from the page; again, it changes nothing).
    const driver = testDriver();
    try {
      const result = await runImport(
        driver,
        testConnection().database,
        { bytes: OCDS, fileName: 'contracts-finder.ocds.json' },
        { dryRun: false, actor: 'test', route: 'test' },
      );
      if (result.documentId) documents.push(result.documentId);
    } finally {
      await driver.close();
    }
    // An update of the first real release as a publisher sends one: only the new value and two amendments.
    const first = pkg.releases[0] as unknown as { ocid: string; id: string; awards: { id: string }[] };
    const update = {
      ocid: first.ocid,
      id: `${first.id}-update`,
      date: '2023-01-10T09:00:00Z',
      tag: ['awardUpdate'],
      awards: [
        {
          id: first.awards[0]?.id,
          value: { amount: 50000 },
          amendments: [
            { id: '1', date: '2022-12-01T00:00:00Z', rationale: 'Support extended' },
            { id: '2', date: '2023-01-09T00:00:00Z', rationale: 'Licences added', description: 'Ten more seats' },
          ],
        },
      ],
    };
    await page.locator('[data-testid="import-open"]').click();
    await dropFile(page, 'update.json', Buffer.from(JSON.stringify({ releases: [update] })));
    await page.locator('[data-testid="import-outcome"], [data-testid="import-refused"]').first().waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="import-confirm"]').click();
    await page.locator('[data-testid="import-outcome"]').getByText('Imported update.json (Open Contracting)').waitFor();
    await page.locator('[data-testid="import-show"]').click();
    await waitForOnCanvas(page, { names: ['RStudio License and Support'] });
    await searchAndPick(page, 'RStudio', 'RStudio License and Support');

    const panel = sidePanel(page);
    const source = panel.getByTestId('contract-source');
    const release = `ocid ${first.ocid} · release ${update.id}`;
    await source.filter({ hasText: 'Source record dated 2023-01-10' }).waitFor();
    expect(await source.textContent()).toBe(`Source record dated 2023-01-10 · ${release}`);
    const amendments = panel.getByTestId('contract-amendments').locator('li');
    expect(await amendments.allTextContents()).toEqual([
      '2023-01-09 Licences added: Ten more seats',
      '2022-12-01 Support extended',
    ]);
    // The value the update gave, in the reader's format; the currency the first release gave, kept.
    expect(await panel.locator('.facts').textContent()).toContain('£50,000');

    for (const [code, words] of [
      ['es', es.facts],
      ['ar', ar.facts],
    ] as const) {
      await page.getByTestId('language').selectOption(code);
      await page.locator(`html[lang="${code}"]`).waitFor({ state: 'attached' });
      const dated = words.sourceRecord.replace('<date>{{date}}</date>', '2023-01-10');
      await source.filter({ hasText: dated }).waitFor();
      expect(await source.textContent()).toBe(`${dated} · ${release}`);
      expect(await panel.getByRole('heading', { name: new RegExp(words.amendments) }).count()).toBe(1);
      expect(await amendments.count()).toBe(2);
    }
    await rememberImportedDocuments();
    expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it('refuses a file of no known format and says why', async () => {
    const { page } = session;
    await page.locator('[data-testid="import-open"]').click();
    await dropFile(page, 'notes.csv', Buffer.from('name,amount\nx,1\n'));
    await page.locator('[data-testid="import-refused"]').getByText('cannot tell the format').waitFor();
  });
});
