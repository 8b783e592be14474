/**
 * Editing by hand against a real Neo4j: create, change and delete entities and relationships, each
 * with its audit entry (who, route, before and after); a relationship without a citation refused with
 * nothing written; documents created inline; undo of an edit, and its refusal once something changed.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiError,
  AuditEntry,
  AuditResponse,
  DeleteResult,
  EntityDetailResponse,
  EntityWriteResult,
  RelationshipWriteResult,
  UndoResult,
} from '../../schemas/index.js';
import { buildTestApp } from '../setup/app.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { graphCounts, removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('editing');
const actor = `test:${prefix}`;
const BOARD = 'org:lexisnexis-data-warehouse-board';
let app: FastifyInstance;
let driver: Driver;
const auditIds: string[] = [];

let signedIn: TestSignIn;

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  signedIn = await signInAs(actor);
});
afterAll(async () => {
  await removeImported(driver, database, { markers: [prefix], actor });
  await signedIn.remove();
  await app.close();
  await driver.close();
});

async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const response = await app.inject({ method, url, payload, headers: signedIn.headers });
  const body = response.json<T & ApiError>();
  const auditId = (body as { auditId?: unknown }).auditId;
  if (typeof auditId === 'string') auditIds.push(auditId);
  return { status: response.statusCode, body };
}

const newSource = (title: string) => ({
  newDocument: {
    title: `${title} ${prefix}`,
    publisher: 'The Colorado Sun',
    publishedOn: '2021-04-20',
    url: `https://example.org/${prefix}/${title}`,
  },
  locator: 'paragraph 3',
  quote: 'sits on the board',
});

async function auditOf(entity: string): Promise<AuditEntry[]> {
  const { status, body } = await call<AuditResponse>('GET', `/api/audit?entity=${encodeURIComponent(entity)}`);
  expect(status).toBe(200);
  return body.entries;
}

async function detail(id: string) {
  return app.inject(`/api/entities/${encodeURIComponent(id)}`);
}

describe('editing entities', () => {
  let personId = '';

  it('creates an entity citing a document described inline, and records both with their properties', async () => {
    const { status, body } = await call<EntityWriteResult>('POST', '/api/entities', {
      kind: 'Person',
      name: `Ana Gómez ${prefix}`,
      aliases: ['آنا غوميز'],
      citations: [newSource('profile')],
    });
    expect(status, JSON.stringify(body)).toBe(201);
    personId = body.entity.id;
    expect(personId).toBe(`person:ana-gomez-${prefix}`);
    const [document] = body.createdDocuments;
    expect(document?.kind).toBe('Document');
    expect(body.entity.citations).toEqual([{ documentId: document?.id, locator: 'paragraph 3', quote: 'sits on the board' }]);

    const shown = (await detail(personId)).json<EntityDetailResponse>();
    expect(shown.entity.aliases).toEqual(['آنا غوميز']);
    const [entry] = await auditOf(personId);
    expect(entry).toMatchObject({ id: body.auditId, actor, route: 'POST /api/entities', action: 'create' });
    const created = entry?.changes?.find((c) => c.id === personId);
    expect(created).toMatchObject({ op: 'created', kind: 'Person', before: null });
    expect(created?.after).toMatchObject({ name: `Ana Gómez ${prefix}`, citationDocumentIds: [document?.id] });
    // The inline document is created in the same entry, and its own history shows it.
    const [documentEntry] = await auditOf(document?.id ?? '');
    expect(documentEntry?.id).toBe(body.auditId);
    expect(documentEntry?.changes?.[0]).toMatchObject({
      op: 'created',
      kind: 'Document',
      after: { url: expect.stringContaining(prefix) },
    });
  });

  it('changes a field and records it before and after; a field the kind lacks is refused by name', async () => {
    const refused = await call<EntityWriteResult>('PATCH', `/api/entities/${personId}`, { amount: 10 });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_edit', field: 'amount' });

    const { status, body } = await call<EntityWriteResult>('PATCH', `/api/entities/${personId}`, {
      description: 'Board member since 2019',
      start: '2019',
    });
    expect(status).toBe(200);
    expect(body.entity).toMatchObject({ description: 'Board member since 2019', start: '2019' });
    const [entry] = await auditOf(personId);
    expect(entry).toMatchObject({ action: 'update', route: 'PATCH /api/entities/:id' });
    expect(entry?.changes?.[0]?.before).not.toHaveProperty('description');
    expect(entry?.changes?.[0]?.after).toMatchObject({ description: 'Board member since 2019', start: '2019' });
  });

  it('undoes the last edit, and refuses to undo it twice or once something changed since', async () => {
    const [update] = await auditOf(personId);
    const undone = await call<UndoResult>('POST', `/api/audit/${update?.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ undid: update?.id, entityIds: [personId] });
    const entity = (await detail(personId)).json<EntityDetailResponse>().entity;
    expect(entity).not.toHaveProperty('description');
    expect(entity).not.toHaveProperty('start');
    const [undoEntry] = await auditOf(personId);
    expect(undoEntry).toMatchObject({ action: 'undo', route: 'POST /api/audit/:id/undo', summary: { undoes: update?.id } });

    const again = await call<UndoResult>('POST', `/api/audit/${update?.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    // Undoing the undo redoes the edit.
    const redo = await call<UndoResult>('POST', `/api/audit/${undone.body.auditId}/undo`);
    expect(redo.status).toBe(200);
    expect((await detail(personId)).json<EntityDetailResponse>().entity).toMatchObject({
      description: 'Board member since 2019',
    });

    // The creation cannot be undone while later edits stand on it.
    const creation = (await auditOf(personId)).find((e) => e.action === 'create');
    expect((await call<UndoResult>('POST', `/api/audit/${creation?.id}/undo`)).status).toBe(409);
  });

  it('does not undo an import', async () => {
    // The seed story was loaded through the importer when the test database started.
    const { records } = await driver.executeQuery(
      "MATCH (a:AuditEntry {action: 'import'}) RETURN a.id AS id LIMIT 1",
      {},
      { database },
    );
    const importId = records[0]?.get('id') as string;
    expect(importId).toBeDefined();
    const refused = await call<UndoResult>('POST', `/api/audit/${importId}/undo`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/import cannot be undone/);
  });

  describe('relationships', () => {
    let relationshipId = '';

    it('refuses a relationship without a citation with 400, naming the field, and writes nothing', async () => {
      const before = await graphCounts(driver, database);
      const { status, body } = await call<RelationshipWriteResult>('POST', '/api/relationships', {
        type: 'SITS_ON_BOARD',
        source: personId,
        target: BOARD,
        citations: [],
      });
      expect(status).toBe(400);
      expect(body.error.field).toBe('citations');
      expect(body.error.message).toMatch(/at least one citation/);
      const missing = await call('POST', '/api/relationships', { type: 'SITS_ON_BOARD', source: personId, target: BOARD });
      expect(missing.status).toBe(400);
      expect(await graphCounts(driver, database)).toEqual(before);
    });

    it('refuses a type the allowlist does not have, and ends of the wrong kind', async () => {
      const citations = [newSource('board')];
      const unknown = await call('POST', '/api/relationships', { type: 'CONTROLS', source: personId, target: BOARD, citations });
      expect(unknown.status).toBe(400);
      const before = await graphCounts(driver, database);
      const wrongEnds = await call<RelationshipWriteResult>('POST', '/api/relationships', {
        type: 'SITS_ON_BOARD',
        source: BOARD,
        target: personId,
        citations,
      });
      expect(wrongEnds.status).toBe(400);
      expect(wrongEnds.body.error).toMatchObject({ field: 'type' });
      expect(await graphCounts(driver, database)).toEqual(before);
    });

    it('creates a relationship with an inline document, shown on both entities', async () => {
      const { status, body } = await call<RelationshipWriteResult>('POST', '/api/relationships', {
        type: 'SITS_ON_BOARD',
        source: personId,
        target: BOARD,
        seat: 'chair',
        start: '2019',
        citations: [newSource('board')],
      });
      expect(status, JSON.stringify(body)).toBe(201);
      relationshipId = body.relationship.id;
      expect(body.relationship).toMatchObject({ type: 'SITS_ON_BOARD', source: personId, target: BOARD, seat: 'chair' });
      expect(body.createdDocuments).toHaveLength(1);
      const board = (await detail(BOARD)).json<EntityDetailResponse>();
      expect(board.relationships.map((r) => r.id)).toContain(relationshipId);
      const [entry] = await auditOf(BOARD);
      expect(entry?.changes?.find((c) => c.id === relationshipId)).toMatchObject({
        what: 'relationship',
        op: 'created',
        type: 'SITS_ON_BOARD',
        source: personId,
        target: BOARD,
      });
    });

    it('adds translations of the seat, stored as two lists and read back as a map, recorded and undone', async () => {
      const added = await call<RelationshipWriteResult>('PATCH', `/api/relationships/${relationshipId}`, {
        roleTranslations: { es: 'presidencia', ar: 'رئاسة المجلس' },
      });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
      expect(added.body.relationship).toMatchObject({
        seat: 'chair',
        roleTranslations: { es: 'presidencia', ar: 'رئاسة المجلس' },
      });
      const { records } = await driver.executeQuery(
        'MATCH ()-[r:SITS_ON_BOARD {id: $id}]->() RETURN r.roleTranslationLanguages AS languages, r.roleTranslationTexts AS texts',
        { id: relationshipId },
        { database },
      );
      expect(records[0]?.toObject()).toEqual({ languages: ['es', 'ar'], texts: ['presidencia', 'رئاسة المجلس'] });
      const shown = (await detail(BOARD)).json<EntityDetailResponse>().relationships.find((r) => r.id === relationshipId);
      expect(shown?.properties.roleTranslations).toEqual({ es: 'presidencia', ar: 'رئاسة المجلس' });
      expect(shown?.properties).not.toHaveProperty('roleTranslationLanguages');
      const [entry] = await auditOf(BOARD);
      expect(entry?.changes?.[0]?.after).toMatchObject({ roleTranslationLanguages: ['es', 'ar'] });

      const unknownLanguage = await call('PATCH', `/api/relationships/${relationshipId}`, { roleTranslations: { fr: 'x' } });
      expect(unknownLanguage.status).toBe(400);
      expect(unknownLanguage.body.error.field).toMatch(/^roleTranslations/);

      const undone = await call<UndoResult>('POST', `/api/audit/${entry?.id}/undo`);
      expect(undone.status).toBe(200);
      const after = (await detail(BOARD)).json<EntityDetailResponse>().relationships.find((r) => r.id === relationshipId);
      expect(after?.properties).not.toHaveProperty('roleTranslations');
      expect(after?.properties).toMatchObject({ seat: 'chair' });
    });

    it('changes and then deletes the relationship, each recorded', async () => {
      const changed = await call<RelationshipWriteResult>('PATCH', `/api/relationships/${relationshipId}`, {
        seat: 'vice-chair',
        current: false,
      });
      expect(changed.status).toBe(200);
      expect(changed.body.relationship).toMatchObject({ seat: 'vice-chair', current: false });
      const noCitations = await call('PATCH', `/api/relationships/${relationshipId}`, { citations: [] });
      expect(noCitations.status).toBe(400);
      const foreign = await call<RelationshipWriteResult>('PATCH', `/api/relationships/${relationshipId}`, { role: 'x' });
      expect(foreign.body.error).toMatchObject({ field: 'role' });

      const deleted = await call<DeleteResult>('DELETE', `/api/relationships/${relationshipId}`);
      expect(deleted.status).toBe(200);
      const board = (await detail(BOARD)).json<EntityDetailResponse>();
      expect(board.relationships.map((r) => r.id)).not.toContain(relationshipId);
      const entries = await auditOf(BOARD);
      expect(entries.slice(0, 2).map((e) => e.action)).toEqual(['delete', 'update']);
      expect(entries[0]?.changes?.[0]).toMatchObject({ op: 'deleted', after: null, before: { seat: 'vice-chair' } });

      const restored = await call<UndoResult>('POST', `/api/audit/${entries[0]?.id}/undo`);
      expect(restored.status).toBe(200);
      const again = (await detail(BOARD)).json<EntityDetailResponse>();
      expect(again.relationships.find((r) => r.id === relationshipId)?.properties).toMatchObject({ seat: 'vice-chair' });
    });
  });

  it('refuses to delete a document that facts still cite', async () => {
    const entity = (await detail(personId)).json<EntityDetailResponse>().entity;
    const documentId = entity.citations[0]?.documentId ?? '';
    const before = await graphCounts(driver, database);
    const refused = await call('DELETE', `/api/entities/${encodeURIComponent(documentId)}`);
    expect(refused.status).toBe(409);
    expect(await graphCounts(driver, database)).toEqual(before);
  });

  it('deletes an entity with its relationships, and undo brings all of them back', async () => {
    const before = (await detail(personId)).json<EntityDetailResponse>();
    expect(before.relationships.length).toBeGreaterThan(0);
    const { status, body } = await call<DeleteResult>('DELETE', `/api/entities/${personId}`);
    expect(status).toBe(200);
    expect(body.deleted.relationships).toEqual(before.relationships.map((r) => r.id).sort());
    expect((await detail(personId)).statusCode).toBe(404);

    const undone = await call<UndoResult>('POST', `/api/audit/${body.auditId}/undo`);
    expect(undone.status).toBe(200);
    const after = (await detail(personId)).json<EntityDetailResponse>();
    // The same facts, each one version past the one it was deleted at: bringing it back is a change too.
    const facts = (d: EntityDetailResponse) => ({
      ...d,
      entity: { ...d.entity, version: undefined },
      relationships: d.relationships.map((r) => ({ ...r, version: undefined })),
    });
    expect(facts(after)).toEqual(facts(before));
    expect(after.entity.version).toBe(Number(before.entity.version) + 1);
    for (const r of after.relationships)
      expect(r.version).toBe(Number(before.relationships.find((b) => b.id === r.id)?.version) + 1);
  });

  it('answers 404 for unknown ids and 400 for an empty change', async () => {
    expect((await call('PATCH', '/api/entities/person:nobody-at-all', { name: 'x' })).status).toBe(404);
    expect((await call('DELETE', '/api/relationships/rel:nothing-here')).status).toBe(404);
    expect((await call('PATCH', `/api/entities/${personId}`, {})).status).toBe(400);
    expect((await call('POST', '/api/audit/audit:nothing/undo')).status).toBe(404);
  });

  it('shows every write above in the audit trail, with who and the route', async () => {
    const { body } = await call<AuditResponse>('GET', '/api/audit?limit=200');
    const mine = body.entries.filter((e) => e.actor === actor);
    expect(auditIds.length).toBeGreaterThan(8);
    for (const id of auditIds) expect(mine.map((e) => e.id)).toContain(id);
    for (const entry of mine) expect(entry.route).toMatch(/^(POST|PATCH|DELETE) \/api\//);
  });
});

describe('the OpenAPI document', () => {
  it('describes the editing routes and the three kinds of import body', async () => {
    const doc = (await app.inject('/docs/json')).json<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { type?: string } }> } }>>;
    }>();
    for (const path of ['/api/entities', '/api/relationships/{id}', '/api/audit/{id}/undo', '/api/merges', '/api/duplicates'])
      expect(Object.keys(doc.paths)).toContain(path);
    const body = doc.paths['/api/import']?.post?.requestBody;
    expect(Object.keys(body?.content ?? {}).sort()).toEqual(['application/json', 'application/x-ndjson', 'application/zip']);
    expect(body?.content['application/json']?.schema.type).toBe('object');
    expect(doc.paths['/api/relationships']?.post?.requestBody?.content['application/json']?.schema).toMatchObject({
      required: expect.arrayContaining(['type', 'source', 'target', 'citations']),
    });
  });
});
