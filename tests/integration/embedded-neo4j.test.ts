/**
 * Integration test for the embedded Neo4j launcher (needs Java 17+ and Maven; first run downloads jars).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { EmbeddedNeo4jError, findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';

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

describe('embedded Neo4j', () => {
  it('starts, answers Cypher, persists data across restarts and stops cleanly', { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'interlock-neo4j-'));
    try {
      const port = await findFreePort();
      const first = await startEmbeddedNeo4j({ dataDir, boltPort: port, log });
      try {
        expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
        expect(first.version).toMatch(/^5\.26\./);
        await withDriver(first, async (driver) => {
          const one = await driver.executeQuery('RETURN 1 AS one');
          expect(one.records[0]?.get('one').toNumber()).toBe(1);
          const comps = await driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN name, versions');
          expect(comps.records[0]?.get('versions')[0]).toMatch(/^5\.26\./);
          await driver.executeQuery("CREATE (:Probe {id: 'persisted'})");
        });
      } finally {
        await first.stop();
        await first.stop(); // idempotent
      }
      expect(isAlive(first.pid)).toBe(false);

      const second = await startEmbeddedNeo4j({ dataDir, boltPort: port, log });
      try {
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
      await rm(dataDir, { recursive: true, force: true });
    }
  });

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
