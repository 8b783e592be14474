/**
 * Integration test for the embedded Neo4j launcher (needs Java 17+ and Maven; first run downloads jars),
 * including its password: made at the first start, kept owner-only in the data folder and nowhere else,
 * and put on a data folder made before authentication was on.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { promisify } from 'node:util';
import { passwordFileOf } from '../../server/neo4j/credentials.js';
import {
  EmbeddedNeo4jError,
  ensureEmbeddedNeo4jInstalled,
  findFreePort,
  startEmbeddedNeo4j,
  type EmbeddedNeo4j,
} from '../../server/neo4j/embedded.js';

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, '..', '..');
const LIB = path.join(REPO, 'neo4j-embedded', 'target', 'lib', '*');
const AUTH_OFF_STORE = path.join(REPO, 'tests', 'fixtures', 'neo4j', 'AuthOffStore.java');

const log = (msg: string): void => {
  if (process.env.INTERLOCK_TEST_VERBOSE) console.error(msg);
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withDriver<T>(db: EmbeddedNeo4j, fn: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.credentials.user, db.credentials.password));
  try {
    return await fn(driver);
  } finally {
    await driver.close();
  }
}

/** The error code a driver signing in with this password gets, or null if it gets in. */
async function refusedWith(uri: string, password: string): Promise<string | null> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  try {
    await driver.executeQuery('RETURN 1');
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

describe('embedded Neo4j', () => {
  it(
    'starts on a data folder made before auth was on, keeps its data under a password of its own, and persists across restarts',
    { timeout: 300_000 },
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'interlock-neo4j-'));
      const dataDir = path.join(root, 'neo4j');
      try {
        // The folder as an older Interlock left it: the same Neo4j with auth off, one node in it.
        await ensureEmbeddedNeo4jInstalled({ log });
        const made = await run('java', ['-cp', LIB, '--add-opens=java.base/java.nio=ALL-UNNAMED', AUTH_OFF_STORE, dataDir]);
        expect(made.stdout).toContain('AUTH_OFF_STORE_READY');

        const port = await findFreePort();
        const launcherLog: string[] = [];
        const first = await startEmbeddedNeo4j({ dataDir, boltPort: port, log: (line) => launcherLog.push(line) });
        try {
          expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
          expect(first.version).toMatch(/^5\.26\./);
          await withDriver(first, async (driver) => {
            const one = await driver.executeQuery('RETURN 1 AS one');
            expect(one.records[0]?.get('one').toNumber()).toBe(1);
            const comps = await driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN name, versions');
            expect(comps.records[0]?.get('versions')[0]).toMatch(/^5\.26\./);
            const old = await driver.executeQuery('MATCH (p:UpgradeProbe) RETURN p.id AS id');
            expect(old.records[0]?.get('id')).toBe('made-before-auth');
            await driver.executeQuery("CREATE (:Probe {id: 'persisted'})");
          });
          // The default password of the old folder no longer opens it.
          expect(await refusedWith(first.uri, 'neo4j')).toBe('Neo.ClientError.Security.Unauthorized');

          // The password: random, owner-only, and nowhere but its file (not the command line, not a log).
          const secret = first.credentials.password;
          expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
          expect(((await stat(passwordFileOf(dataDir))).mode & 0o777).toString(8)).toBe('600');
          const cmdline = await readFile(`/proc/${first.pid}/cmdline`, 'utf8');
          expect(cmdline).toContain('--password-file');
          expect(cmdline).not.toContain(secret);
          expect(launcherLog.join('\n')).not.toContain(secret);
          for (const file of await readdir(path.join(dataDir, 'logs')))
            expect(await readFile(path.join(dataDir, 'logs', file), 'utf8')).not.toContain(secret);

          // What a person runs to open it in Neo4j Browser or cypher-shell.
          const env: NodeJS.ProcessEnv = { ...process.env, INTERLOCK_DATA_DIR: root, NEO4J_EMBEDDED_BOLT_PORT: String(port) };
          delete env.NEO4J_URI;
          const cli = await run('node', ['--import', 'tsx', 'server/cli.ts', 'neo4j-credentials', '--json'], { cwd: REPO, env });
          expect(JSON.parse(cli.stdout)).toEqual({ uri: first.uri, user: 'neo4j', password: secret, database: 'neo4j' });
        } finally {
          await first.stop();
          await first.stop(); // idempotent
        }
        expect(isAlive(first.pid)).toBe(false);

        const second = await startEmbeddedNeo4j({ dataDir, boltPort: port, log });
        try {
          expect(second.credentials).toEqual(first.credentials);
          const count = await withDriver(second, async (driver) => {
            const res = await driver.executeQuery("MATCH (p:Probe {id: 'persisted'}) RETURN count(p) AS n");
            return res.records[0]?.get('n').toNumber();
          });
          expect(count).toBe(1);
        } finally {
          await second.stop();
        }
        expect(isAlive(second.pid)).toBe(false);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );

  it('rejects with port-in-use when the Bolt port is taken', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'interlock-neo4j-'));
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const addr = blocker.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const err = await startEmbeddedNeo4j({ dataDir, boltPort: port, log }).then(
        (db) => db.stop().then(() => undefined),
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EmbeddedNeo4jError);
      expect((err as EmbeddedNeo4jError).code).toBe('port-in-use');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
