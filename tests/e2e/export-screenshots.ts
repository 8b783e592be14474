/**
 * The exported pictures shown in the README (docs/screenshots/export-finding-*.png), made the way a
 * reader makes them, from a running app (seed data):
 *   INTERLOCK_TOKEN=<editor token> npx tsx tests/e2e/export-screenshots.ts [http://127.0.0.1:8080/]
 * It shows the seed's finding on Vincent Line's board seat at the City of Denver's contractor, gives the
 * story a title in the Snapshots tab, lays it out with the force layout, and exports the canvas from the
 * Export menu: a social card in English and a square picture in Arabic. Nothing is saved in the app. The
 * page is the test build (`npm run build:e2e`), served locally with its API calls passed on to the app.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import { previewTestPage } from './helpers/test-page.js';
import { openRailTab, showFinding, waitForCanvasIdle } from './helpers/ui.js';

const app = process.argv[2] ?? process.env.INTERLOCK_E2E_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('../../docs/screenshots/', import.meta.url);

/** Exports the canvas as PNG at this picture size from the Snapshots tab and keeps the file as `file`. */
async function exportPicture(page: Page, size: string, file: string): Promise<void> {
  const menu = page.getByTestId('snapshots-panel').getByTestId('export-menu');
  await menu.locator('button[aria-expanded]').click();
  await menu.getByTestId('picture-size').selectOption(size);
  const downloaded = page.waitForEvent('download');
  await menu.locator('a[data-format="png"]').click();
  const download = await downloaded;
  await copyFile(await download.path(), new URL(file, out));
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const token = process.env.INTERLOCK_TOKEN;
  if (!token) throw new Error('Set INTERLOCK_TOKEN to an editor token of that app: exporting the canvas needs one.');
  await mkdir(out, { recursive: true });
  const served = await previewTestPage(app);
  const browser = await launchBrowser();
  try {
    const page = await openExplorer(browser, served.url, { token });
    await showFinding(page, 'Vincent Line', 'City and County of Denver');
    // The force layout spreads the six entities evenly; in the layered ones, squeezed into a card,
    // the names of neighbouring entities run into each other.
    await page.getByTestId('layout').selectOption('force');
    await waitForCanvasIdle(page);
    const tab = await openRailTab(page, 'Snapshots');
    await tab.getByTestId('snapshot-title-input').fill('Denver jails and the LexisNexis data-warehouse board');
    await tab.locator('.story-builder textarea').first().fill('Who oversees Denver’s jails, and what else they hold.');
    await exportPicture(page, 'social', 'export-finding-social.png');
    await page.getByTestId('language').selectOption('ar');
    await page.locator('html[lang="ar"]').waitFor({ state: 'attached' });
    await waitForCanvasIdle(page);
    await exportPicture(page, 'square', 'export-finding-square-ar.png');
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
