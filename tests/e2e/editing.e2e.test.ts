/**
 * Editing on the page: a connection is added with a source described inline (a new document) and
 * appears on the canvas; saving without a source is refused with a message; an edit shows in the
 * entity's History tab with who made it and through which route, and is undone from there; an edit
 * made after someone else saved the same entity shows who changed what, and keeps both changes.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from 'cytoscape';
import { writeTransaction } from '../../server/db/transactions.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { recordCleanup } from '../integration/helpers/import-fixtures.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { addConnection, dialog, openEntityTab, signPageIn, openNewConnection, sourceFields } from './helpers/editing.js';
import { useExplorerSession } from './helpers/session.js';
import { expectHeading, searchAndPick, sidePanel, waitForCanvasIdle } from './helpers/ui.js';

const VINCENT = 'person:vincent-line';
const DENVER = 'public-body:city-of-denver';
const marker = uniquePrefix('page-edit');
/** The page answers within seconds, but a loaded machine can make that many. */
const POLL = { timeout: 30_000 };
const SLOW = 180_000;
const { database } = testConnection();
let driver: Driver;
let vincentDescription: string;

let signedIn: TestSignIn;
let colleague: TestSignIn;

beforeAll(async () => {
  signedIn = await signInAs(marker);
  colleague = await signInAs(`colleague-${marker}`);
  driver = testDriver();
  const { records } = await driver.executeQuery(
    'MATCH (n:Entity {id: $id}) RETURN n.description AS d',
    { id: VINCENT },
    { database },
  );
  vincentDescription = records[0]?.get('d') as string;
});
afterAll(async () => {
  // What the page wrote: the connection, the new document, and Vincent's description if the undo failed;
  // in one transaction with an audit entry naming what changed, so the stored findings (which take in
  // the audit trail) drop the connection's findings rather than serving them to the files after this one.
  await writeTransaction(driver, database, async (tx) => {
    const removed = await tx.run(
      `MATCH (a)-[r]->(b) WHERE r.role = $marker
       WITH a.id AS source, b.id AS target, r.id AS id, type(r) AS type, r
       DELETE r
       RETURN source, target, id, type`,
      { marker },
    );
    await tx.run('MATCH (d:Document) WHERE d.title CONTAINS $marker DETACH DELETE d', { marker });
    await tx.run('MATCH (n:Entity {id: $id}) WHERE n.description CONTAINS $marker SET n.description = $before', {
      id: VINCENT,
      marker,
      before: vincentDescription,
    });
    await tx.run("MATCH (n:Entity {id: $id}) WHERE n.start = '1999' REMOVE n.start", { id: VINCENT });
    await tx.run('MATCH (a:AuditEntry) WHERE a.actor IN [$marker, $colleague] DELETE a', {
      marker,
      colleague: `colleague-${marker}`,
    });
    await recordCleanup(tx, [
      { id: VINCENT, what: 'entity', op: 'updated', before: null, after: null },
      ...removed.records.map((r) => ({
        id: r.get('id') as string,
        what: 'relationship' as const,
        op: 'deleted' as const,
        type: r.get('type') as string,
        source: r.get('source') as string,
        target: r.get('target') as string,
        before: null,
        after: null,
      })),
    ]);
  });
  await signedIn.remove();
  await colleague.remove();
  await driver.close();
});

describe('editing on the page', () => {
  const session = useExplorerSession({ signedIn: true });

  it(
    'adds a connection with a new document as its source, refusing it without one, and draws it',
    async () => {
      const { page } = session;
      await signPageIn(page, signedIn.token);
      await searchAndPick(page, 'Vincent', 'Vincent Line');
      const form = await openNewConnection(page);
      await addConnection(
        page,
        { to: 'Denver', toName: 'City and County of Denver', type: 'HOLDS POSITION', detail: marker },
        { save: false },
      );

      // Without a source the form refuses, says why, and nothing is sent.
      await form.getByRole('button', { name: 'Remove this source' }).click();
      let posted = false;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().endsWith('/api/relationships')) posted = true;
      });
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => form.getByTestId('form-problem').innerText(), POLL).toMatch(/at least one source/);
      expect(posted).toBe(false);

      await sourceFields(page, {
        title: `Board minutes ${marker}`,
        publisher: 'City of Denver',
        publishedOn: '2020-06-01',
        url: `https://example.org/${marker}`,
        locator: 'page 2',
        quote: 'Vincent Line advises the City.',
      });
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/relationships'));
      await form.getByRole('button', { name: 'Save' }).click();
      const response = await saved;
      expect(response.status()).toBe(201);
      const { relationship } = (await response.json()) as { relationship: { id: string } };
      await dialog(page).waitFor({ state: 'hidden' });
      await page.getByTestId('edit-note').filter({ hasText: 'Saved.' }).waitFor();

      await page.waitForFunction(
        ({ id }) => (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id).nonempty() === true,
        { id: relationship.id },
      );
      await waitForCanvasIdle(page);
      const drawn = await page.evaluate((id) => {
        const edge = (globalThis as unknown as { __interlockCy?: Core }).__interlockCy?.getElementById(id);
        return {
          source: edge?.data('source') as string,
          target: edge?.data('target') as string,
          type: edge?.data('type') as string,
        };
      }, relationship.id);
      expect(drawn).toEqual({ source: VINCENT, target: DENVER, type: 'HOLDS_POSITION' });
      // The new connection is selected, and its source quote is in the side panel.
      await expectHeading(page, 'HOLDS POSITION');
      await sidePanel(page).getByText('Vincent Line advises the City.').waitFor();
      expect(session.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows an edit in the History tab with who and the route, and undoes it from there',
    async () => {
      const { page } = session;
      await signPageIn(page, signedIn.token);
      await searchAndPick(page, 'Vincent', 'Vincent Line');
      await sidePanel(page).getByRole('button', { name: 'Edit', exact: true }).click();
      const form = page.getByTestId('entity-form');
      await form.getByLabel('Description').fill(`Advises the City (${marker})`);
      await form.getByRole('button', { name: 'Save' }).click();
      await dialog(page).waitFor({ state: 'hidden' });
      await sidePanel(page).getByText(`Advises the City (${marker})`).waitFor();

      const history = await openEntityTab(page, 'History');
      const latest = history.getByTestId('history-entry').first();
      await latest.waitFor();
      await expect.poll(() => latest.innerText(), POLL).toContain('Changed');
      const text = await latest.innerText();
      expect(text).toContain(marker);
      expect(text).toContain('Made in the explorer');
      expect(text).toMatch(/description: Chief of operations .* → Advises the City/);
      // The seed import is in the history too, further down.
      await expect
        .poll(() => history.getByTestId('history-entry').filter({ hasText: 'system:seed' }).count(), POLL)
        .toBeGreaterThan(0);

      await latest.getByRole('button', { name: 'Undo this' }).click();
      await expect.poll(() => history.getByTestId('history-entry').first().innerText(), POLL).toContain('Undid a change');
      await openEntityTab(page, 'Details');
      await expect.poll(() => sidePanel(page).getByText(`Advises the City (${marker})`).count(), POLL).toBe(0);
      expect(session.pageErrors).toEqual([]);
    },
    SLOW,
  );

  it(
    'shows who saved the entity since the form was opened and what they changed, then keeps both changes',
    async () => {
      const { page } = session;
      await signPageIn(page, signedIn.token);
      await searchAndPick(page, 'Vincent', 'Vincent Line');
      await sidePanel(page).getByRole('button', { name: 'Edit', exact: true }).click();
      const form = page.getByTestId('entity-form');
      await form.getByLabel('Description').fill(`Runs the jails (${marker})`);

      // Meanwhile a colleague saves another field of the same person.
      const theirs = await fetch(new URL(`/api/entities/${VINCENT}`, session.url), {
        method: 'PATCH',
        headers: { ...colleague.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ start: '1999' }),
      });
      expect(theirs.status).toBe(200);

      await form.getByRole('button', { name: 'Save' }).click();
      const notice = form.getByTestId('edit-conflict');
      await notice.waitFor();
      const text = await notice.innerText();
      expect(text).toContain(`colleague-${marker}`);
      expect(text).toMatch(/From .* is now: 1999/);
      await notice.getByRole('button', { name: /Keep my text/ }).click();
      await expect.poll(() => form.getByLabel(/^From/).inputValue(), POLL).toBe('1999');
      expect(await form.getByLabel('Description').inputValue()).toBe(`Runs the jails (${marker})`);
      await form.getByRole('button', { name: 'Save' }).click();
      await dialog(page).waitFor({ state: 'hidden' });

      const { records } = await driver.executeQuery(
        'MATCH (n:Entity {id: $id}) RETURN n.description AS description, n.start AS start',
        { id: VINCENT },
        { database },
      );
      expect(records[0]?.toObject()).toEqual({ description: `Runs the jails (${marker})`, start: '1999' });
      expect(session.pageErrors).toEqual([]);
    },
    SLOW,
  );
});
