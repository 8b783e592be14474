/**
 * Regenerates docs/screenshots/explorer-*.png from a running app:
 *   npx tsx tests/e2e/screenshots.ts [http://127.0.0.1:8080/]
 * It walks the golden path (search, expand, read the board seat's quote, path to ICE) with the same
 * helpers as the browser test, so the pictures show what the test checks.
 */
import { mkdir } from 'node:fs/promises';
import { launchBrowser, openExplorer } from './helpers/browser.js';
import { clickEdge, expand, findPaths, searchAndPick, waitForCanvasIdle } from './helpers/ui.js';

const url = process.argv[2] ?? process.env.INTERLOCK_E2E_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('../../docs/screenshots/', import.meta.url);

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await openExplorer(browser, url);
    const shot = async (name: string) => {
      await waitForCanvasIdle(page);
      await page.screenshot({ path: new URL(`explorer-${name}.png`, out).pathname });
      console.log(`wrote docs/screenshots/explorer-${name}.png`);
    };
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
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
