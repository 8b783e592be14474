/**
 * Large imports write in batch transactions with an undo log (ADR 0011). Small batches make a small file
 * "large" here: a failure after a middle batch, or a process that stops half-way, must leave the graph
 * exactly as it was (created rows gone, updated entities and moved relationships back), with no audit
 * entry and no undo record left over; a successful batched import ends like a one-transaction one.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutVersion } from '../../server/db/mapping.js';
import type { InterlockFile } from '../../schemas/index.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { rollbackImport, unfinishedImports } from '../../server/services/imports/undo-log.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('batches');
const actor = { actor: `test:${prefix}`, route: 'test' };
let driver: Driver;

const doc = `document:${prefix}-source`;
const cite = (n: number) => [{ documentId: doc, locator: `line ${n}`, quote: `fact ${n}` }];
const person = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `person:${prefix}-${n}`,
  kind: 'Person',
  name: `Person ${n}`,
  status: 'reported',
  citations: cite(n),
  ...extra,
});
const org = (n: number) => ({
  id: `org:${prefix}-${n}`,
  kind: 'Organization',
  name: `Company ${n}`,
  status: 'reported',
  citations: cite(100 + n),
});
const seat = (n: number, p: number, o: number, extra: Record<string, unknown> = {}) => ({
  id: `rel:${prefix}-${n}`,
  type: 'SITS_ON_BOARD',
  source: `person:${prefix}-${p}`,
  target: `org:${prefix}-${o}`,
  status: 'reported',
  citations: cite(200 + n),
  ...extra,
});

/** The first version: 4 people, 2 companies, 4 board seats. */
const original = {
  format: 'interlock/1',
  entities: [
    { id: doc, kind: 'Document', name: 'Source', title: 'Source' },
    ...[1, 2, 3, 4].map((n) => person(n)),
    org(1),
    org(2),
  ],
  relationships: [seat(1, 1, 1, { seat: 'Chair' }), seat(2, 2, 1), seat(3, 3, 2), seat(4, 4, 2)],
} as InterlockFile;

/** The second version: two people renamed, a seat moved to another company, 6 new people and seats. */
const revised = {
  ...original,
  entities: [
    ...original.entities.map((e) =>
      e.id === `person:${prefix}-1` || e.id === `person:${prefix}-2` ? { ...e, name: `${e.name} (renamed)` } : e,
    ),
    ...[5, 6, 7, 8, 9, 10].map((n) => person(n, { aliases: [`P${n}`] })),
  ],
  relationships: [
    seat(1, 1, 2, { seat: 'Observer' }),
    ...original.relationships.slice(1),
    ...[5, 6, 7, 8, 9, 10].map((n) => seat(n, n, 1 + (n % 2))),
  ],
} as InterlockFile;

/**
 * Everything this test's ids hold, in a form that compares exactly: what the facts say, not their
 * versions (every write moves those on, the undo of a batch included).
 */
async function snapshot() {
  const { records } = await driver.executeQuery(
    `CALL () {
       MATCH (n:Entity) WHERE n.id CONTAINS $marker
       RETURN collect({labels: labels(n), properties: properties(n)}) AS nodes
     }
     CALL () {
       MATCH (a)-[r]->(b) WHERE r.id CONTAINS $marker
       RETURN collect({type: type(r), source: a.id, target: b.id, properties: properties(r)}) AS rels
     }
     RETURN nodes, rels`,
    { marker: `:${prefix}-` },
    { database },
  );
  const byId = (a: { properties: { id?: unknown } }, b: { properties: { id?: unknown } }) =>
    String(a.properties.id).localeCompare(String(b.properties.id));
  const nodes = (records[0]?.get('nodes') as { labels: string[]; properties: { id?: unknown } }[]).map((n) => ({
    ...n,
    labels: [...n.labels].sort(),
    properties: withoutVersion(n.properties),
  }));
  const rels = (records[0]?.get('rels') as { properties: { id?: unknown } }[]).map((r) => ({
    ...r,
    properties: withoutVersion(r.properties),
  }));
  return { nodes: nodes.sort(byId), rels: [...rels].sort(byId) };
}

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(query, params, { database });
  return records[0]?.get(0) as number;
}
const undoRecords = () => count('MATCH (u:ImportUndo) RETURN count(u)');
const auditEntries = () => count('MATCH (a:AuditEntry {actor: $actor}) RETURN count(a)', { actor: actor.actor });

beforeAll(async () => {
  driver = testDriver();
  await importInterlockFile(driver, database, original, actor);
});
afterAll(async () => {
  await driver.executeQuery(
    'MATCH (n:Entity) WHERE n.id CONTAINS $marker DETACH DELETE n',
    { marker: `:${prefix}-` },
    { database },
  );
  await driver.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor: actor.actor }, { database });
  await driver.close();
});

describe('an import written in batches', () => {
  it('leaves the graph as it was when a middle batch fails', async () => {
    const before = await snapshot();
    expect(before.nodes).toHaveLength(7);
    expect(await auditEntries()).toBe(1);
    let batches = 0;
    let failedAt = 0;
    const attempt = importInterlockFile(driver, database, revised, actor, {
      batchSize: 2,
      singleTransactionRows: 0,
      afterBatch: async (batch, of) => {
        batches = of;
        // The rows of the batches written so far are really in the database, visible to others.
        if (batch === Math.ceil(of / 2)) {
          failedAt = batch;
          expect(await undoRecords()).toBe(batch);
          throw new Error('simulated failure in a middle batch');
        }
      },
    });
    await expect(attempt).rejects.toThrow('simulated failure in a middle batch');
    // 1 upsert batch of the 2 renamed people, 3 of new people, 1 replace of the moved seat, 3 of new seats.
    expect(batches).toBe(8);
    expect(failedAt).toBe(4);
    expect(await snapshot()).toEqual(before);
    expect(await undoRecords()).toBe(0);
    expect(await auditEntries()).toBe(1);
  });

  it('undoes the batches of an import whose process stopped half-way, from the undo log', async () => {
    const before = await snapshot();
    let release: (error: Error) => void = () => undefined;
    let stopped: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => (stopped = resolve));
    const attempt = importInterlockFile(driver, database, revised, actor, {
      batchSize: 2,
      singleTransactionRows: 0,
      // Stops after the sixth batch, as a process killed there would: no rollback runs until released.
      afterBatch: (batch) => {
        if (batch < 6) return;
        stopped();
        return new Promise<void>((_resolve, reject) => (release = reject));
      },
    });
    await halfway;
    expect(await snapshot()).not.toEqual(before);
    const unfinished = await unfinishedImports(driver, database);
    expect(unfinished).toEqual([expect.objectContaining({ actor: actor.actor, batches: 6 })]);

    expect(await rollbackImport(driver, database, unfinished[0]!.importId)).toBe(6);
    expect(await snapshot()).toEqual(before);
    expect(await undoRecords()).toBe(0);

    // The stalled import then fails; finding nothing left to undo, it only reports the failure.
    release(new Error('the process is gone'));
    await expect(attempt).rejects.toThrow('the process is gone');
    expect(await snapshot()).toEqual(before);
  });

  it('ends like a one-transaction import when every batch succeeds, with one audit entry', async () => {
    let batches = 0;
    const { result } = await importInterlockFile(driver, database, revised, actor, {
      batchSize: 2,
      singleTransactionRows: 0,
      afterBatch: (_batch, of) => void (batches = of),
    });
    expect(batches).toBe(8);
    expect(result).toMatchObject({
      created: { entities: 6, relationships: 6 },
      updated: { entities: 2, relationships: 1 },
      unchanged: { entities: 5, relationships: 3 },
    });
    expect(await undoRecords()).toBe(0);
    expect(await auditEntries()).toBe(2);

    const after = await snapshot();
    expect(after.nodes).toHaveLength(13);
    expect(after.nodes.find((n) => n.properties.id === `person:${prefix}-1`)?.properties).toMatchObject({
      name: 'Person 1 (renamed)',
    });
    expect(after.rels.find((r) => r.properties.id === `rel:${prefix}-1`)).toMatchObject({
      target: `org:${prefix}-2`,
      properties: { seat: 'Observer' },
    });

    // The same file again changes nothing, in one transaction or in batches.
    const again = await importInterlockFile(driver, database, revised, actor, { batchSize: 2, singleTransactionRows: 0 });
    expect(again.result.auditId).toBeNull();
    expect(await auditEntries()).toBe(2);
  });
});
