/**
 * kill -9 of the embedded Neo4j in the middle of a large import. Before, the API answered 503 for ever,
 * and after a manual restart the graph served the batches of the failed import with no warning. Here the
 * app runs on its own embedded Neo4j, as `npm start` does (db/connection.ts, with its supervisor): the
 * JVM is killed once the import has committed a batch; the client of the import gets a 503 saying what
 * happens to it; health says `restarting`; without anyone doing anything the JVM comes back, the
 * half-written import is rolled back before the API serves again, and the audit trail records it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/db/connection.js';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { generateGraph } from '../../scripts/generate-graph.js';
import { TEST_SECURITY, asAdmin } from '../setup/app.js';

let dataRoot: string;
let db: Database;
let app: FastifyInstance;
const log: string[] = [];
/** What the app logs as errors: a failing status check shows the error behind it. */
const appErrors: string[] = [];

beforeAll(async () => {
  dataRoot = await mkdtemp(join(tmpdir(), 'interlock-crash-'));
  const config = loadConfig({ INTERLOCK_DATA_DIR: dataRoot, NEO4J_EMBEDDED_BOLT_PORT: String(await findFreePort()) });
  db = await openDatabase(config, { log: (line) => log.push(line) });
  await applySchema(db.driver, db.database);
  app = await buildApp({
    driver: db.driver,
    database: db.database,
    webRoot: null,
    security: TEST_SECURITY,
    databaseState: () => db.state(),
    logger: { level: 'error', stream: { write: (line: string) => appErrors.push(line) } },
  });
  await app.ready();
}, 240_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await rm(dataRoot, { recursive: true, force: true });
});

const count = async (query: string): Promise<number> => {
  const { records } = await db.driver.executeQuery(query, {}, { database: db.database });
  return Number(records[0]?.get(0));
};

describe('kill -9 of the embedded Neo4j in the middle of a large import', () => {
  it('answers 503 meanwhile, comes back by itself and rolls the import back before serving again', async () => {
    // ~24,000 rows: written in batches of 10,000 rows per kind or type, each with its undo record.
    const file = JSON.stringify(generateGraph(20_000, 7));
    const importing = app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { ...asAdmin, 'content-type': 'application/json' },
      payload: file,
    });

    // Once a batch is committed (its undo record with it), kill the JVM as the OOM killer would.
    let undo = 0;
    for (let i = 0; undo === 0 && i < 1200; i++) {
      undo = await count('MATCH (u:ImportUndo) RETURN count(u)').catch(() => 0);
      if (undo === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(undo).toBeGreaterThan(0);
    const killedPid = db.embedded?.current.pid ?? 0;
    const killedAt = performance.now();
    process.kill(killedPid, 'SIGKILL');

    // While it is down: health says restarting and reads are refused, not served from a half import.
    // A read is asked only once health says restarting: one asked in the instant before the app sees the
    // JVM gone waits in the driver's retries until the database is back, and the loop would miss it all.
    let sawRestarting = false;
    let sawReadRefused = false;
    let healthBackMs = NaN;
    for (let i = 0; i < 600; i++) {
      const health = await app.inject('/api/health');
      if (health.statusCode === 503 && health.json().neo4j.state === 'restarting') {
        sawRestarting = true;
        if (!sawReadRefused) sawReadRefused = (await app.inject('/api/search?q=a')).statusCode === 503;
      }
      if (health.statusCode === 200) {
        healthBackMs = performance.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    console.info(`[crash recovery] health answered 200 again ${(healthBackMs / 1000).toFixed(1)} s after kill -9 of the JVM`);
    expect(sawRestarting).toBe(true);
    expect(sawReadRefused).toBe(true);
    expect(healthBackMs).toBeGreaterThan(0);
    expect(db.embedded?.current.pid).not.toBe(killedPid);

    const answer = await importing;
    expect(answer.statusCode, `${answer.body}\n${appErrors.join('')}`).toBe(503);
    expect(['import_interrupted', 'database_unavailable']).toContain(answer.json().error.code);

    // Served again: nothing of the import is left, and the audit trail says why.
    expect((await app.inject('/api/search?q=a')).statusCode).toBe(200);
    expect(await count('MATCH (n:Entity) RETURN count(n)')).toBe(0);
    expect(await count('MATCH ()-[r]->() RETURN count(r)')).toBe(0);
    expect(await count('MATCH (u:ImportUndo) RETURN count(u)')).toBe(0);
    const audit = await app.inject('/api/audit?limit=5');
    const rollback = audit.json().entries.find((e: { action: string }) => e.action === 'import-rollback');
    expect(rollback).toMatchObject({ actor: 'system:recovery', summary: { importedBy: 'admin (INTERLOCK_ADMIN_TOKEN)' } });
    expect(log.join('\n')).toMatch(/Embedded Neo4j \(pid \d+\) stopped \(SIGKILL\); starting it again/);
  }, 300_000);
});
