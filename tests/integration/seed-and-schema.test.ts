/** Applying the schema and loading the seed again changes nothing: a second start duplicates nothing. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../server/db/cypher-files.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { loadSeed } from '../../server/services/seed.js';
import { testConnection, testDriver } from '../setup/connection.js';

let driver: Driver;
const { database } = testConnection();
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function counts(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(cypher('queries/stats'), {}, { database });
  return Object.fromEntries(records.map((r) => [`${r.get('what')}:${r.get('name')}`, r.get('count') as number]));
}

describe('schema and seed', () => {
  it('are idempotent', async () => {
    const before = await counts();
    await applySchema(driver, database);
    const summary = await loadSeed(driver, database);
    expect(await counts()).toEqual(before);
    expect(before['entity:Person']).toBe(7);
    expect(summary.relationships).toBe(
      Object.entries(before)
        .filter(([k]) => k.startsWith('relationship:'))
        .reduce((s, [, v]) => s + v, 0),
    );
  });

  it('give every node the Entity label and exactly one kind label (audit entries apart, which are never entities)', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (n)
       WHERE (n:AuditEntry AND labels(n) <> ['AuditEntry']) OR (NOT n:AuditEntry AND (NOT n:Entity OR size(labels(n)) <> 2))
       RETURN count(n) AS bad`,
      {},
      { database },
    );
    expect(records[0]?.get('bad')).toBe(0);
  });

  it('leave no audit entry when a reload changes nothing', async () => {
    const entries = async () =>
      (
        await driver.executeQuery("MATCH (a:AuditEntry {actor: 'system:seed'}) RETURN count(a) AS n", {}, { database })
      ).records[0]?.get('n') as number;
    const before = await entries();
    await loadSeed(driver, database);
    expect(await entries()).toBe(before);
  });

  it('makes "everything sourced to a document" a plain query', async () => {
    const { records } = await driver.executeQuery(
      `MATCH ()-[r]->() WHERE $doc IN r.citationDocumentIds RETURN count(r) AS cited`,
      { doc: 'document:press-release-sanctuary-sabotage' },
      { database },
    );
    expect(records[0]?.get('cited')).toBeGreaterThan(30);
  });
});
