/** Editing on the page the way a person does it: open a form, fill it, save; read the History tab. */
import type { Locator, Page } from 'playwright-core';
import { sidePanel } from './ui.js';

export function dialog(page: Page): Locator {
  return page.getByTestId('editor-dialog');
}

/** "Add connection" from the selected entity's panel: the form opens with it as the start. */
export async function openNewConnection(page: Page): Promise<Locator> {
  await sidePanel(page).getByRole('button', { name: 'Add connection' }).click();
  const form = page.getByTestId('relationship-form');
  await form.waitFor();
  return form;
}

/** Picks an entity in one of the form's pickers by typing part of its name. */
export async function pickEntity(picker: Locator, text: string, name: string): Promise<void> {
  await picker.getByRole('searchbox').fill(text);
  await picker.getByRole('button', { name: `Pick ${name}` }).click();
}

/** Describes a new document as the source of the first citation, with where in it and the quote. */
export async function sourceFields(
  page: Page,
  source: { title: string; publisher?: string; publishedOn?: string; url?: string; locator: string; quote: string },
): Promise<void> {
  const form = dialog(page);
  let item = form.getByTestId('citation-item').first();
  if ((await form.getByTestId('citation-item').count()) === 0) {
    await form.getByRole('button', { name: /Add a source/ }).click();
    item = form.getByTestId('citation-item').first();
  }
  await item.getByRole('radio', { name: 'A new document' }).check();
  const doc = item.getByTestId('new-document');
  await doc.getByLabel('Title').fill(source.title);
  if (source.publisher) await doc.getByLabel('Publisher').fill(source.publisher);
  if (source.publishedOn) await doc.getByLabel('Published on').fill(source.publishedOn);
  if (source.url) await doc.getByLabel('Link (URL)').fill(source.url);
  await item.getByLabel(/Where in it/).fill(source.locator);
  await item.getByLabel(/Exact quote/).fill(source.quote);
}

/** Fills the connection form's other end, type and detail, and saves unless told not to. */
export async function addConnection(
  page: Page,
  connection: { to: string; toName: string; type: string; detail?: string },
  options: { save?: boolean } = {},
): Promise<void> {
  const form = page.getByTestId('relationship-form');
  await pickEntity(form.getByTestId('pick-target'), connection.to, connection.toName);
  await form.getByLabel('Connection').selectOption({ label: connection.type });
  if (connection.detail) await form.getByLabel(/Role|Seat|What data flows/).fill(connection.detail);
  if (options.save !== false) await form.getByRole('button', { name: 'Save' }).click();
}

/** Switches the entity panel between Details and History. */
export async function openEntityTab(page: Page, name: 'Details' | 'History'): Promise<Locator> {
  await sidePanel(page).getByRole('tab', { name }).click();
  const panel = sidePanel(page).getByRole('tabpanel', { name });
  await panel.waitFor();
  return panel;
}

/** Signs the page in with a token (the audit trail records the token's name as who made each edit). */
export async function signPageIn(page: Page, token: string): Promise<void> {
  await page.evaluate((secret) => {
    (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(
      'interlock.token',
      secret,
    );
  }, token);
}
