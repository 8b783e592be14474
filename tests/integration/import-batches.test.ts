/**
 * Large imports write in batch transactions with an undo log (ADR 0011). Small batches make a small file
 * "large" here: a failure after a middle batch, or a process that stops half-way, must leave the graph
 * exactly as it was (created rows gone, updated entities and moved relationships back), with no audit
 * entry and no undo record left over; a successful batched import ends like a one-transaction one.
 * Tests that stop an import after its n-th batch write one batch at a time (`lanes: 1`); imports write
 * two at a time, and one test fails a batch while another is being written beside it.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutVersion } from '../../server/db/mapping.js';
import type { InterlockFile } from '../../schemas/index.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { interruptWriting, recoverUnfinishedImports, type Recovered } from '../../server/services/imports/recovery.js';
import { ImportRollbackError } from '../../server/services/imports/import-service.js';
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
  await driver.executeQuery(
    "MATCH (a:AuditEntry {actor: 'system:recovery'}) WHERE a.summary CONTAINS $actor DELETE a",
    { actor: actor.actor },
    { database },
  );
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
      lanes: 1,
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

  it('leaves the graph as it was when a batch fails while another is being written beside it', async () => {
    const before = await snapshot();
    let failed = false;
    let committedWhenFailed = 0;
    const attempt = importInterlockFile(driver, database, revised, actor, {
      batchSize: 1,
      singleTransactionRows: 0,
      lanes: 2,
      afterBatch: async (batch) => {
        // One row a batch: 8 of entities, then 7 of relationships. The eleventh commit, a relationships'
        // batch, fails; the batch in the other lane may still commit after it.
        if (batch !== 11) return;
        failed = true;
        committedWhenFailed = await undoRecords();
        throw new Error('simulated failure beside another batch');
      },
    });
    await expect(attempt).rejects.toThrow('simulated failure beside another batch');
    expect(failed).toBe(true);
    expect(committedWhenFailed).toBeGreaterThanOrEqual(11);
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
      lanes: 1,
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

  it('writes no batch into a database restarted under it: the recovery undoes it and the client is told', async () => {
    const before = await snapshot();
    const recovered: Recovered[] = [];
    const attempt = importInterlockFile(driver, database, revised, actor, {
      batchSize: 2,
      singleTransactionRows: 0,
      lanes: 1,
      // After the third batch the embedded database dies and is started again, as the supervisor sees
      // it: imports being written are cut off, then the recovery after the restart runs. The writer goes
      // on as a driver retry would once the database answers again.
      afterBatch: async (batch) => {
        if (batch !== 3) return;
        interruptWriting();
        recovered.push(...(await recoverUnfinishedImports(driver, database, { log: () => undefined, staleAfterMs: 0 })));
      },
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRollbackError);
    expect(error).toMatchObject({ statusCode: 503, code: 'import_interrupted' });
    expect(recovered).toEqual([expect.objectContaining({ actor: actor.actor, outcome: 'rolled-back', batches: 3 })]);
    expect(await snapshot()).toEqual(before);
    expect(await undoRecords()).toBe(0);
  });

  /**
   * An import stalled after `batches` batches, as a process killed there leaves it: nothing runs until
   * `release`. Settled by the recovery a new process runs at start (it runs none of the imports).
   */
  async function stalledAfter(batches: number | 'all') {
    let release: (error: Error) => void = () => undefined;
    let stopped: () => void = () => undefined;
    const halfway = new Promise<void>((resolve) => (stopped = resolve));
    const attempt = importInterlockFile(driver, database, revised, actor, {
      batchSize: 2,
      singleTransactionRows: 0,
      lanes: 1,
      afterBatch: (batch, of) => {
        if (batch < (batches === 'all' ? of : batches)) return;
        stopped();
        return new Promise<void>((_resolve, reject) => (release = reject));
      },
    });
    await halfway;
    return { attempt, release: (error: Error) => release(error) };
  }
  const recoveryEntries = () =>
    count("MATCH (a:AuditEntry {actor: 'system:recovery'}) WHERE a.summary CONTAINS $actor RETURN count(a)", {
      actor: actor.actor,
    });

  it('rolls back at start an import a dead process left half-written, and records it', async () => {
    const before = await snapshot();
    const { attempt, release } = await stalledAfter(3);
    const log: string[] = [];
    // What main.ts runs before serving, in a process that is writing none of these imports.
    const settled = await recoverUnfinishedImports(driver, database, {
      log: (m) => log.push(m),
      staleAfterMs: 0,
      running: new Set(),
    });
    expect(settled).toEqual([expect.objectContaining({ outcome: 'rolled-back', batches: 3, actor: actor.actor })]);
    expect(log.join('\n')).toMatch(/Rolled back import import:.* undid 3 of 8 batches/);
    expect(await snapshot()).toEqual(before);
    expect(await undoRecords()).toBe(0);
    const { records } = await driver.executeQuery(
      "MATCH (a:AuditEntry {actor: 'system:recovery', action: 'import-rollback'}) WHERE a.summary CONTAINS $actor RETURN a.summary AS s ORDER BY a.at DESC LIMIT 1",
      { actor: actor.actor },
      { database },
    );
    expect(JSON.parse(records[0]?.get('s') as string)).toMatchObject({ importedBy: actor.actor, batchesUndone: 3 });
    release(new Error('the process is gone'));
    await expect(attempt).rejects.toThrow('the process is gone');
  });

  it('leaves alone an import this process is still writing', async () => {
    const { attempt, release } = await stalledAfter(2);
    const settled = await recoverUnfinishedImports(driver, database, { log: () => undefined, staleAfterMs: 0 });
    expect(settled).toEqual([expect.objectContaining({ outcome: 'left-alone' })]);
    release(new Error('stopped by the test'));
    await expect(attempt).rejects.toThrow('stopped by the test');
    expect(await undoRecords()).toBe(0);
  });

  it('completes at start an import that wrote every batch but not its last transaction', async () => {
    const entriesBefore = await auditEntries();
    const { attempt, release } = await stalledAfter('all');
    const settled = await recoverUnfinishedImports(driver, database, {
      log: () => undefined,
      staleAfterMs: 0,
      running: new Set(),
    });
    expect(settled).toEqual([expect.objectContaining({ outcome: 'completed', batches: 8 })]);
    expect(await undoRecords()).toBe(0);
    expect(await auditEntries()).toBe(entriesBefore + 1);
    expect((await snapshot()).nodes).toHaveLength(13);
    // The stalled import then fails, but its batches are recorded as complete: nothing is undone.
    release(new Error('the process is gone'));
    await expect(attempt).rejects.toThrow('the process is gone');
    expect((await snapshot()).nodes).toHaveLength(13);
    // Back to the original file, for the test below.
    await importInterlockFile(driver, database, original, actor);
    await driver.executeQuery(
      'MATCH (n:Entity) WHERE n.id CONTAINS $marker AND NOT n.id IN $keep DETACH DELETE n',
      {
        marker: `:${prefix}-`,
        keep: original.entities.map((e) => e.id),
      },
      { database },
    );
    await driver.executeQuery(
      'MATCH ()-[r]->() WHERE r.id CONTAINS $marker AND NOT r.id IN $keep DELETE r',
      {
        marker: `:${prefix}-`,
        keep: original.relationships.map((r) => r.id),
      },
      { database },
    );
    const recovered = await recoveryEntries();
    expect(recovered).toBeGreaterThan(0);
  });

  it('ends like a one-transaction import when every batch succeeds, with one audit entry', async () => {
    const entries = await auditEntries();
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
    expect(await auditEntries()).toBe(entries + 1);

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
    expect(await auditEntries()).toBe(entries + 1);
  });
});
