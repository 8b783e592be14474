/**
 * Pictures of stories, links, embeds and phones for the docs (docs/screenshots/), from a running app:
 *   INTERLOCK_TOKEN=<editor token> npx tsx tests/e2e/story-screenshots.ts [http://127.0.0.1:8080/]
 * It saves and publishes a snapshot in that app's database, so point it at a scratch instance. The
 * pictures are taken of the test build of the page (`npm run build:e2e`), served locally with its API
 * calls passed on to the app.
 */
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import { waitForSnapshotMap } from './helpers/snapshots.js';
import { addStep, dragNode, storyBuilder, wheelZoom } from './helpers/stories.js';
import { previewTestPage } from './helpers/test-page.js';
import {
  clickNode,
  expand,
  expectHeading,
  findPaths,
  searchAndPick,
  sidePanel,
  waitForCanvasIdle,
  waitForOnCanvas,
} from './helpers/ui.js';

const app = process.argv[2] ?? process.env.INTERLOCK_E2E_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('../../docs/screenshots/', import.meta.url);
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: new URL(file, out).pathname });
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  const token = process.env.INTERLOCK_TOKEN;
  if (!token) throw new Error('Set INTERLOCK_TOKEN to an editor token of that app: saving a story needs one.');
  await mkdir(out, { recursive: true });
  const served = await previewTestPage(app);
  const browser = await launchBrowser();
  try {
    const published = await story(browser, served.url, token);
    await sharePhone(browser, published);
    await embed(browser, published);
    await explorerPhone(browser, served.url);
  } finally {
    await browser.close();
    await served.close();
  }
}

/** Three steps built beside the canvas, the story saved and published in place. */
async function story(browser: Browser, url: string, token: string): Promise<string> {
  const page = await openExplorer(browser, url, { token });
  try {
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await expand(page, { button: true });
    const builder = await storyBuilder(page);
    await builder.getByTestId('snapshot-title-input').fill('Who watches the jails');
    await builder
      .getByRole('textbox', { name: 'Note' })
      .fill('How a Denver official came to sit on the board of the data broker ICE buys from.');
    await clickNode(page, 'person:vincent-line');
    await wheelZoom(page, -200);
    await addStep(page, 'Vincent Line runs Denver’s jails');
    await dragNode(page, 'org:lexisnexis-data-warehouse-board', -120, -40);
    await clickNode(page, 'org:lexisnexis-data-warehouse-board');
    await addStep(page, 'He also sits on the LexisNexis data-warehouse board');
    await findPaths(page, 'Vincent Line', 'U.S. Immigration and Customs Enforcement');
    await addStep(page, 'The chain that reaches ICE');
    await waitForCanvasIdle(page);
    await shoot(page, 'story-builder.png');
    await builder.getByTestId('snapshot-save').click();
    await builder.getByTestId('publish-step').click();
    await builder.getByTestId('publish-confirm').waitFor();
    await shoot(page, 'story-publish.png');
    await builder.getByRole('button', { name: 'Publish now' }).click();
    const done = builder.getByTestId('story-published');
    await done.waitFor();
    await done.scrollIntoViewIfNeeded();
    await shoot(page, 'story-published.png');
    return (await done.getByTestId('published-link').getAttribute('href')) ?? '';
  } finally {
    await page.close();
  }
}

async function sharePhone(browser: Browser, published: string): Promise<void> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.goto(published);
    await waitForSnapshotMap(page, ['person:vincent-line']);
    await shoot(page, 'share-phone.png');
    await page.getByRole('button', { name: 'Next' }).tap();
    await page.getByText('Step 2 of 3').waitFor();
    await waitForSnapshotMap(page, ['org:lexisnexis-data-warehouse-board']);
    await shoot(page, 'share-phone-step2.png');
  } finally {
    await context.close();
  }
}

/** The published map framed in an article page, a name clicked for its sources. */
async function embed(browser: Browser, published: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  let closeArticle = () => undefined as unknown;
  try {
    const html = `<!doctype html><meta charset="utf-8"><title>Article</title>
<body style="font:17px Georgia,serif;max-width:860px;margin:24px auto;color:#222">
<h1 style="font-size:30px">Who watches the jails</h1>
<p>Colorado law-enforcement officials sat on the board of the data warehouse of LexisNexis, whose
subsidiary sold jail-booking data to ICE. The map below walks through the chain, with its sources.</p>
<iframe src="${published}?embed=1" title="Who watches the jails" width="100%" height="520" style="border:1px solid #ccc"></iframe>
</body>`;
    // An article on another origin (a local one: Chrome lets only local pages frame local servers).
    const article = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(html);
    });
    await new Promise<void>((resolve) => article.listen(0, '127.0.0.1', resolve));
    closeArticle = () => article.close();
    await page.goto(`http://127.0.0.1:${(article.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('story').waitFor();
    const inner = page.frames()[1];
    if (inner) await waitForSnapshotMap(inner, ['person:vincent-line']);
    await shoot(page, 'embed.png');
  } finally {
    await page.close();
    closeArticle();
  }
}

/** The explorer on a phone: empty, then Vincent Line expanded with his details in the sheet. */
async function explorerPhone(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('search-input').waitFor();
    await shoot(page, 'explorer-phone.png');
    const search = page.getByTestId('search-input');
    await search.tap();
    await search.pressSequentially('Vincent', { delay: 30 });
    await page.getByRole('option', { name: /^Vincent Line \(/ }).tap();
    await expectHeading(page, 'Vincent Line');
    await sidePanel(page).getByRole('button', { name: 'Expand', exact: true }).tap();
    await waitForOnCanvas(page, { ids: ['org:lexisnexis-data-warehouse-board'] });
    await shoot(page, 'explorer-phone-details.png');
    await page.getByTestId('phone-bar').getByRole('button', { name: 'Tools' }).tap();
    await page.getByRole('tab', { name: 'Conflicts' }).waitFor();
    await page.getByTestId('finding').first().waitFor();
    await shoot(page, 'explorer-phone-tools.png');
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
