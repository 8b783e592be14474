/**
 * A real outage: this file starts its own embedded Neo4j (not the shared one), serves the app from it,
 * stops that Neo4j mid-session, and checks that health, reads and writes answer 503 with a clear
 * message instead of hanging; then starts Neo4j again on the same data folder and port and checks that
 * the same app, never restarted, serves again with the data written before the outage.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createDriver, waitForDatabase } from '../../server/db/driver.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { TEST_SECURITY, asAdmin } from '../setup/app.js';

const database = 'neo4j';
let dataDir: string;
let boltPort: number;
let neo4j: EmbeddedNeo4j | undefined;
let driver: Driver;
let app: FastifyInstance;

const start = () => startEmbeddedNeo4j({ dataDir, boltPort });

/**
 * A request that does not come back in 45 s counts as hung. Not a performance bound: the driver gives
 * up on an unreachable database after its connection timeouts (5-10 s), so a healthy app answers well
 * within this.
 */
async function answer(request: InjectOptions | string): Promise<LightMyRequestResponse> {
  const hung = new Promise<never>((_resolve, reject) =>
    setTimeout(() => reject(new Error(`no answer to ${JSON.stringify(request)}: the request hung`)), 45_000).unref(),
  );
  return Promise.race([app.inject(request), hung]);
}

const importFile = (id: string) =>
  JSON.stringify({
    format: 'interlock/1',
    entities: [{ id, kind: 'Document', name: `Outage probe ${id.split('-').pop()}`, title: 'Outage probe' }],
    relationships: [],
  });

const postImport = (id: string) =>
  answer({
    method: 'POST',
    url: '/api/import',
    headers: { 'content-type': 'application/json', ...asAdmin },
    payload: importFile(id),
  });

async function probes(): Promise<string[]> {
  const { results } = (await answer('/api/search?q=probe&limit=20')).json<{ results: { id: string }[] }>();
  return results
    .map((r) => r.id)
    .filter((id) => id.startsWith('document:outage-'))
    .sort();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'interlock-outage-neo4j-'));
  boltPort = await findFreePort();
  neo4j = await start();
  driver = createDriver({ uri: neo4j.uri, ...neo4j.credentials });
  await waitForDatabase(driver, database);
  await applySchema(driver, database);
  app = await buildApp({ driver, database, closeDriver: true, webRoot: null, security: TEST_SECURITY });
  await app.ready();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await neo4j?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('when the embedded Neo4j stops and starts again', () => {
  it('answers 503 while it is down and serves again, data intact, once it is back', async () => {
    const before = await postImport('document:outage-before');
    expect(before.statusCode, before.body).toBe(200);
    expect(await probes()).toEqual(['document:outage-before']);

    await neo4j?.stop();
    neo4j = undefined;

    const health = await answer('/api/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', neo4j: { connected: false } });

    const read = await answer('/api/entities/document:outage-before');
    expect(read.statusCode).toBe(503);
    expect(read.json().error).toMatchObject({ code: 'database_unavailable' });
    expect(read.json().error.message).toMatch(/not reachable/);

    const write = await postImport('document:outage-during');
    expect(write.statusCode).toBe(503);
    expect(write.json().error.code).toBe('database_unavailable');
    expect(write.json().error.message).toContain('Nothing was written');

    neo4j = await start();
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = (await answer('/api/health')).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);

    expect((await answer('/api/entities/document:outage-before')).statusCode).toBe(200);
    expect((await answer('/api/entities/document:outage-during')).statusCode).toBe(404);
    const after = await postImport('document:outage-after');
    expect(after.statusCode, after.body).toBe(200);
    expect(await probes()).toEqual(['document:outage-after', 'document:outage-before']);
  }, 300_000);
});
