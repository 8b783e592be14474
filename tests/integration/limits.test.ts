/**
 * Limits through the real app: rate limits per client (429 with Retry-After, separate budgets for reads
 * and writes), the import body-size limit (413), the traversal caps of the query schemas, and the query
 * time cap (a deliberately slow query, on a route only this test adds, is cancelled by Neo4j and
 * answered with a clear 503 instead of hanging).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { asAdmin, buildTestApp } from '../setup/app.js';
import { buildApp } from '../../server/app.js';
import { TEST_SECURITY } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';

const apps: FastifyInstance[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client spends its budget, reads and writes counted apart', async () => {
    const app = await buildTestApp({ security: { rateLimits: { reads: 5, writes: 2, imports: 1 } } });
    apps.push(app);
    for (let i = 0; i < 5; i++) expect((await app.inject('/api/search?q=ice')).statusCode).toBe(200);
    const limited = await app.inject('/api/search?q=ice');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toMatchObject({ code: 'rate_limited' });
    expect(limited.json().error.message).toContain('5 a minute');

    // Writes have their own budget: reading did not use it up.
    const write = () =>
      app.inject({ method: 'POST', url: '/api/tokens', headers: { 'content-type': 'application/json' }, payload: {} });
    expect((await write()).statusCode).toBe(400);
    expect((await write()).statusCode).toBe(400);
    expect((await write()).statusCode).toBe(429);

    // Another client (another address) still gets through.
    const other = await app.inject({ url: '/api/search?q=ice', remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(200);
  });
});

describe('body size', () => {
  it('refuses an import larger than the configured limit with 413 and says what the limit is', async () => {
    const app = await buildTestApp({ security: { importBodyLimitBytes: 2048 } });
    apps.push(app);
    const big = JSON.stringify({ format: 'interlock/1', entities: [], padding: 'x'.repeat(4096) });
    const response = await app.inject({
      method: 'POST',
      url: '/api/import?dryRun=1',
      headers: { 'content-type': 'application/json', ...asAdmin },
      payload: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'body_too_large' });
    expect(response.json().error.message).toContain('2 kB');
  });

  it('keeps every other write to 1 MB', async () => {
    const app = await buildTestApp();
    apps.push(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000), role: 'reader' }),
    });
    expect(response.statusCode).toBe(413);
  });
});

describe('traversal caps', () => {
  it('refuses depths, hop counts and limits past their caps, naming the parameter', async () => {
    const app = await buildTestApp();
    apps.push(app);
    const cases = [
      ['/api/entities/person:vincent-line/neighborhood?depth=4', 'depth'],
      ['/api/entities/person:vincent-line/neighborhood?limit=100000', 'limit'],
      ['/api/paths?from=person:vincent-line&to=public-body:ice&maxHops=12', 'maxHops'],
      ['/api/search?q=a&limit=1000', 'limit'],
    ] as const;
    for (const [url, field] of cases) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.field, url).toBe(field);
    }
  });
});

describe('query time cap', () => {
  it('cancels a runaway query and answers 503 query_timeout, and the app keeps serving', async () => {
    const { database } = testConnection();
    const app = await buildApp({
      driver: testDriver(),
      database,
      closeDriver: true,
      webRoot: null,
      security: { ...TEST_SECURITY, queryTimeoutMs: 1000 },
    });
    // A route only this test has: it runs a query that would count to ten billion.
    app.get('/api/test-only/slow', async () => {
      const session = app.neo4j.driver.session({ database });
      try {
        const result = await session.executeRead((tx) => tx.run('UNWIND range(1, 10000000000) AS x RETURN sum(x) AS s'));
        return { sum: result.records[0]?.get('s') as number };
      } finally {
        await session.close();
      }
    });
    apps.push(app);
    const response = await app.inject({ url: '/api/test-only/slow', headers: asAdmin });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({ code: 'query_timeout' });
    expect(response.json().error.message).toContain('cancelled');
    expect((await app.inject('/api/search?q=ice')).statusCode).toBe(200);
  });
});
