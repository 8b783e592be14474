/**
 * The database password: made at the first start, kept in the data folder for its owner only, never on
 * a command line or in a log, and also put on a data folder made before authentication existed (its
 * data stays readable, its default password stops working). `neo4j-credentials` tells a person how to
 * open the database in Neo4j's own tools.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordFileOf } from '../../server/neo4j/credentials.js';
import {
  ensureEmbeddedNeo4jInstalled,
  findFreePort,
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
} from '../../server/neo4j/embedded.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..', '..');
const LIB = path.join(REPO, 'neo4j-embedded', 'target', 'lib', '*');

let root: string;
let dataDir: string;
let boltPort: number;
let db: EmbeddedNeo4j;
const launcherLog: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'interlock-auth-upgrade-'));
  dataDir = path.join(root, 'neo4j');
  // A data folder as the embedded Neo4j left it before auth was on (same Neo4j, auth off).
  await ensureEmbeddedNeo4jInstalled({ log: () => undefined });
  const fixture = path.join(REPO, 'tests', 'security', 'fixtures', 'AuthOffStore.java');
  const made = await run('java', ['-cp', LIB, '--add-opens=java.base/java.nio=ALL-UNNAMED', fixture, dataDir]);
  expect(made.stdout).toContain('AUTH_OFF_STORE_READY');
  boltPort = await findFreePort();
  db = await startEmbeddedNeo4j({ dataDir, boltPort, log: (line) => launcherLog.push(line) });
}, 240_000);

afterAll(async () => {
  await db?.stop();
  await rm(root, { recursive: true, force: true });
});

async function probe(auth: ReturnType<typeof neo4j.auth.basic>): Promise<string> {
  const driver = neo4j.driver(db.uri, auth);
  try {
    const { records } = await driver.executeQuery('MATCH (p:UpgradeProbe) RETURN p.id AS id', {}, { database: 'neo4j' });
    return String(records[0]?.get('id'));
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

describe('a data folder made before authentication', () => {
  it('keeps its data, under the new password only', async () => {
    expect(await probe(neo4j.auth.basic('neo4j', db.credentials.password))).toBe('made-before-auth');
    expect(await probe(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
  });
});

describe('the password', () => {
  it('is long and random, and its file is readable by its owner only', async () => {
    expect(db.credentials.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const mode = (await stat(passwordFileOf(dataDir))).mode & 0o777;
    expect(mode.toString(8)).toBe('600');
  });

  it('is not on the JVM command line, in the launcher output or in the Neo4j logs', async () => {
    const secret = db.credentials.password;
    const cmdline = await readFile(`/proc/${db.pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('--password-file');
    expect(cmdline).not.toContain(secret);
    expect(launcherLog.join('\n')).not.toContain(secret);
    const logs = path.join(dataDir, 'logs');
    for (const file of await readdir(logs)) expect(await readFile(path.join(logs, file), 'utf8')).not.toContain(secret);
  });

  it('is what `npm run cli -- neo4j-credentials` gives, and it opens the database', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, INTERLOCK_DATA_DIR: root, NEO4J_EMBEDDED_BOLT_PORT: String(boltPort) };
    delete env.NEO4J_URI;
    const { stdout } = await run('node', ['--import', 'tsx', 'server/cli.ts', 'neo4j-credentials', '--json'], { cwd: REPO, env });
    const printed = JSON.parse(stdout) as { uri: string; user: string; password: string; database: string };
    expect(printed).toEqual({
      uri: `bolt://127.0.0.1:${boltPort}`,
      user: 'neo4j',
      password: db.credentials.password,
      database: 'neo4j',
    });
    expect(await probe(neo4j.auth.basic(printed.user, printed.password))).toBe('made-before-auth');
  }, 60_000);
});
