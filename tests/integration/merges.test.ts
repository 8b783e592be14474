/**
 * Duplicates and merges against a real Neo4j: pairs proposed with a reason (same name across case and
 * accents, an alias in Arabic script, a shared URL, a similar spelling), rejected pairs not proposed
 * again, a merge that keeps every relationship, alias and citation, and an undo that restores the exact
 * previous graph (compared as a full dump of the touched subgraph).
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutVersion } from '../../server/db/mapping.js';
import type {
  ApiError,
  AuditResponse,
  DuplicatesResponse,
  EntityDetailResponse,
  MergeResult,
  UndoResult,
} from '../../schemas/index.js';
import { buildTestApp } from '../setup/app.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { SyntheticGraph, uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('merges');
/** One word, so the shared marker does not make every pair of names look alike. */
const tag = prefix.replaceAll('-', '');
const actor = `test:${prefix}`;
const graph = new SyntheticGraph(prefix);

const keep = graph.add('Person', 'ana', { name: `Ana Gómez ${tag}` });
const dup = graph.add('Person', 'ana-dup', {
  name: `ANA GOMEZ ${tag}`,
  aliases: [`آنا غوميز ${tag}`],
  description: 'Former sheriff’s deputy',
  start: '2015',
});
const arabicOnly = graph.add('Person', 'ana-ar', { name: `آنا غوميز ${tag}` });
const boardA = graph.add('Organization', 'board-a', { name: `Data Warehouse Board ${tag}` });
const boardB = graph.add('Organization', 'board-b', { name: `Appriss Holdings ${tag}` });
const boardC = graph.add('Organization', 'board-c', { name: `Apriss Holdings ${tag}` });
const report = graph.add('Document', 'report', {
  name: `Sanctuary report ${tag}`,
  title: `Sanctuary report ${tag}`,
  url: `https://example.org/${prefix}/report`,
});
const reportCopy = graph.add('Document', 'report-copy', {
  name: `Report on sanctuary sabotage ${tag}`,
  title: `Report on sanctuary sabotage ${tag}`,
  url: `http://www.example.org/${prefix}/report/`,
});
const keepSeat = graph.link('SITS_ON_BOARD', keep, boardA, { seat: 'member' });
const dupSeat = graph.link('SITS_ON_BOARD', dup, boardA, { seat: 'chair', start: '2019' });
const dupRole = graph.link('HOLDS_POSITION', dup, boardB, { role: 'adviser' });
const citesCopy = graph.link('MEMBER_OF', boardB, boardA, {
  citations: [{ documentId: reportCopy, locator: 'p. 4', quote: 'Appriss is a member' }],
});

let app: FastifyInstance;
let driver: Driver;

let signedIn: TestSignIn;

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  signedIn = await signInAs(actor);
  await graph.save(driver, database);
});
afterAll(async () => {
  await graph.remove(driver, database);
  await driver.executeQuery(
    'MATCH (r:DuplicateRejection) WHERE r.pair CONTAINS $marker DELETE r',
    { marker: prefix },
    { database },
  );
  await signedIn.remove();
  await app.close();
  await driver.close();
});

async function call<T>(method: 'GET' | 'POST', url: string, payload?: object) {
  const response = await app.inject({ method, url, payload, headers: signedIn.headers });
  return { status: response.statusCode, body: response.json<T & ApiError>() };
}

async function duplicatesOf(id: string): Promise<DuplicatesResponse> {
  const { status, body } = await call<DuplicatesResponse>('GET', `/api/duplicates?entity=${encodeURIComponent(id)}&limit=200`);
  expect(status).toBe(200);
  return body;
}

/**
 * Every entity of the test graph with its labels and properties, and every relationship touching them.
 * Without versions: every write moves them on, a merge and its undo included; what the facts say is
 * what must come back exactly.
 */
async function dump(): Promise<unknown> {
  const { records } = await driver.executeQuery(
    `MATCH (n:Entity) WHERE n.id CONTAINS $marker
     OPTIONAL MATCH (n)-[r]-()
     WITH n, r ORDER BY r.id
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
       collect({id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}) AS links
     ORDER BY id`,
    { marker: `:${prefix}-` },
    { database },
  );
  return records.map((r) => {
    const row = r.toObject() as { properties: Record<string, unknown>; links: { properties: Record<string, unknown> | null }[] };
    return {
      ...row,
      properties: withoutVersion(row.properties),
      links: row.links.map((l) => ({ ...l, properties: l.properties && withoutVersion(l.properties) })),
    };
  });
}

describe('duplicates', () => {
  it('proposes the same name across case and accents, an Arabic alias, a shared URL and a similar spelling', async () => {
    const forKeep = await duplicatesOf(keep);
    const sameName = forKeep.pairs.find((p) => [p.a.id, p.b.id].includes(dup));
    expect(sameName).toMatchObject({ reason: 'same-name' });
    expect(sameName?.score).toBeGreaterThan(0.9);
    expect(sameName?.detail).toContain(`ANA GOMEZ ${tag}`);

    const forArabic = await duplicatesOf(arabicOnly);
    expect(forArabic.pairs.find((p) => [p.a.id, p.b.id].includes(dup))).toMatchObject({ reason: 'alias' });

    const forReport = await duplicatesOf(report);
    expect(forReport.pairs.find((p) => [p.a.id, p.b.id].includes(reportCopy))).toMatchObject({ reason: 'identifier', score: 1 });

    const forAppriss = await duplicatesOf(boardB);
    const similar = forAppriss.pairs.find((p) => [p.a.id, p.b.id].includes(boardC));
    expect(similar?.reason).toBe('similar-name');
    expect(similar?.score).toBeLessThan(sameName?.score ?? 0);
    // Different kinds are never proposed, and neither are unrelated names.
    expect(forAppriss.pairs.map((p) => [p.a.id, p.b.id]).flat()).not.toContain(boardA);
  });

  it('remembers a rejected pair and does not propose it again; the rejection is in the audit trail', async () => {
    expect((await duplicatesOf(boardB)).pairs.some((p) => [p.a.id, p.b.id].includes(boardC))).toBe(true);
    const { status, body } = await call<{ auditId: string }>('POST', '/api/duplicates/rejections', { a: boardC, b: boardB });
    expect(status).toBe(201);
    expect((await duplicatesOf(boardB)).pairs.some((p) => [p.a.id, p.b.id].includes(boardC))).toBe(false);
    const again = await call('POST', '/api/duplicates/rejections', { a: boardB, b: boardC });
    expect(again.status).toBe(201);
    const trail = await call<AuditResponse>('GET', `/api/audit?entity=${encodeURIComponent(boardC)}`);
    expect(trail.body.entries.find((e) => e.id === body.auditId)).toMatchObject({
      action: 'reject-duplicate',
      actor,
      route: 'POST /api/duplicates/rejections',
    });
    expect((await call('POST', '/api/duplicates/rejections', { a: boardB, b: boardB })).status).toBe(400);
  });

  it('pages the answer', async () => {
    const all = await call<DuplicatesResponse>('GET', '/api/duplicates?limit=200');
    const page = await call<DuplicatesResponse>('GET', '/api/duplicates?limit=1&offset=1');
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.pairs).toEqual(all.body.pairs.slice(1, 2));
  });
});

describe('merges', () => {
  it('merges a duplicate keeping every relationship, alias and citation, then undo restores the exact graph', async () => {
    const before = await dump();
    const keepBefore = (await call<EntityDetailResponse>('GET', `/api/entities/${keep}`)).body;

    const { status, body } = await call<MergeResult>('POST', '/api/merges', { keepId: keep, mergeId: dup });
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.movedRelationships).toBe(2);
    expect(body.entity.aliases).toEqual(expect.arrayContaining([`ANA GOMEZ ${tag}`, `آنا غوميز ${tag}`]));
    expect(body.entity.mergedIds).toEqual([dup]);
    expect(body.entity).toMatchObject({ description: 'Former sheriff’s deputy', start: '2015' });
    expect(body.entity.citations.length).toBe(keepBefore.entity.citations.length + 1);

    expect((await call('GET', `/api/entities/${dup}`)).status).toBe(404);
    const merged = (await call<EntityDetailResponse>('GET', `/api/entities/${keep}`)).body;
    expect(merged.relationships.map((r) => r.id).sort()).toEqual([keepSeat, dupSeat, dupRole].sort());
    expect(merged.relationships.find((r) => r.id === dupSeat)).toMatchObject({
      source: keep,
      properties: { seat: 'chair', start: '2019' },
    });
    const trail = await call<AuditResponse>('GET', `/api/audit?entity=${encodeURIComponent(dup)}`);
    expect(trail.body.entries[0]).toMatchObject({ id: body.auditId, action: 'merge', route: 'POST /api/merges', actor });

    const undone = await call<UndoResult>('POST', `/api/merges/${body.auditId}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await dump()).toEqual(before);
    const undoTrail = await call<AuditResponse>('GET', `/api/audit?entity=${encodeURIComponent(keep)}`);
    expect(undoTrail.body.entries[0]).toMatchObject({ action: 'undo', route: 'POST /api/merges/:id/undo' });
    // Undone once; a second undo of the same merge finds the graph changed since.
    expect((await call('POST', `/api/merges/${body.auditId}/undo`)).status).toBe(409);
  });

  it('merging a document rewrites the citations that named it, and undo puts them back', async () => {
    const before = await dump();
    const { status, body } = await call<MergeResult>('POST', '/api/merges', { keepId: report, mergeId: reportCopy });
    expect(status).toBe(201);
    expect(body.rewrittenReferences).toBe(1);
    const appriss = (await call<EntityDetailResponse>('GET', `/api/entities/${boardB}`)).body;
    expect(appriss.relationships.find((r) => r.id === citesCopy)?.citations).toEqual([
      { documentId: report, locator: 'p. 4', quote: 'Appriss is a member' },
    ]);
    expect((await call('POST', `/api/merges/${body.auditId}/undo`)).status).toBe(200);
    expect(await dump()).toEqual(before);
  });

  it('refuses to merge entities of different kinds, or an entity into itself', async () => {
    const before = await dump();
    expect((await call('POST', '/api/merges', { keepId: keep, mergeId: boardA })).status).toBe(409);
    expect((await call('POST', '/api/merges', { keepId: keep, mergeId: keep })).status).toBe(400);
    expect((await call('POST', '/api/merges', { keepId: keep, mergeId: 'person:nobody-here' })).status).toBe(404);
    expect(await dump()).toEqual(before);
  });

  it('refuses to undo a merge once the kept entity changed since', async () => {
    const { body } = await call<MergeResult>('POST', '/api/merges', { keepId: keep, mergeId: dup });
    const edit = await app.inject({
      method: 'PATCH',
      url: `/api/entities/${keep}`,
      payload: { description: 'changed after the merge' },
      headers: signedIn.headers,
    });
    expect(edit.statusCode).toBe(200);
    const refused = await call('POST', `/api/merges/${body.auditId}/undo`);
    expect(refused.status).toBe(409);
    expect((await call('GET', `/api/entities/${dup}`)).status).toBe(404);
    // Undo the edit first, then the merge goes.
    expect((await call('POST', `/api/audit/${edit.json<{ auditId: string }>().auditId}/undo`)).status).toBe(200);
    expect((await call('POST', `/api/merges/${body.auditId}/undo`)).status).toBe(200);
    expect((await call('GET', `/api/entities/${dup}`)).status).toBe(200);
  });
});
