/**
 * A round trip through an empty database: a snapshot of the seed story exported as our JSON, imported
 * into a second, empty Neo4j (started by this file, so the shared test database is never emptied),
 * snapshotted there and exported again: the entities and relationships are identical. The Cypher
 * script export is run into the emptied second database and must give the same graph again. The same
 * for FollowTheMoney: the seed story, and real FtM files (party donations, a sanctions cluster)
 * imported, exported and imported again, with their amounts, dates, identifiers and citations.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterlockFile, type CreateSnapshot } from '../../schemas/index.js';
import { createDriver, waitForDatabase } from '../../server/db/driver.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { renderCypher } from '../../server/services/exports/cypher.js';
import { renderFtm } from '../../server/services/ftm/write.js';
import { renderJson } from '../../server/services/exports/json.js';
import { runImport } from '../../server/services/imports/import-service.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { SnapshotStore } from '../../server/services/snapshots/store.js';
import { testConnection, testDriver } from '../setup/connection.js';

const ACTOR = 'test:snapshot-round-trip';
const NODE_IDS = [
  'person:vincent-line',
  'person:matt-lewis',
  'public-body:denver-sheriff-department',
  'public-body:city-of-denver',
  'public-body:ice',
  'org:lexisnexis-data-warehouse-board',
  'org:lexisnexis',
  'org:appriss-solutions',
  'system:vine',
  'contract:denver-lexisnexis-data-services-2020',
  'contract:ice-appriss-jail-booking-data',
];

const shared = testConnection();
let sharedDriver: Driver;
let second: { neo4j: EmbeddedNeo4j; driver: Driver; dir: string } | undefined;

beforeAll(async () => {
  sharedDriver = testDriver();
  const dir = await mkdtemp(join(tmpdir(), 'interlock-round-trip-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir: dir, boltPort: await findFreePort(), startTimeoutMs: 200_000 });
  const driver = createDriver({ uri: neo4j.uri, ...neo4j.credentials });
  second = { neo4j, driver, dir };
  await waitForDatabase(driver, 'neo4j');
  await applySchema(driver, 'neo4j');
}, 300_000);

afterAll(async () => {
  await sharedDriver.executeQuery(
    'MATCH (s:Snapshot {createdBy: $actor}) DELETE s',
    { actor: ACTOR },
    { database: shared.database },
  );
  await sharedDriver.executeQuery(
    'MATCH (a:AuditEntry {actor: $actor}) DELETE a',
    { actor: ACTOR },
    { database: shared.database },
  );
  await sharedDriver.close();
  await second?.driver.close();
  await second?.neo4j.stop();
  if (second) await rm(second.dir, { recursive: true, force: true });
}, 120_000);

/** Every relationship among the nodes, as the canvas would show them. */
async function edgesAmong(driver: Driver, database: string, ids: readonly string[]): Promise<string[]> {
  const { records } = await driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id ORDER BY id',
    { ids },
    { database },
  );
  return records.map((r) => r.get('id') as string);
}

/** A snapshot of the same elements in a database, exported as our JSON and parsed back. */
async function snapshotJson(driver: Driver, database: string, request: CreateSnapshot): Promise<InterlockFile> {
  const store = new SnapshotStore(driver, database);
  const { id } = await store.create(request, { actor: ACTOR, route: 'test' });
  const snapshot = await store.get(id);
  return InterlockFile.parse(JSON.parse(renderJson({ snapshot, exportedAt: new Date() })));
}

/** A snapshot of the same elements in a database, exported as FollowTheMoney. */
async function snapshotFtm(driver: Driver, database: string, request: CreateSnapshot): Promise<string> {
  const store = new SnapshotStore(driver, database);
  const { id } = await store.create(request, { actor: ACTOR, route: 'test' });
  return renderFtm({ snapshot: await store.get(id), exportedAt: new Date() });
}

async function importFtm(driver: Driver, text: string, fileName: string) {
  return runImport(
    driver,
    'neo4j',
    { bytes: new TextEncoder().encode(text), fileName },
    { format: 'ftm', dryRun: false, actor: ACTOR, route: 'test' },
  );
}

/** Everything in a database as one snapshot request: every entity but the sources, and every link. */
async function wholeGraph(driver: Driver): Promise<CreateSnapshot> {
  const { records } = await driver.executeQuery(
    `MATCH (n:Entity) WHERE NOT n:Document
     OPTIONAL MATCH (n)-[r]->(m:Entity) WHERE NOT m:Document
     RETURN collect(DISTINCT n.id) AS nodes, collect(DISTINCT r.id) AS edges`,
    {},
    { database: 'neo4j' },
  );
  return { title: 'Everything', nodeIds: records[0]?.get('nodes') as string[], edgeIds: records[0]?.get('edges') as string[] };
}

function sorted(file: InterlockFile): { entities: unknown[]; relationships: unknown[] } {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { entities: [...file.entities].sort(byId), relationships: [...file.relationships].sort(byId) };
}

describe('export, import into an empty database, export again', () => {
  it('gives identical entities and relationships, citations and documents included', async () => {
    const db2 = second;
    if (!db2) throw new Error('the second database did not start');
    const edgeIds = await edgesAmong(sharedDriver, shared.database, NODE_IDS);
    expect(edgeIds.length).toBeGreaterThan(8);
    const request: CreateSnapshot = {
      title: 'Round trip',
      nodeIds: NODE_IDS,
      edgeIds,
      positions: Object.fromEntries(NODE_IDS.map((id, i) => [id, { x: i * 90, y: (i % 3) * 120 }])),
    };
    const first = await snapshotJson(sharedDriver, shared.database, request);
    expect(first.entities.some((e) => e.kind === 'Document')).toBe(true);

    const empty = await db2.driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n', {}, { database: 'neo4j' });
    expect(empty.records[0]?.get('n')).toBe(0);
    const imported = await runImport(
      db2.driver,
      'neo4j',
      { bytes: new TextEncoder().encode(JSON.stringify(first)), fileName: 'round-trip.json' },
      { format: 'json', dryRun: false, actor: ACTOR, route: 'test' },
    );
    expect(imported.created).toEqual({ entities: first.entities.length, relationships: first.relationships.length });

    const again = await snapshotJson(db2.driver, 'neo4j', request);
    expect(sorted(again)).toEqual(sorted(first));

    // The Cypher script recreates the same subgraph in the emptied database.
    await db2.driver.executeQuery('MATCH (n:Entity) DETACH DELETE n', {}, { database: 'neo4j' });
    const store = new SnapshotStore(sharedDriver, shared.database);
    const { id } = await store.create(request, { actor: ACTOR, route: 'test' });
    const script = renderCypher({ snapshot: await store.get(id), exportedAt: new Date() });
    const statements = script
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('//'))
      .map((line) => line.replace(/;$/, ''));
    // Schema statements cannot share a transaction with writes; the rest runs as one transaction.
    const [schema, writes] = [
      statements.filter((s) => s.startsWith('CREATE CONSTRAINT')),
      statements.filter((s) => !s.startsWith('CREATE CONSTRAINT')),
    ];
    for (const statement of schema) await db2.driver.executeQuery(statement, {}, { database: 'neo4j' });
    const session = db2.driver.session({ database: 'neo4j' });
    try {
      await session.executeWrite(async (tx) => {
        for (const statement of writes) await tx.run(statement);
      });
    } finally {
      await session.close();
    }
    const fromScript = await snapshotJson(db2.driver, 'neo4j', request);
    expect(sorted(fromScript)).toEqual(sorted(first));
    // A cold second database on a shared machine: generous, and no timing is asserted.
  }, 300_000);
});

describe('FollowTheMoney: export, import into an empty database', () => {
  it('gives back the seed story exactly, and importing the export where it came from changes nothing', async () => {
    const db2 = second;
    if (!db2) throw new Error('the second database did not start');
    await db2.driver.executeQuery('MATCH (n:Entity) DETACH DELETE n', {}, { database: 'neo4j' });
    const request: CreateSnapshot = {
      title: 'FtM round trip',
      nodeIds: NODE_IDS,
      edgeIds: await edgesAmong(sharedDriver, shared.database, NODE_IDS),
    };
    const first = await snapshotJson(sharedDriver, shared.database, request);
    const exported = await snapshotFtm(sharedDriver, shared.database, request);

    const imported = await importFtm(db2.driver, exported, 'seed.ftm.json');
    expect(imported).toMatchObject({ documentId: null, skipped: 1, unmapped: [] }); // skipped: the export's header line
    expect(imported.created).toEqual({ entities: first.entities.length, relationships: first.relationships.length });
    expect(sorted(await snapshotJson(db2.driver, 'neo4j', request))).toEqual(sorted(first));

    const home = await runImport(
      sharedDriver,
      shared.database,
      { bytes: new TextEncoder().encode(exported), fileName: 'seed.ftm.json' },
      { format: 'ftm', dryRun: true, actor: ACTOR, route: 'test' },
    );
    expect(home).toMatchObject({ created: { entities: 0, relationships: 0 }, updated: { entities: 0, relationships: 0 } });
  }, 300_000);

  it('keeps real FtM data through export and import: amounts, dates, identifiers and citations', async () => {
    const db2 = second;
    if (!db2) throw new Error('the second database did not start');
    await db2.driver.executeQuery('MATCH (n:Entity) DETACH DELETE n', {}, { database: 'neo4j' });
    for (const name of ['parteispenden.ftm.json', 'zala.ftm.json']) {
      const text = readFileSync(new URL(`../fixtures/ftm/${name}`, import.meta.url), 'utf8');
      expect((await importFtm(db2.driver, text, name)).created.relationships).toBeGreaterThan(50);
    }
    const request = await wholeGraph(db2.driver);
    const before = await snapshotJson(db2.driver, 'neo4j', request);
    const exported = await snapshotFtm(db2.driver, 'neo4j', request);

    // Our own export into the same graph: nothing to change.
    const again = await importFtm(db2.driver, exported, 'export.ftm.json');
    expect(again).toMatchObject({ created: { entities: 0, relationships: 0 }, updated: { entities: 0, relationships: 0 } });

    await db2.driver.executeQuery('MATCH (n:Entity) DETACH DELETE n', {}, { database: 'neo4j' });
    const fresh = await importFtm(db2.driver, exported, 'export.ftm.json');
    expect(fresh.created).toEqual({ entities: before.entities.length, relationships: before.relationships.length });
    expect(sorted(await snapshotJson(db2.driver, 'neo4j', request))).toEqual(sorted(before));
  }, 300_000);
});
