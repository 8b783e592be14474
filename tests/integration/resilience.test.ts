/**
 * A database outage: the API answers 503 with a machine-readable error while Neo4j is unreachable, and
 * recovers by itself when it is back. The outage is made with a TCP relay between the app and Neo4j
 * that the test closes and reopens on the same port. A write cut off before it commits is rolled back
 * whole, and the client is told nothing was written. (tests/integration/outage.test.ts stops a real
 * Neo4j instead.)
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createDriver } from '../../server/db/driver.js';
import { TEST_SECURITY, asAdmin } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

class Relay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server?.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const { uri, user, password, database } = testConnection();
const target = new URL(uri.replace(/^[a-z+]+:/, 'http:'));
const relay = new Relay({ host: target.hostname, port: Number(target.port || 7687) });
let app: FastifyInstance;

beforeAll(async () => {
  await relay.open();
  app = await buildApp({
    driver: createDriver({ uri: `bolt://127.0.0.1:${relay.port}`, user, password }),
    database,
    closeDriver: true,
    webRoot: null,
    security: TEST_SECURITY,
  });
  // A route only this test has: a two-step write whose connection is cut between the steps.
  app.post('/api/test-only/two-step-write', async () => {
    const session = app.neo4j.driver.session({ database });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run('CREATE (:OutageProbe {id: $id, step: 1})', { id: probe });
        await relay.close();
        await tx.run('MATCH (p:OutageProbe {id: $id}) SET p.step = 2', { id: probe });
      });
      return { written: true };
    } finally {
      await session.close();
    }
  });
  await app.ready();
});
const probe = uniquePrefix('outage-probe');
afterAll(async () => {
  await app.close();
  await relay.close();
  const driver = testDriver();
  await driver.executeQuery('MATCH (p:OutageProbe {id: $id}) DELETE p', { id: probe }, { database });
  await driver.close();
});

async function waitForStatus(url: string, wanted: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let status = 0;
  while (Date.now() < deadline && status !== wanted) {
    status = (await app.inject(url)).statusCode;
    if (status !== wanted) await new Promise((r) => setTimeout(r, 250));
  }
  return status;
}

describe('when Neo4j goes away and comes back', () => {
  it('answers 503 during the outage and 200 again afterwards, without a restart', async () => {
    expect((await app.inject('/api/search?q=lexis')).statusCode).toBe(200);

    await relay.close();
    const health = await app.inject('/api/health');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', neo4j: { connected: false } });
    const search = await app.inject('/api/search?q=lexis');
    expect(search.statusCode).toBe(503);
    expect(search.json()).toMatchObject({ error: { code: 'database_unavailable' } });

    await relay.open();
    expect(await waitForStatus('/api/search?q=lexis', 200)).toBe(200);
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('rolls back a write cut off before it commits, and tells the client nothing was written', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/test-only/two-step-write',
      headers: { 'content-type': 'application/json', ...asAdmin },
      payload: {},
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({ code: 'database_unavailable' });
    expect(response.json().error.message).toContain('Nothing was written');

    await relay.open();
    expect(await waitForStatus('/api/health', 200)).toBe(200);
    const driver = testDriver();
    const { records } = await driver.executeQuery(
      'MATCH (p:OutageProbe {id: $id}) RETURN count(p) AS n',
      { id: probe },
      { database },
    );
    await driver.close();
    expect(records[0]?.get('n')).toBe(0);
  });
});
