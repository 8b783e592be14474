/**
 * Regenerates docs/screenshots/*.png from a running app (seed data only):
 *   npx tsx tests/e2e/screenshots.ts [http://127.0.0.1:8080/] [--tour]
 * It walks the golden path (search, expand, read the board seat's quote, path to ICE), then shows a
 * conflict finding and the money view, with the same helpers as the browser tests, so the pictures
 * show what the tests check. Then the first steps of the tour in English, Spanish and Arabic
 * (tour-<lang>-*.png); `--tour` takes those alone.
 */
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import { previewTestPage } from './helpers/test-page.js';
import type { Browser, Page } from 'playwright-core';
import {
  clickEdge,
  clickNode,
  expand,
  expectHeading,
  findPaths,
  openRailTab,
  searchAndPick,
  setAsOf,
  showFinding,
  showMoneyOnCanvas,
  waitForCanvasIdle,
  waitForOnCanvas,
} from './helpers/ui.js';

const args = process.argv.slice(2);
const tourOnly = args.includes('--tour');
const app = args.find((a) => !a.startsWith('--')) ?? process.env.INTERLOCK_E2E_URL ?? 'http://127.0.0.1:8080/';
// The pictures are taken of the test build of the page (it lets the helpers see the canvas), served
// locally with its API calls passed on to the app.
let url = app;
const out = new URL('../../docs/screenshots/', import.meta.url);

async function shoot(page: Page, file: string): Promise<void> {
  await waitForCanvasIdle(page);
  await page.screenshot({ path: new URL(file, out).pathname });
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const served = await previewTestPage(app);
  url = served.url;
  const browser = await launchBrowser();
  try {
    if (!tourOnly) {
      await explorer(browser);
      await conflictFinding(browser);
      await moneyFlows(browser);
      await timeControl(browser);
      await arabic(browser);
      await tableAndDocument(browser);
    }
    for (const language of ['en', 'es', 'ar'] as const) await tour(browser, language);
  } finally {
    await browser.close();
    await served.close();
  }
}

async function explorer(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    const shot = (name: string) => shoot(page, `explorer-${name}.png`);
    // The Conflicts list loads on its own; wait for it so the first picture is not half-drawn.
    await page.getByTestId('finding').first().waitFor();
    await shot('initial');
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await shot('expanded');
    await clickEdge(page, {
      type: 'SITS_ON_BOARD',
      source: 'person:vincent-line',
      target: 'org:lexisnexis-data-warehouse-board',
    });
    await page.getByTestId('citation').first().waitFor();
    await shot('edge-quote');
    await findPaths(page, 'Vincent Line', 'U.S. Immigration and Customs Enforcement');
    // Show the evidence of the last step, the one that reaches ICE.
    await page.getByTestId('path-result').getByRole('button').last().click();
    await shot('path');
  } finally {
    await page.close();
  }
}

/**
 * Matt Lewis's ties on the canvas first, then the vendor-board-seat finding: its evidence lit up,
 * his (which shares the board) dimmed around it, the explanation and quotes in the side panel.
 */
async function conflictFinding(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    await searchAndPick(page, 'Matt Lewis', 'Matt Lewis');
    await expand(page, { button: true });
    await openRailTab(page, 'Conflicts');
    await showFinding(page, 'Vincent Line', 'City and County of Denver');
    await shoot(page, 'conflicts-finding.png');
  } finally {
    await page.close();
  }
}

/** Every money flow on the canvas, left to right, with the largest contract open in the side panel. */
async function moneyFlows(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    await openRailTab(page, 'Money');
    await showMoneyOnCanvas(page, [
      'public-body:city-of-denver',
      'public-body:ice',
      'org:lexisnexis',
      'contract:ice-lexisnexis-personal-information',
    ]);
    await clickNode(page, 'contract:ice-lexisnexis-personal-information');
    await expectHeading(page, 'ICE–LexisNexis');
    await page.getByTestId('citation').first().waitFor();
    await shoot(page, 'money-flows.png');
  } finally {
    await page.close();
  }
}

/** Denver's ties as of 2020: the contract dated that year stands out, undated ties are faded. */
async function timeControl(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    await searchAndPick(page, 'Denver', 'City and County of Denver');
    await expand(page, { button: true });
    await setAsOf(page, '2020');
    await clickNode(page, 'contract:denver-lexisnexis-data-services-2020');
    await expectHeading(page, 'LexisNexis');
    await shoot(page, 'explorer-time.png');
  } finally {
    await page.close();
  }
}

/**
 * The tour's first steps in one language, as a reader of it sees them: Vincent Line found and his ties
 * brought in, the board seat's line read with its quote, then the finding that seat is part of.
 */
async function tour(browser: Browser, language: 'en' | 'es' | 'ar'): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    const shot = (step: string) => shoot(page, `tour-${language}-${step}.png`);
    await page.getByTestId('language').selectOption(language);
    await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('finding').first().waitFor();
    const input = page.getByTestId('search-input');
    await input.pressSequentially('Vincent', { delay: 40 });
    // Results name him as the data does, with his other names in brackets.
    await page.getByRole('option', { name: /^Vincent Line \(/ }).click();
    await waitForOnCanvas(page, { ids: ['person:vincent-line'] });
    await expand(page, { doubleClick: 'person:vincent-line' });
    await shot('1-expanded');
    await clickEdge(page, {
      type: 'SITS_ON_BOARD',
      source: 'person:vincent-line',
      target: 'org:lexisnexis-data-warehouse-board',
    });
    await page.getByTestId('citation').first().waitFor();
    await shot('2-board-seat');
    // A finding his board seat is part of, found by his name as the reader's language writes it.
    await page
      .getByTestId('finding')
      .filter({ hasText: language === 'ar' ? 'فنسنت لاين' : 'Vincent Line' })
      .first()
      .click();
    await waitForCanvasIdle(page);
    await shot('3-finding');
  } finally {
    await page.close();
  }
}

/** The page in Arabic: right to left, translated controls, Arabic names where the data has them. */
async function arabic(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    await page.getByTestId('language').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor({ state: 'attached' });
    const input = page.getByTestId('search-input');
    await input.pressSequentially('Vincent', { delay: 40 });
    await page.getByRole('option', { name: /^Vincent Line \(/ }).click();
    // The panel names him by his Arabic alias, as the canvas does.
    await expectHeading(page, 'فنسنت لاين');
    await waitForCanvasIdle(page);
    await expand(page, { doubleClick: 'person:vincent-line' });
    // Rings around Vincent Line put his two ties on either side, so the long Arabic names and the
    // edge labels each get their own room.
    await page.getByTestId('layout').selectOption('concentric');
    await waitForCanvasIdle(page);
    await shoot(page, 'explorer-ar.png');
  } finally {
    await page.close();
  }
}

/** The table view sorted by connections, and a document's panel listing what it sources. */
async function tableAndDocument(browser: Browser): Promise<void> {
  const page = await openExplorer(browser, url);
  try {
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    await page.getByRole('button', { name: 'Table' }).click();
    const entities = page.getByTestId('entity-table');
    await entities.getByRole('button', { name: 'Connections' }).click();
    await entities.getByRole('button', { name: 'Connections' }).click();
    await shoot(page, 'explorer-table.png');
    await page.getByRole('button', { name: 'Table' }).click();
    await searchAndPick(
      page,
      'Press release',
      'Press release: new report shows ICE uses data brokers to get around sanctuary laws',
    );
    await page.getByTestId('document-fact').first().waitFor();
    await page.getByRole('button', { name: 'Put these facts on the canvas' }).click();
    await waitForCanvasIdle(page);
    await shoot(page, 'explorer-document.png');
  } finally {
    await page.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
