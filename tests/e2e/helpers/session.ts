/**
 * One browser-test session per file: the app on a real port (embedded Neo4j with the seed, built page),
 * one Chromium, and a fresh page per test whose uncaught errors are collected, so a test can assert the
 * page threw nothing. Registers its own vitest hooks.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, openExplorer } from './browser.js';
import { TEST_ADMIN_TOKEN } from '../../setup/app.js';
import type { SecurityOptions } from '../../../server/security/options.js';
import { startTestServer } from './server.js';

export interface ExplorerSession {
  readonly browser: Browser;
  readonly url: string;
  /** The page of the current test. */
  readonly page: Page;
  /** Uncaught errors the current test's page threw. */
  readonly pageErrors: string[];
}

/**
 * `signedIn: true` opens every page with the test suite's admin token, for tests that write; `security`
 * changes the app's access and header options (e.g. who may frame share pages; it runs before the app
 * starts).
 */
export function useExplorerSession(
  options: { signedIn?: boolean; security?: () => Promise<Partial<SecurityOptions>> } = {},
): ExplorerSession {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(options.security ? { security: await options.security() } : {});
    browser = await launchBrowser();
    await storedFindingsCurrent(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    pageErrors.length = 0;
    page = await openExplorer(session.browser, session.url, options.signedIn ? { token: TEST_ADMIN_TOKEN } : {});
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser session has no ${what} yet (used outside a test?)`);
    return value;
  };
  const session: ExplorerSession = {
    get browser() {
      return ready(browser, 'browser');
    },
    get url() {
      return ready(server, 'server').url;
    },
    get page() {
      return ready(page, 'page');
    },
    pageErrors,
  };
  return session;
}

/**
 * The stored conflict findings are brought up to date in the background once asked for (ADR 0021): the
 * session starts when they reflect the graph, as a reader who opens the Conflicts tab a little later would.
 */
export async function storedFindingsCurrent(url: string): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    const response = await fetch(new URL('/api/conflicts/status', url), {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    if (response.ok && ((await response.json()) as { status: string }).status === 'current') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the stored findings did not become current');
}
