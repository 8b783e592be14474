/**
 * Applying the schema and loading the seed again changes nothing: a second start duplicates nothing, and
 * never takes back what a person edited, deleted or merged in the seed story.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../schemas/index.js';
import { cypher } from '../../server/db/cypher-files.js';
import { readTransaction } from '../../server/db/transactions.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { describeSeed, loadSeed } from '../../server/services/seed.js';
import { graphVersion } from '../../server/services/graph-version.js';
import { warmUp } from '../../server/warm-up.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';

let driver: Driver;
let app: FastifyInstance;
const { database } = testConnection();
beforeAll(async () => {
  driver = testDriver();
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
  await driver.close();
});

async function counts(): Promise<Record<string, number>> {
  const { records } = await driver.executeQuery(cypher('queries/stats'), {}, { database });
  return Object.fromEntries(records.map((r) => [`${r.get('what')}:${r.get('name')}`, r.get('count') as number]));
}

describe('schema and seed', () => {
  it('are left as they are by the warm-up after a start, each of whose steps succeeds', async () => {
    const before = await counts();
    const version = await readTransaction(driver, database, graphVersion);
    const failures: string[] = [];
    await warmUp(app, (what, error) => failures.push(`${what}: ${String(error)}`));
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);
    expect(await readTransaction(driver, database, graphVersion)).toBe(version);
  });

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
    // Only entities and audit entries are looked at: other test files write snapshots, views and tokens
    // into the same database meanwhile, and those are neither.
    const { records } = await driver.executeQuery(
      `MATCH (n)
       WHERE n:Entity OR n:AuditEntry OR any(l IN labels(n) WHERE l IN $kinds)
       WITH n, [l IN labels(n) WHERE l IN $kinds] AS kinds
       WHERE (n:AuditEntry AND labels(n) <> ['AuditEntry'])
          OR (NOT n:AuditEntry AND (NOT n:Entity OR size(kinds) <> 1 OR size(labels(n)) <> 2))
       RETURN count(n) AS bad`,
      { kinds: [...ENTITY_KINDS] },
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

describe('the seed on a later start', () => {
  const ROLE = 'rel:vincent-line.holds-position.denver-sheriff-department';
  const MENTION = 'rel:press-release-sanctuary-sabotage.mentions.mijente';
  const relationship = async (id: string) => {
    const response = await app.inject(`/api/relationships/${id}`);
    return response.statusCode === 404 ? null : response.json<{ relationship: Record<string, unknown> }>().relationship;
  };
  const seedEntries = async () =>
    (
      await driver.executeQuery("MATCH (a:AuditEntry {actor: 'system:seed'}) RETURN count(a) AS n", {}, { database })
    ).records[0]?.get('n') as number;

  it('keeps what a person edited and does not bring back what they deleted', async () => {
    const edit = await app.inject({ method: 'PATCH', url: `/api/relationships/${ROLE}`, payload: { role: 'Acting chief' } });
    expect(edit.statusCode, edit.body).toBe(200);
    const deletion = await app.inject({ method: 'DELETE', url: `/api/relationships/${MENTION}` });
    expect(deletion.statusCode, deletion.body).toBe(200);
    const entries = await seedEntries();
    try {
      const summary = await loadSeed(driver, database);
      expect(summary.added).toEqual({ entities: 0, relationships: 0 });
      expect(summary.editedKept).toBeGreaterThanOrEqual(1);
      expect(summary.removedKept).toBeGreaterThanOrEqual(1);
      expect(describeSeed(summary)).toMatch(
        /^seed: 0 added, \d+ edited by people kept, \d+ deleted or merged by people left out\.$/,
      );
      expect((await relationship(ROLE))?.role).toBe('Acting chief');
      expect(await relationship(MENTION)).toBeNull();
      expect(await seedEntries()).toBe(entries);
    } finally {
      for (const response of [deletion, edit]) {
        const undo = await app.inject({ method: 'POST', url: `/api/audit/${response.json<{ auditId: string }>().auditId}/undo` });
        expect(undo.statusCode, undo.body).toBe(200);
      }
    }
    expect((await relationship(ROLE))?.role).toBe("Chief of operations (oversees Denver's jails)");
  });

  it('adds a seed fact that is missing without a person having removed it (a newer seed file)', async () => {
    // Gone without a trace in the audit trail, as a fact added to the seed file after the first start is.
    const before = await relationship(MENTION);
    await driver.executeQuery('MATCH ()-[r:MENTIONS {id: $id}]->() DELETE r', { id: MENTION }, { database });
    const summary = await loadSeed(driver, database);
    expect(summary.added).toEqual({ entities: 0, relationships: 1 });
    expect({ ...(await relationship(MENTION)), version: undefined }).toEqual({ ...before, version: undefined });
  });
});
