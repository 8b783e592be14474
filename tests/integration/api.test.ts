/** The HTTP API against a real Neo4j holding the seed story. */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDetailResponse, GraphResponse, PathsResponse, SearchResponse } from '../../schemas/index.js';
import { buildTestApp, getJson } from '../setup/app.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const get = <T>(url: string, status = 200) => getJson<T>(app, url, status);

const searchIds = async (q: string) =>
  (await get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`)).results.map((r) => r.id);

describe('GET /api/health', () => {
  it('reports the connected Neo4j and its version', async () => {
    const body = await get<{ status: string; neo4j: { connected: boolean; version: string } }>('/api/health');
    expect(body.status).toBe('ok');
    expect(body.neo4j.connected).toBe(true);
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });
});

describe('GET /api/search', () => {
  it('finds ICE first by its machine-translated Arabic alias "الجليد"', async () => {
    expect((await searchIds('الجليد'))[0]).toBe('public-body:ice');
  });

  it('finds ICE first by its full English name', async () => {
    expect((await searchIds('Immigration and Customs Enforcement'))[0]).toBe('public-body:ice');
  });

  it('finds LexisNexis from a prefix, whatever the case', async () => {
    expect((await searchIds('lexis'))[0]).toBe('org:lexisnexis');
    expect((await searchIds('LEXISNEXIS'))[0]).toBe('org:lexisnexis');
  });

  it('ignores accents both ways', async () => {
    expect(await searchIds('gonzalez')).toContain('person:jacinta-gonzalez');
    expect(await searchIds('Ordóñez')).toContain('person:miriam-ordonez');
  });

  it('finds VINE by "كرمة" and Vincent Line by the first letters of his name', async () => {
    expect((await searchIds('كرمة'))[0]).toBe('system:vine');
    expect((await searchIds('vinc'))[0]).toBe('person:vincent-line');
  });

  it('finds a name from its words in any order while the last is being typed, and any word when none has them all', async () => {
    expect((await searchIds('Line Vinc'))[0]).toBe('person:vincent-line');
    expect((await searchIds('denver sheriff dep'))[0]).toBe('public-body:denver-sheriff-department');
    // No name holds "vinc" as a whole word and "line": the names with either still come, his first.
    expect((await searchIds('vinc line'))[0]).toBe('person:vincent-line');
  });

  it('returns ranked results with name, kind, aliases and score, filtered by kind', async () => {
    const body = await get<SearchResponse>('/api/search?q=lexisnexis&kind=Organization&limit=3');
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(3);
    for (const r of body.results) expect(r.kind).toBe('Organization');
    const scores = body.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('treats Lucene syntax as text, not as a query', async () => {
    expect((await get<SearchResponse>(`/api/search?q=${encodeURIComponent('*:*')}`)).results).toEqual([]);
    for (const q of ['name:"x', 'a AND (b', '\\', '"', '~1^2'])
      await get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
  });

  it('rejects a missing query and a bad kind with 400 naming the field', async () => {
    expect((await get<{ error: { field: string } }>('/api/search', 400)).error.field).toBe('q');
    const bad = await get<{ error: { code: string; field: string } }>('/api/search?q=x&kind=Spaceship', 400);
    expect(bad.error).toMatchObject({ code: 'invalid_parameter', field: 'kind' });
  });
});

describe('GET /api/entities/:id', () => {
  it('returns the entity with its relationships, each cited with quote and line', async () => {
    const body = await get<EntityDetailResponse>('/api/entities/person:vincent-line');
    expect(body.entity).toMatchObject({ id: 'person:vincent-line', kind: 'Person', name: 'Vincent Line' });
    const seat = body.relationships.find((r) => r.type === 'SITS_ON_BOARD');
    expect(seat).toMatchObject({ source: 'person:vincent-line', target: 'org:lexisnexis-data-warehouse-board' });
    expect(seat?.citations[0]).toMatchObject({ documentId: 'document:press-release-sanctuary-sabotage', locator: 'line 24' });
    expect(seat?.citations[0]?.quote).toContain('مجلس إدارة');
    const position = body.relationships.find((r) => r.type === 'HOLDS_POSITION');
    expect(position?.properties).toMatchObject({ current: true, status: 'reported' });
    expect(body.neighbors.map((n) => n.name)).toEqual(
      expect.arrayContaining(['Denver Sheriff Department', 'LexisNexis data-warehouse board']),
    );
  });

  it('answers 404 with a clear error for an unknown id', async () => {
    const body = await get<{ error: { code: string; message: string } }>('/api/entities/person:nobody', 404);
    expect(body.error).toEqual({ code: 'not_found', message: 'No entity with id "person:nobody"' });
  });

  it('answers 400 for an id that cannot be one', async () => {
    expect((await get<{ error: { field: string } }>('/api/entities/NOT%20AN%20ID', 400)).error.field).toBe('id');
  });
});

describe('GET /api/entities/:id/neighborhood', () => {
  it('puts the Denver Sheriff Department and the board one hop from Vincent Line', async () => {
    const body = await get<GraphResponse>('/api/entities/person:vincent-line/neighborhood?depth=1');
    const names = body.nodes.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining(['Vincent Line', 'Denver Sheriff Department', 'LexisNexis data-warehouse board']),
    );
    for (const edge of body.edges) expect(edge.citations.length).toBeGreaterThan(0);
    expect(body.truncated).toBe(false);
  });

  it('reaches further with depth and filters by relationship type', async () => {
    const two = await get<GraphResponse>('/api/entities/person:vincent-line/neighborhood?depth=2');
    expect(two.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['org:lexisnexis', 'public-body:city-of-denver', 'person:matt-lewis']),
    );
    const boardOnly = await get<GraphResponse>('/api/entities/person:vincent-line/neighborhood?depth=2&types=SITS_ON_BOARD');
    expect(boardOnly.nodes.map((n) => n.id).sort()).toEqual([
      'org:lexisnexis-data-warehouse-board',
      'person:matt-lewis',
      'person:vincent-line',
    ]);
    expect(new Set(boardOnly.edges.map((e) => e.type))).toEqual(new Set(['SITS_ON_BOARD']));
  });

  it('keeps to the limit and says the answer was cut', async () => {
    const body = await get<GraphResponse>('/api/entities/org:lexisnexis/neighborhood?depth=3&limit=5');
    expect(body.nodes).toHaveLength(5);
    expect(body.truncated).toBe(true);
    const ids = new Set(body.nodes.map((n) => n.id));
    for (const e of body.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it('rejects a bad depth or type with 400 naming the field', async () => {
    for (const depth of ['0', '4', 'two']) {
      const body = await get<{ error: { code: string; field: string } }>(
        `/api/entities/person:vincent-line/neighborhood?depth=${depth}`,
        400,
      );
      expect(body.error).toMatchObject({ code: 'invalid_parameter', field: 'depth' });
    }
    const body = await get<{ error: { field: string } }>('/api/entities/person:vincent-line/neighborhood?types=DROP_ALL', 400);
    expect(body.error.field).toMatch(/^types/);
  });

  it('answers 404 for an unknown entity', async () => {
    await get('/api/entities/person:nobody/neighborhood', 404);
  });
});

describe('GET /api/paths', () => {
  it('finds Vincent Line -> ICE within 4 hops, every hop cited', async () => {
    const body = await get<PathsResponse>('/api/paths?from=person:vincent-line&to=public-body:ice&maxHops=4');
    expect(body.paths.length).toBeGreaterThan(0);
    const edges = new Map(body.edges.map((e) => [e.id, e]));
    for (const path of body.paths) {
      expect(path.nodeIds[0]).toBe('person:vincent-line');
      expect(path.nodeIds.at(-1)).toBe('public-body:ice');
      expect(path.edgeIds.length).toBeLessThanOrEqual(4);
      expect(path.nodeIds).toContain('org:lexisnexis-data-warehouse-board');
      for (const id of path.edgeIds) {
        const citation = edges.get(id)?.citations[0];
        expect(citation?.quote, id).toBeTruthy();
        expect(citation?.locator, id).toMatch(/^line \d+$/);
      }
    }
  });

  it('goes through provenance links only when asked', async () => {
    const body = await get<PathsResponse>('/api/paths?from=person:vincent-line&to=public-body:ice');
    expect(body.edges.map((e) => e.type)).not.toContain('MENTIONS');
  });

  it('returns an empty list, not an error, when no path is short enough', async () => {
    const body = await get<PathsResponse>('/api/paths?from=person:vincent-line&to=public-body:ice&maxHops=1');
    expect(body).toEqual({ paths: [], nodes: [], edges: [] });
  });

  it('rejects unknown entities with 404 and bad parameters with 400', async () => {
    await get('/api/paths?from=person:vincent-line&to=person:nobody', 404);
    expect(
      (await get<{ error: { field: string } }>('/api/paths?from=person:vincent-line&to=public-body:ice&maxHops=99', 400)).error
        .field,
    ).toBe('maxHops');
    expect(
      (await get<{ error: { field: string } }>('/api/paths?from=person:vincent-line&to=person:vincent-line', 400)).error.field,
    ).toBe('to');
    expect((await get<{ error: { field: string } }>('/api/paths?to=public-body:ice', 400)).error.field).toBe('from');
  });
});

describe('OpenAPI', () => {
  it('documents every API route, and the document is valid OpenAPI', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>('/docs/json');
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/search',
        '/api/entities/{id}',
        '/api/entities/{id}/neighborhood',
        '/api/paths',
        '/api/patterns',
        '/api/conflicts',
        '/api/money-flows',
        '/api/schema/import.json',
      ]),
    );
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });
});
