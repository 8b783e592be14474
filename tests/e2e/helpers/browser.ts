/** Launching the system Chromium for browser tests (playwright-core ships no browser of its own). */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A fresh page at the newsroom-laptop size the screenshots are taken at. */
export async function openExplorer(browser: Browser, url: string, options: { token?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  // Signed in as the page itself would be after `#token=`: the token is in localStorage before any script runs.
  if (options.token)
    await page.addInitScript(
      (token) =>
        (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(
          'interlock.token',
          token,
        ),
      options.token,
    );
  await page.goto(url);
  await page.getByTestId('search-input').waitFor();
  return page;
}
