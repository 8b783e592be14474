/**
 * The Duplicates window as an editor meets it: each likely pair with what can be done about it (keep
 * one of the two, say they are not the same, look at one on the map), and a window that closes with
 * its Done button or Escape without acting on anything.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';
import { dialog } from './helpers/editing.js';
import { useExplorerSession } from './helpers/session.js';
import { expectHeading, waitForOnCanvas } from './helpers/ui.js';

const marker = uniquePrefix('dup-window');
const { database } = testConnection();
let driver: Driver;
let duplicate: string;

describe('the Duplicates window', () => {
  const session = useExplorerSession({ signedIn: true });

  beforeAll(async () => {
    driver = testDriver();
    // A second record of Vincent Line, as a careless import would make.
    const created = await fetch(new URL('/api/entities', session.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asAdmin },
      body: JSON.stringify({
        kind: 'Person',
        name: 'VINCENT LINE',
        aliases: [`Vince Line ${marker}`],
        citations: [{ documentId: 'document:press-release-sanctuary-sabotage', locator: 'line 24', quote: 'فنسنت لاين' }],
      }),
    });
    expect(created.status, (await created.clone().text()).slice(0, 300)).toBe(201);
    duplicate = ((await created.json()) as { entity: { id: string } }).entity.id;
  });
  afterAll(async () => {
    // The record and the audit entry its creation left.
    await driver.executeQuery('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: duplicate }, { database });
    await driver.executeQuery('MATCH (a:AuditEntry) WHERE $id IN a.entityIds DELETE a', { id: duplicate }, { database });
    await driver.close();
  });

  it('offers keep either, not the same, and a look at each; Done and Escape close it without acting', async () => {
    const { page } = session;
    const open = async () => {
      await page.getByTestId('edit-bar').getByRole('button', { name: 'Duplicates' }).click();
      await dialog(page).getByRole('heading', { name: 'Possible duplicates' }).waitFor();
    };
    await open();
    const pair = dialog(page).getByTestId('duplicate-pair').filter({ hasText: marker });
    await pair.waitFor();
    await expect(pair.getByRole('button', { name: 'Keep “Vincent Line”', exact: true }).isEnabled()).resolves.toBe(true);
    await expect(pair.getByRole('button', { name: 'Keep “VINCENT LINE”', exact: true }).isEnabled()).resolves.toBe(true);
    await expect(pair.getByRole('button', { name: 'Not the same' }).isEnabled()).resolves.toBe(true);
    expect(await pair.getByRole('button', { name: 'Keep “Vincent Line”', exact: true }).getAttribute('title')).toMatch(
      /^Merge the other into this one/,
    );
    // No Cancel: nothing here waits to be confirmed, so the window says Done.
    expect(await dialog(page).getByRole('button', { name: 'Cancel' }).count()).toBe(0);

    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await expect(dialog(page).isVisible()).resolves.toBe(false);
    await open();
    await page.keyboard.press('Escape');
    await expect(dialog(page).isVisible()).resolves.toBe(false);

    // Looking at one of the pair closes the window and puts it on the map.
    await open();
    await pair.getByRole('button', { name: 'VINCENT LINE', exact: true }).click();
    await expect(dialog(page).isVisible()).resolves.toBe(false);
    await waitForOnCanvas(page, { ids: [duplicate] });
    await expectHeading(page, 'VINCENT LINE');

    // Closing acted on nothing: both records are still there.
    const { records } = await driver.executeQuery(
      'MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n',
      { ids: ['person:vincent-line', duplicate] },
      { database },
    );
    expect(Number(records[0]?.get('n'))).toBe(2);
    expect(session.pageErrors).toEqual([]);
  });
});
