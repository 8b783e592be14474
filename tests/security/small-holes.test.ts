/**
 * The small holes of the issue, each tried the way it was found: draft titles in the anonymous audit
 * trail; `javascript:`, `data:` and `vbscript:` document addresses; impossible dates; and a write from
 * `https://` on our own host and port passing the cross-site check. (The `#token=` address is tried in
 * the browser: tests/e2e/access.e2e.test.ts.)
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from '../integration/helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('holes');
let driver: Driver;
let app: FastifyInstance;
let anonymous: FastifyInstance;

beforeAll(async () => {
  driver = testDriver();
  app = await buildTestApp();
  anonymous = await buildTestApp({ signedIn: false });
});

afterAll(async () => {
  await driver.executeQuery('MATCH (n:Entity) WHERE n.id CONTAINS $prefix DETACH DELETE n', { prefix }, { database });
  await driver.executeQuery('MATCH (s:Snapshot) WHERE s.title CONTAINS $prefix DETACH DELETE s', { prefix }, { database });
  await app?.close();
  await anonymous?.close();
  await driver?.close();
});

const document = (fields: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: '/api/entities',
    payload: { kind: 'Document', name: `Source ${prefix}`, title: `Source ${prefix}`, ...fields },
  });

describe('the audit trail', () => {
  it('shows entries about drafts to token holders only', async () => {
    const title = `Unpublished finding ${prefix}`;
    const saved = await app.inject({
      method: 'POST',
      url: '/api/snapshots',
      payload: { title, nodeIds: ['person:vincent-line'] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const seenBy = async (who: FastifyInstance) => (await who.inject('/api/audit?limit=50')).body;
    expect(await seenBy(app)).toContain(title);
    const shown = await anonymous.inject('/api/audit?limit=50');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).not.toContain(title);
    expect(shown.body).not.toContain('snapshot.create');
  });
});

describe('document addresses', () => {
  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])(
    'refuses %s with 400, on a document and on a source described inline',
    async (url) => {
      const direct = await document({ id: `document:${prefix}-bad`, url });
      expect(direct.statusCode, direct.body).toBe(400);
      expect(direct.json().error.field).toBe('url');
      const inline = await app.inject({
        method: 'POST',
        url: '/api/relationships',
        payload: {
          type: 'HOLDS_POSITION',
          source: 'person:vincent-line',
          target: 'public-body:city-of-denver',
          citations: [{ newDocument: { title: `Minutes ${prefix}`, url }, locator: 'p. 1', quote: 'x' }],
        },
      });
      expect(inline.statusCode, inline.body).toBe(400);
    },
  );

  it('takes http and https addresses, and never serves one of another scheme stored before they were checked', async () => {
    expect((await document({ id: `document:${prefix}-good`, url: 'https://example.org/minutes' })).statusCode).toBe(201);
    await driver.executeQuery(
      "CREATE (:Entity:Document {id: $id, name: 'Old', title: 'Old', status: 'reported', url: 'javascript:alert(1)', citationDocumentIds: [], citationLocators: [], citationQuotes: []})",
      { id: `document:${prefix}-old` },
      { database },
    );
    const old = await app.inject(`/api/entities/document:${prefix}-old`);
    expect(old.statusCode, old.body).toBe(200);
    expect(old.json().entity.url).toBeUndefined();
  });
});

describe('dates', () => {
  it.each(['2020-02-31', '2021-02-29', '2020-04-31'])('refuses %s, a day the calendar does not have', async (date) => {
    const response = await document({ id: `document:${prefix}-dated`, publishedOn: date });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.field).toBe('publishedOn');
  });

  it('takes a leap day and partial dates', async () => {
    expect((await document({ id: `document:${prefix}-leap`, publishedOn: '2020-02-29' })).statusCode).toBe(201);
    expect((await document({ id: `document:${prefix}-month`, publishedOn: '2021-02' })).statusCode).toBe(201);
  });
});

describe('the cross-site check', () => {
  it('refuses a write whose Origin is https on our http host and port', async () => {
    const write = (origin: string, id: string) =>
      app.inject({
        method: 'POST',
        url: '/api/entities',
        headers: { origin, host: '127.0.0.1:8080' },
        payload: { kind: 'Document', id, name: `Source ${prefix}`, title: `Source ${prefix}` },
      });
    const https = await write('https://127.0.0.1:8080', `document:${prefix}-https`);
    expect(https.statusCode, https.body).toBe(403);
    expect(https.json().error.code).toBe('cross_site_write');
    expect((await write('http://127.0.0.1:8080', `document:${prefix}-http`)).statusCode).toBe(201);
  });
});
