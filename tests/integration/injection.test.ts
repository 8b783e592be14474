/**
 * Cypher injection: payloads (quotes, backticks, braces, comments, `MATCH (n) DETACH DELETE n`,
 * unicode look-alikes and escapes) through every parameter of every endpoint of the OpenAPI document,
 * one parameter at a time with valid values in the others. Each answer must be a normal result or a
 * 4xx, and a fingerprint of the whole graph (counts and a hash of every id, label and property) must
 * not move. Payloads that are valid data (names in an import) must be stored verbatim.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDetailResponse, ImportResult } from '../../schemas/index.js';
import { createToken } from '../../server/security/tokens.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { benignObject, benignParameters, operations, urlFor, type Operation } from './helpers/openapi.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

export const PAYLOADS = [
  "'",
  '"',
  '`',
  "' OR 1=1 //",
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  'x` DETACH DELETE n //',
  'MATCH (n) DETACH DELETE n',
  "person:vincent-line'})-[r]-() DELETE r WITH 1 AS x MATCH (n) DETACH DELETE n //",
  '{id: 1}) DETACH DELETE n //',
  '{{}}',
  '}',
  '//',
  '/* */ RETURN 1',
  '\\u0027) MATCH (n) DETACH DELETE n //',
  '\u02bc MATCH (n) DETACH DELETE n',
  '\uff07 MATCH (n) DETACH DELETE n',
  '$limit',
  'HOLDS_POSITION|SITS_ON_BOARD]-() DETACH DELETE n //',
  'Person:Entity',
  '\u0000',
  'a'.repeat(5000),
];

const { database } = testConnection();
const prefix = uniquePrefix('inject');
let app: FastifyInstance;
let driver: Driver;
let signedIn: { authorization: string };
let ops: Operation[];

/** Counts and a hash of every node and relationship, with their labels, types and properties. */
async function fingerprint(): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:AuditEntry AND NOT n:ApiToken
     WITH n ORDER BY n.id, elementId(n)
     RETURN count(n) AS count, collect([labels(n), properties(n)]) AS rows`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    `MATCH (a)-[r]->(b)
     WITH a, r, b ORDER BY r.id, a.id, b.id, type(r)
     RETURN count(r) AS count, collect([type(r), a.id, b.id, properties(r)]) AS rows`,
    {},
    { database },
  );
  const hash = createHash('sha256')
    .update(JSON.stringify(nodes.records[0]?.get('rows')))
    .update(JSON.stringify(rels.records[0]?.get('rows')))
    .digest('hex');
  return { nodes: nodes.records[0]?.get('count') as number, relationships: rels.records[0]?.get('count') as number, hash };
}

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  const token = await createToken(driver, database, { name: prefix, role: 'admin', createdBy: 'test' });
  signedIn = { authorization: `Bearer ${token.token}` };
  ops = await operations(app);
});

afterAll(async () => {
  await driver.executeQuery(
    `MATCH (n:Entity) WHERE n.id STARTS WITH 'document:zz-inject-' OR n.importedBy = $prefix DETACH DELETE n`,
    { prefix },
    { database },
  );
  await driver.executeQuery('MATCH (a:AuditEntry {actor: $prefix}) DELETE a', { prefix }, { database });
  await driver.executeQuery(
    'MATCH (t:ApiToken) WHERE t.name = $prefix OR t.createdBy = $prefix DELETE t',
    { prefix },
    { database },
  );
  await app.close();
  await driver.close();
});

interface Slot {
  where: 'path' | 'query' | 'body';
  name: string;
}

function slotsOf(op: Operation): Slot[] {
  return [
    ...op.parameters.map((p) => ({ where: p.in as 'path' | 'query', name: p.name })),
    ...Object.keys(op.body?.properties ?? {}).map((name) => ({ where: 'body' as const, name })),
  ];
}

async function send(op: Operation, slot: Slot, payload: string) {
  const { path, query } = benignParameters(op);
  const body: Record<string, unknown> = op.body ? benignObject(op.body, op) : {};
  if (slot.where === 'path') path[slot.name] = payload;
  else if (slot.where === 'query') query[slot.name] = payload;
  else body[slot.name] = payload;
  return app.inject({
    method: op.method,
    url: urlFor(op.path, path, query),
    headers: { ...signedIn, ...(op.write ? { 'content-type': 'application/json' } : {}) },
    ...(op.write ? { payload: JSON.stringify(body) } : {}),
  });
}

describe('injection payloads through every parameter of every endpoint', () => {
  it('covers the endpoints of the OpenAPI document', () => {
    const paths = ops.map((o) => `${o.method} ${o.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /api/search', 'GET /api/entities/{id}/neighborhood', 'POST /api/import']));
    expect(ops.flatMap(slotsOf).length).toBeGreaterThan(15);
  });

  it('answers each with a normal result or a 4xx, and leaves the graph exactly as it was', async () => {
    const before = await fingerprint();
    expect(before.nodes).toBeGreaterThan(20);
    for (const op of ops) {
      for (const slot of slotsOf(op)) {
        for (const payload of PAYLOADS) {
          const response = await send(op, slot, payload);
          const where = `${op.method} ${op.path} ${slot.where}.${slot.name}=${JSON.stringify(payload.slice(0, 60))}`;
          expect(response.statusCode < 500, `${where} -> ${response.statusCode} ${response.body.slice(0, 300)}`).toBe(true);
          if (response.statusCode >= 400) expect(response.json().error.code, where).toEqual(expect.any(String));
        }
      }
      expect(await fingerprint(), `after ${op.method} ${op.path}`).toEqual(before);
    }
  }, 240_000);

  it('stores payloads that are valid names verbatim, as data', async () => {
    const before = await fingerprint();
    const named = PAYLOADS.filter((p) => p.trim() !== '' && !p.includes('\u0000') && p.length <= 200);
    const file = {
      format: 'interlock/1',
      entities: named.map((name, i) => ({ id: `document:zz-inject-${i}`, kind: 'Document', name, title: name })),
      relationships: [],
    };
    const response = await app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { 'content-type': 'application/json', ...signedIn },
      payload: JSON.stringify(file),
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<ImportResult>();
    expect(result.created.entities).toBe(named.length);
    await driver.executeQuery(
      'MATCH (d:Document {id: $id}) SET d.importedBy = $prefix',
      { id: result.documentId, prefix },
      { database },
    );
    for (const [i, name] of named.entries()) {
      const stored = (await app.inject(`/api/entities/document:zz-inject-${i}`)).json<EntityDetailResponse>();
      expect(stored.entity.name).toBe(name);
    }
    const after = await fingerprint();
    // The graph grew by exactly the imported documents (and the import's own source document, if any).
    expect(after.nodes).toBe(before.nodes + named.length + (result.documentId ? 1 : 0));
    expect(after.relationships).toBe(before.relationships);
  });
});
