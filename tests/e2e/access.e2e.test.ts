/**
 * Access on the page, in a real browser: the sign-in address printed on first start signs the browser
 * in and leaves the address bar clean; signing in with a token shows the role and what it allows; a
 * wrong token is refused; and the page (and the API docs) run under the content-security policy
 * without a single violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/security/tokens.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { searchAndPick } from './helpers/ui.js';
import { useExplorerSession } from './helpers/session.js';

const { database } = testConnection();
const prefix = uniquePrefix('e2e-access');
const secrets: Record<'reader' | 'editor', string> = { reader: '', editor: '' };

beforeAll(async () => {
  const driver = testDriver();
  for (const role of ['reader', 'editor'] as const) {
    secrets[role] = (await createToken(driver, database, { name: `${prefix}-${role}`, role, createdBy: 'test' })).token;
  }
  await driver.close();
});
afterAll(async () => {
  const driver = testDriver();
  await driver.executeQuery('MATCH (t:ApiToken) WHERE t.name STARTS WITH $prefix DELETE t', { prefix }, { database });
  await driver.close();
});

/** The page checks the token with the server and may reload itself; on a busy machine that takes a while. */
const PATIENCE = { timeout: 20_000 };

/** A page that records every CSP violation and console error from its first script on. */
async function watchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.addInitScript({
    content:
      "document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));",
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to/i.test(message.text()))
      problems.push(message.text());
  });
  return { page, problems };
}

describe('signing in on the page', () => {
  const session = useExplorerSession();

  it('signs in from the address printed on first start, and takes the token out of the address bar', async () => {
    // As a person opens the printed address: a new tab.
    const page = await session.browser.newPage();
    await page.goto(`${session.url}#token=${encodeURIComponent(secrets.editor)}`);
    const button = page.getByTestId('access-button');
    await expect.poll(() => button.textContent(), PATIENCE).toContain(`${prefix}-editor`);
    expect(await button.textContent()).toContain('editor');
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => localStorage.getItem('interlock.token'))).toBe(secrets.editor);

    await button.click();
    const allows = page.getByTestId('access-allows');
    expect(await allows.textContent()).toContain('Change the graph');
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain('Sign in');
    expect(await page.evaluate(() => localStorage.getItem('interlock.token'))).toBeNull();

    // The same address pasted into a tab that already shows the page.
    await page.goto(`${session.url}#token=${encodeURIComponent(secrets.editor)}`);
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain(`${prefix}-editor`);
    await page.close();
  });

  it('does not let another site replace or clear the token through the address: it asks, and ignores what is no token', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}#token=${encodeURIComponent(secrets.editor)}`);
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain(`${prefix}-editor`);
    const stored = () => page.evaluate(() => localStorage.getItem('interlock.token'));
    const questions: string[] = [];
    let answer: 'accept' | 'dismiss' = 'dismiss';
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
    });

    // A hostile page navigates the tab to the sign-in address with junk: nothing is asked, nothing cleared.
    await page.goto(`${session.url}#token=x`);
    await page.getByTestId('search-input').waitFor();
    expect(await stored()).toBe(secrets.editor);
    expect(page.url()).not.toContain('token');
    expect(questions).toEqual([]);

    // With a token of its own (well-formed): the person is asked, says no, and keeps theirs.
    await page.goto(`${session.url}#token=${encodeURIComponent(secrets.reader)}`);
    await page.getByTestId('search-input').waitFor();
    await expect.poll(() => questions.length, PATIENCE).toBe(1);
    expect(questions[0]).toContain('Replace the token?');
    expect(await stored()).toBe(secrets.editor);
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain(`${prefix}-editor`);

    // A well-formed token the server refuses, accepted by the person: the token it replaced comes back.
    answer = 'accept';
    await page.goto(`${session.url}#token=ilk_no-such-token-at-all-0000000000000000`);
    await expect.poll(() => questions.length, PATIENCE).toBe(2);
    await expect.poll(stored, PATIENCE).toBe(secrets.editor);
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain(`${prefix}-editor`);
    await page.close();
  });

  it('signs in with a token typed into the panel, shows the role and that it cannot write, and refuses a wrong one', async () => {
    const page = session.page;
    await page.getByTestId('access-button').click();
    const input = page.getByTestId('token-input');
    await input.fill('ilk_not-a-real-token');
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByRole('alert').textContent(), PATIENCE).toContain('not accepted');

    await input.fill(secrets.reader);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('access-button').textContent(), PATIENCE).toContain(`${prefix}-reader`);
    await page.getByTestId('access-button').click();
    const allows = await page.getByTestId('access-allows').textContent();
    expect(allows).toContain('Read the graph');
    expect(allows).toContain('needs an editor token');
    // Signed in, the page still works as before.
    await page.getByTestId('access-button').click();
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('content-security policy', () => {
  const session = useExplorerSession();

  it('is satisfied by the page while it searches and draws the graph', async () => {
    const { page, problems } = await watchedPage(session.browser);
    const response = await page.goto(session.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('search-input').waitFor();
    await searchAndPick(page, 'Vincent', 'Vincent Line');
    await page.getByTestId('access-button').click();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is satisfied by the API docs page', async () => {
    const { page, problems } = await watchedPage(session.browser);
    await page.goto(`${session.url}docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Interlock API');
    expect(problems).toEqual([]);
    await page.close();
  });
});
