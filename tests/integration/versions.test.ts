/**
 * Versions through every write path: reads return them (the ETag of single reads), a write made against
 * an older version is refused with 412 and the fact as it is now, and edits, imports, merges and undo all
 * move them on by one.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EntityDetailResponse,
  EntityWriteResult,
  GraphNode,
  MergeResult,
  RelationshipDetailResponse,
  VersionConflictResponse,
} from '../../schemas/index.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { buildTestApp } from '../setup/app.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { SyntheticGraph, uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('versions');
const graph = new SyntheticGraph(prefix);
const ana = graph.add('Person', 'ana', { description: 'first' });
const org = graph.add('Organization', 'org');
const twin = graph.add('Organization', 'twin');
const role = graph.link('HOLDS_POSITION', ana, org, { role: 'clerk' });
const twinRole = graph.link('MEMBER_OF', ana, twin);
let driver: Driver;
let app: FastifyInstance;
let editor: TestSignIn;

beforeAll(async () => {
  driver = testDriver();
  await graph.save(driver, database);
  editor = await signInAs(`editor-${prefix}`);
  app = await buildTestApp();
});

afterAll(async () => {
  await app?.close();
  await graph.remove(driver, database);
  await editor?.remove();
  await driver?.close();
});

const send = (method: 'PATCH' | 'DELETE' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method, url, ...(payload ? { payload } : {}), headers: { ...editor.headers, ...headers } });

async function entity(id: string): Promise<{ etag: string | undefined; entity: GraphNode & Record<string, unknown> }> {
  const response = await app.inject(`/api/entities/${id}`);
  return { etag: response.headers.etag as string | undefined, entity: response.json<EntityDetailResponse>().entity };
}

describe('versions', () => {
  it('are returned by reads, the ETag of one entity or relationship', async () => {
    const read = await entity(ana);
    expect(read.entity.version).toBe(1);
    expect(read.etag).toBe('"1"');
    const rel = await app.inject(`/api/relationships/${role}`);
    expect(rel.statusCode).toBe(200);
    expect(rel.headers.etag).toBe('"1"');
    const detail = rel.json<RelationshipDetailResponse>();
    expect(detail.relationship).toMatchObject({ id: role, role: 'clerk', version: 1 });
    expect(detail.source).toEqual({ id: ana, kind: 'Person', name: expect.any(String) });
    expect((await app.inject('/api/relationships/rel:no-such-thing')).statusCode).toBe(404);
  });

  it('let a change made against the current version through, one version on, and refuse one made against an older one', async () => {
    const ok = await send('PATCH', `/api/entities/${ana}`, { description: 'second' }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<EntityWriteResult>().entity.version).toBe(2);

    const stale = await send('PATCH', `/api/entities/${ana}`, { description: 'overwrites second' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const conflict = stale.json<VersionConflictResponse>();
    expect(conflict.error).toMatchObject({ code: 'version_conflict', field: 'version' });
    expect(conflict.error.message).toContain(`editor-${prefix}`);
    expect(conflict.current).toMatchObject({ id: ana, description: 'second', version: 2 });
    expect(conflict.lastChange).toMatchObject({ actor: `editor-${prefix}`, action: 'update', fields: ['description'] });
    expect((await entity(ana)).entity.description).toBe('second');

    // The version may come in the body instead; both at once must agree.
    expect((await send('PATCH', `/api/entities/${ana}`, { description: 'third', version: 1 })).statusCode).toBe(412);
    expect(
      (await send('PATCH', `/api/entities/${ana}`, { description: 'third', version: 2 }, { 'if-match': '"1"' })).statusCode,
    ).toBe(400);
    expect((await send('PATCH', `/api/entities/${ana}`, { version: 2 })).statusCode).toBe(400);
    const third = await send('PATCH', `/api/entities/${ana}`, { description: 'third', version: 2 });
    expect(third.json<EntityWriteResult>().entity.version).toBe(3);
  });

  it('stay put when a change changes nothing', async () => {
    const same = await send('PATCH', `/api/entities/${ana}`, { description: 'third' });
    expect(same.json<EntityWriteResult>()).toMatchObject({ auditId: null, entity: { version: 3 } });
  });

  it('guard deletions too', async () => {
    const rel = (await app.inject(`/api/relationships/${twinRole}`)).json<RelationshipDetailResponse>().relationship;
    expect((await send('DELETE', `/api/relationships/${twinRole}`, undefined, { 'if-match': '"7"' })).statusCode).toBe(412);
    const deleted = await send('DELETE', `/api/relationships/${twinRole}`, { version: rel.version });
    expect(deleted.statusCode, deleted.body).toBe(200);
    // Undo brings it back one version past the one it was deleted at.
    const undone = await send('POST', `/api/audit/${deleted.json<{ auditId: string }>().auditId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    const back = (await app.inject(`/api/relationships/${twinRole}`)).json<RelationshipDetailResponse>().relationship;
    expect(back.version).toBe(Number(rel.version) + 1);
  });

  it('move on with imports (not with a re-import that changes nothing), merges and their undo', async () => {
    const before = (await entity(org)).entity;
    const file = (description: string) => ({
      format: 'interlock/1',
      entities: [
        { id: graph.documentId, kind: 'Document', name: `${prefix} source`, title: `${prefix} source` },
        { ...before, version: undefined, description, kind: 'Organization' },
      ],
      relationships: [],
    });
    const actor = { actor: `test:${prefix}`, route: 'test' };
    await importInterlockFile(driver, database, file('imported'), actor);
    expect((await entity(org)).entity.version).toBe(Number(before.version) + 1);
    await importInterlockFile(driver, database, file('imported'), actor);
    expect((await entity(org)).entity.version).toBe(Number(before.version) + 1);

    const keptBefore = (await entity(org)).entity.version;
    const roleBefore = (await app.inject(`/api/relationships/${twinRole}`)).json<RelationshipDetailResponse>().relationship;
    const merged = await send('POST', '/api/merges', { keepId: org, mergeId: twin });
    expect(merged.statusCode, merged.body).toBe(201);
    const result = merged.json<MergeResult>();
    expect(result.entity.version).toBe(Number(keptBefore) + 1);
    const moved = (await app.inject(`/api/relationships/${twinRole}`)).json<RelationshipDetailResponse>();
    expect(moved.target.id).toBe(org);
    expect(moved.relationship.version).toBe(Number(roleBefore.version) + 1);

    const undone = await send('POST', `/api/merges/${result.auditId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await entity(org)).entity.version).toBe(Number(keptBefore) + 2);
    expect((await entity(twin)).entity.version).toBe(2);
  });
});
