/** Sources as first-class (everything sourced to a document) and the batch read deep links use. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_IDS } from '../../schemas/index.js';
import type { ApiError, DocumentFactsResponse, EntityBatchResponse } from '../../schemas/index.js';
import { buildTestApp, getJson } from '../setup/app.js';

const PRESS_RELEASE = 'document:press-release-sanctuary-sabotage';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = <T>(url: string, status = 200) => getJson<T>(app, url, status);

describe('GET /api/documents/:id/facts', () => {
  it('lists every relationship citing the press release with its line and quote, and the entities they touch', async () => {
    const body = await get<DocumentFactsResponse>(`/api/documents/${PRESS_RELEASE}/facts`);
    expect(body.document).toMatchObject({ id: PRESS_RELEASE, kind: 'Document' });
    expect(body.truncated).toBe(false);
    // The seed cites the press release 49 times; some relationships cite more than one of its lines.
    expect(body.facts.length).toBeGreaterThan(20);
    const board = body.facts.find((f) => f.edge.type === 'SITS_ON_BOARD' && f.edge.source === 'person:vincent-line');
    expect(board?.edge.target).toBe('org:lexisnexis-data-warehouse-board');
    expect(board?.citations[0]).toMatchObject({ documentId: PRESS_RELEASE, locator: expect.stringMatching(/^line \d+/) });
    expect(board?.citations[0]?.quote.length).toBeGreaterThan(10);
    for (const fact of body.facts) {
      expect(fact.citations.length).toBeGreaterThan(0);
      expect(fact.citations.every((c) => c.documentId === PRESS_RELEASE)).toBe(true);
    }
    const nodeIds = new Set(body.nodes.map((n) => n.id));
    for (const { edge } of body.facts) {
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
    }
  });

  it('orders facts by where they stand in the document (line 9 before line 24)', async () => {
    const body = await get<DocumentFactsResponse>(`/api/documents/${PRESS_RELEASE}/facts`);
    const lines = body.facts.map((f) => Number(/\d+/.exec(f.citations[0]?.locator ?? '')?.[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('cuts the list at `limit` and says so', async () => {
    const body = await get<DocumentFactsResponse>(`/api/documents/${PRESS_RELEASE}/facts?limit=3`);
    expect(body.facts).toHaveLength(3);
    expect(body.truncated).toBe(true);
  });

  it('answers an empty list for a document nothing cites', async () => {
    const body = await get<DocumentFactsResponse>('/api/documents/document:sanctuary-sabotage-report/facts');
    expect(body.facts).toEqual([]);
    expect(body.nodes).toEqual([]);
  });

  it('answers 404 for an unknown document, and for an entity that is not a document', async () => {
    const unknown = await get<ApiError>('/api/documents/document:no-such-thing/facts', 404);
    expect(unknown.error.code).toBe('not_found');
    expect(unknown.error.message).toContain('document:no-such-thing');
    await get<ApiError>('/api/documents/person:vincent-line/facts', 404);
  });

  it('answers 400 naming the field for a malformed id', async () => {
    const body = await get<ApiError>('/api/documents/NOT%20AN%20ID/facts', 400);
    expect(body.error.field).toBe('id');
  });
});

describe('GET /api/entities?ids=', () => {
  it('returns the entities asked for, in order, with every relationship among them', async () => {
    const ids = ['person:vincent-line', 'org:lexisnexis-data-warehouse-board', 'public-body:denver-sheriff-department'];
    const body = await get<EntityBatchResponse>(`/api/entities?ids=${ids.join(',')}`);
    expect(body.nodes.map((n) => n.id)).toEqual(ids);
    expect(body.missing).toEqual([]);
    expect(body.edges.map((e) => [e.type, e.source, e.target])).toEqual(
      expect.arrayContaining([
        ['SITS_ON_BOARD', 'person:vincent-line', 'org:lexisnexis-data-warehouse-board'],
        ['HOLDS_POSITION', 'person:vincent-line', 'public-body:denver-sheriff-department'],
      ]),
    );
    for (const edge of body.edges) {
      expect(ids).toContain(edge.source);
      expect(ids).toContain(edge.target);
    }
  });

  it('reports unknown ids instead of failing', async () => {
    const body = await get<EntityBatchResponse>('/api/entities?ids=person:vincent-line,person:nobody-at-all');
    expect(body.nodes.map((n) => n.id)).toEqual(['person:vincent-line']);
    expect(body.missing).toEqual(['person:nobody-at-all']);
    expect(body.edges).toEqual([]);
  });

  it(`refuses more than ${MAX_BATCH_IDS} ids with a 400 naming the field`, async () => {
    const ids = Array.from({ length: MAX_BATCH_IDS + 1 }, (_, i) => `person:p${i}`).join(',');
    const body = await get<ApiError>(`/api/entities?ids=${ids}`, 400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', field: 'ids' });
    expect(body.error.message).toContain(`at most ${MAX_BATCH_IDS}`);
  });

  it('refuses an empty list and a malformed id with a 400', async () => {
    expect((await get<ApiError>('/api/entities?ids=', 400)).error.message).toContain('at least one id');
    expect((await get<ApiError>('/api/entities?ids=person:ok,Bad%20Id', 400)).error.field).toMatch(/^ids/);
    await get<ApiError>('/api/entities', 400);
  });
});
