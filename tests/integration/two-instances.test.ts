/**
 * The app keeps no state outside Neo4j, so several instances can serve one database (docs/scaling.md).
 * Two instances, each with its own driver (as two processes behind a load balancer would be), against the
 * one test database: what one writes, the other answers at once: the entity, its search hit, its
 * neighbourhood, the conflicts it takes part in and the audit entry.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResponse, GraphResponse, ImportResult, SearchResponse } from '../../schemas/index.js';
import { buildApp } from '../../server/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { currentFindings } from './helpers/findings.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('replicas');
const actor = `test:${prefix}`;
let first: FastifyInstance;
let second: FastifyInstance;
let cleanup: Driver;
/** Tokens live in the database, so one token works on every instance. */
let signedIn: TestSignIn;

async function instance(): Promise<FastifyInstance> {
  const app = await buildApp({ driver: testDriver(), database, closeDriver: true, webRoot: null });
  await app.ready();
  return app;
}

beforeAll(async () => {
  [first, second] = await Promise.all([instance(), instance()]);
  cleanup = testDriver();
  signedIn = await signInAs(actor);
});
afterAll(async () => {
  await cleanup.executeQuery(
    'MATCH (n:Entity) WHERE n.id CONTAINS $marker DETACH DELETE n',
    { marker: `:${prefix}-` },
    { database },
  );
  await cleanup.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor }, { database });
  await signedIn.remove();
  await Promise.all([first.close(), second.close(), cleanup.close()]);
});

const doc = `document:${prefix}-minutes`;
const cite = [{ documentId: doc, locator: 'p. 1', quote: 'appointed to the board' }];
const file = {
  format: 'interlock/1',
  entities: [
    { id: doc, kind: 'Document', name: 'Board minutes', title: 'Board minutes' },
    { id: `person:${prefix}-ada`, kind: 'Person', name: `Ada Quillfeather ${prefix}`, status: 'reported', citations: cite },
    { id: `org:${prefix}-one`, kind: 'Organization', name: `Northwind ${prefix}`, status: 'reported', citations: cite },
    { id: `org:${prefix}-two`, kind: 'Organization', name: `Southwind ${prefix}`, status: 'reported', citations: cite },
  ],
  relationships: [
    {
      id: `rel:${prefix}-1`,
      type: 'SITS_ON_BOARD',
      source: `person:${prefix}-ada`,
      target: `org:${prefix}-one`,
      status: 'reported',
      citations: cite,
    },
    {
      id: `rel:${prefix}-2`,
      type: 'SITS_ON_BOARD',
      source: `person:${prefix}-ada`,
      target: `org:${prefix}-two`,
      status: 'reported',
      citations: cite,
    },
  ],
};

describe('two app instances on one database', () => {
  it('answer through one what was written through the other, at once', async () => {
    const person = `person:${prefix}-ada`;
    expect((await second.inject(`/api/entities/${person}`)).statusCode).toBe(404);

    const written = await first.inject({
      method: 'POST',
      url: '/api/import?format=json',
      payload: JSON.stringify(file),
      headers: { 'content-type': 'application/json', ...signedIn.headers },
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json<ImportResult>().created).toEqual({ entities: 4, relationships: 2 });

    for (const app of [second, first]) {
      const detail = await app.inject(`/api/entities/${person}`);
      expect(detail.statusCode).toBe(200);
      const search = (await app.inject(`/api/search?q=${encodeURIComponent('Quillfeather')}`)).json<SearchResponse>();
      expect(search.results.map((r) => r.id)).toContain(person);
      const around = (await app.inject(`/api/entities/${person}/neighborhood?depth=1`)).json<GraphResponse>();
      expect(around.nodes.map((n) => n.id).sort()).toEqual([`org:${prefix}-one`, `org:${prefix}-two`, person]);
      const conflicts = await currentFindings(app, `/api/conflicts?pattern=board-interlock&entity=${person}`);
      expect(conflicts.findings).toHaveLength(1);
      expect(conflicts.findings[0]?.title).toContain('Northwind');
      const audit = (await app.inject(`/api/audit?entity=${person}`)).json<AuditResponse>();
      expect(audit.entries.map((e) => e.actor)).toEqual([actor]);
    }
  });

  it('give the same answers to the same questions', async () => {
    // Both answer from the same stored findings, once they are current.
    const findings = await Promise.all(
      [first, second].map((app) => currentFindings(app, '/api/conflicts?pattern=vendor-board-seat')),
    );
    expect(findings[1]).toEqual(findings[0]);
    for (const url of ['/api/search?q=Vincent', '/api/patterns', '/api/money-flows']) {
      const [a, b] = await Promise.all([first.inject(url), second.inject(url)]);
      expect(a.statusCode).toBe(200);
      expect(a.json(), url).toEqual(b.json());
    }
  });
});
