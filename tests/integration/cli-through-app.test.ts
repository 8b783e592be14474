/**
 * `npm run cli -- import <file>` while an app runs on the same data folder: the CLI finds the app by the
 * lock file it keeps there (pid alive, address answering) and imports through its API with the app's own
 * token, never opening the database itself. An app that holds the folder but does not answer gets a
 * message saying what to do, and no database is started.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../schemas/index.js';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { newLocalToken, writeAppLock } from '../../server/app-lock.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('cli-app');
const local = { ...newLocalToken(), holder: `cli:${prefix}` };
let app: FastifyInstance;
let driver: Driver;
let url: string;
let dataDir: string;
let fileDir: string;

const doc = `document:${prefix}-source`;
const interlockFile = {
  format: 'interlock/1',
  entities: [
    { id: doc, kind: 'Document', name: 'Source', title: 'Source' },
    {
      id: `org:${prefix}-acme`,
      kind: 'Organization',
      name: 'Acme Data',
      status: 'reported',
      citations: [{ documentId: doc, locator: 'line 1', quote: 'Acme Data' }],
    },
  ],
  relationships: [],
};

/** The CLI as a person runs it, on `dataDir`, with no NEO4J_URI: it could only start its own database. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    INTERLOCK_DATA_DIR: dataDir,
    NEO4J_URI: '',
    NEO4J_EMBEDDED_BOLT_PORT: String(await findFreePort()),
  };
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'server/cli.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  app = await buildTestApp({ security: { localToken: local } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  driver = testDriver();
  dataDir = await mkdtemp(join(tmpdir(), 'interlock-cli-app-'));
  fileDir = await mkdtemp(join(tmpdir(), 'interlock-cli-file-'));
  await writeFile(join(fileDir, 'acme.json'), JSON.stringify(interlockFile));
  await writeFile(join(fileDir, 'broken.json'), JSON.stringify({ ...interlockFile, entities: [{ id: 'x' }] }, null, 1));
});
afterAll(async () => {
  await removeImported(driver, database, { markers: [prefix], actor: local.holder });
  await app.close();
  await driver.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(fileDir, { recursive: true, force: true });
});

describe('cli import while an app runs on the data folder', () => {
  it('imports through the app, as the app’s local user, and opens no database of its own', async () => {
    await writeAppLock(dataDir, { pid: process.pid, url, token: local.secret, startedAt: new Date().toISOString() });
    const dry = await cli('import', join(fileDir, 'acme.json'), '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(`Importing through the running app at ${url}`);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: { entities: 2 }, auditId: null });

    const real = await cli('import', join(fileDir, 'acme.json'));
    expect(real.code, real.stderr).toBe(0);
    const result = JSON.parse(real.stdout) as ImportResult;
    expect(result).toMatchObject({ dryRun: false, created: { entities: 2 } });
    const { records } = await driver.executeQuery(
      'MATCH (a:AuditEntry {id: $id}) OPTIONAL MATCH (o:Organization {id: $org}) RETURN a.actor AS actor, o.name AS name',
      { id: result.auditId, org: `org:${prefix}-acme` },
      { database },
    );
    expect(records[0]?.get('actor')).toBe(local.holder);
    expect(records[0]?.get('name')).toBe('Acme Data');
    // The CLI never made a database in the data folder.
    expect(existsSync(join(dataDir, 'neo4j'))).toBe(false);
  });

  it('prints the problems the app finds, with their lines', async () => {
    const refused = await cli('import', join(fileDir, 'broken.json'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/problem/);
    expect(refused.stderr).toMatch(/line \d+, entities\.0/);
  });

  it('says what to do when the app holding the folder does not answer, and starts nothing', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}/`;
    await writeAppLock(dataDir, { pid: process.pid, url: closed, token: local.secret, startedAt: new Date().toISOString() });
    const refused = await cli('import', join(fileDir, 'acme.json'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`An Interlock app (pid ${process.pid}`);
    expect(refused.stderr).toContain('does not answer');
    expect(refused.stderr).toContain('Nothing was imported');
    expect(existsSync(join(dataDir, 'neo4j'))).toBe(false);
  });
});
