/**
 * Pictures of editing for the docs (docs/screenshots/editing-*.png), from a running app:
 *   INTERLOCK_TOKEN=<editor token> npx tsx tests/e2e/editing-screenshots.ts [http://127.0.0.1:8080/]
 * It writes to that app's database (a connection with a new source, an edit, a duplicate and its
 * merge), so point it at a scratch instance, not at real data.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import { previewTestPage } from './helpers/test-page.js';
import { addConnection, openEntityTab, openNewConnection, sourceFields } from './helpers/editing.js';
import { expectHeading, searchAndPick, waitForCanvasIdle } from './helpers/ui.js';

const app = process.argv[2] ?? process.env.INTERLOCK_E2E_URL ?? 'http://127.0.0.1:8080/';
// The pictures are taken of the test build of the page (it lets the helpers see the canvas), served
// locally with its API calls passed on to the app.
let url = app;
const out = new URL('../../docs/screenshots/', import.meta.url);

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: new URL(file, out).pathname });
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const served = await previewTestPage(app);
  url = served.url;
  const browser = await launchBrowser();
  try {
    const token = process.env.INTERLOCK_TOKEN;
    if (!token) throw new Error('Set INTERLOCK_TOKEN to an editor token of that app: editing needs one.');
    const page = await openExplorer(browser, url, { token });
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await openNewConnection(page);
    await page.getByTestId('relationship-form').getByRole('button', { name: 'Save' }).click();
    await shoot(page, 'editing-refused.png');
    await sourceFields(page, {
      title: 'Board minutes, LexisNexis data warehouse',
      publisher: 'LexisNexis',
      publishedOn: '2020-06-01',
      url: 'https://example.org/minutes',
      locator: 'page 2',
      quote: 'Vincent Line attended as a board member.',
    });
    await addConnection(
      page,
      { to: 'Denver', toName: 'City and County of Denver', type: 'HOLDS POSITION', detail: 'adviser' },
      { save: false },
    );
    await shoot(page, 'editing-connection-form.png');
    await page.getByTestId('relationship-form').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('edit-note').waitFor();
    await waitForCanvasIdle(page);
    // The new connection drawn and selected, its source in the panel.
    await expectHeading(page, 'HOLDS POSITION');
    await waitForCanvasIdle(page);
    await shoot(page, 'editing-saved.png');
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    const history = await openEntityTab(page, 'History');
    await history.getByTestId('history-entry').first().waitFor();
    await shoot(page, 'editing-history.png');
    // A second record of Vincent Line, as a careless import would make, for the duplicates view.
    const created = await page.request.post(new URL('/api/entities', url).toString(), {
      headers: { authorization: `Bearer ${token}` },
      data: {
        kind: 'Person',
        name: 'VINCENT LINE',
        aliases: ['Vince Line'],
        citations: [{ documentId: 'document:press-release-sanctuary-sabotage', locator: 'line 24', quote: 'فنسنت لاين' }],
      },
    });
    const duplicate = ((await created.json()) as { entity: { id: string } }).entity.id;
    await page.getByTestId('edit-bar').getByRole('button', { name: 'Duplicates' }).click();
    await page.getByTestId('duplicate-pair').first().waitFor();
    await shoot(page, 'editing-duplicates.png');
    await page.getByTestId('duplicate-pair').first().getByRole('button', { name: 'Keep “Vincent Line”', exact: true }).click();
    const undoMerge = page.getByTestId('editor-dialog').getByRole('button', { name: 'Undo merge' });
    await undoMerge.waitFor();
    await shoot(page, 'editing-merged.png');
    await undoMerge.click();
    await undoMerge.waitFor({ state: 'detached' });
    await page.request.delete(new URL(`/api/entities/${duplicate}`, url).toString(), {
      headers: { authorization: `Bearer ${token}` },
    });
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();
