/**
 * Imports through the API and the CLI against a real Neo4j: each format from fixture files (Arabic and
 * accented names included), all-or-nothing on a bad row (named by its line), idempotent re-imports,
 * dry runs that write nothing, a 1,000+ entity FollowTheMoney file, and the audit trail of every write.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditResponse,
  EntityDetailResponse,
  ImportErrorResponse,
  ImportResult,
  SearchResponse,
} from '../../schemas/index.js';
import { generateFtm } from '../../scripts/generate-ftm.js';
import { createToken } from '../../server/security/tokens.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { csvZip, fixture, graphCounts, removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const actor = uniquePrefix('importer');
let app: FastifyInstance;
let driver: Driver;
/** An editor token named after the test's actor: the audit trail records the token's name. */
let signedIn: { authorization: string };

const FTM = { markers: [':ftm-fxftm-', '/fxftm/'], actor };
const CSV = { markers: ['fxcsv-'], actor };
const JSON_FIXTURE = { markers: ['fxjson-'], actor };

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  for (const set of [FTM, CSV, JSON_FIXTURE]) await removeImported(driver, database, set);
  const token = await createToken(driver, database, { name: actor, role: 'editor', createdBy: 'test' });
  signedIn = { authorization: `Bearer ${token.token}` };
});
afterAll(async () => {
  for (const set of [FTM, CSV, JSON_FIXTURE]) await removeImported(driver, database, { ...set, documentIds: importDocuments });
  await driver.executeQuery('MATCH (t:ApiToken {name: $actor}) DELETE t', { actor }, { database });
  await app.close();
  await driver.close();
});

const importDocuments: string[] = [];

async function postImport(
  body: Buffer | string,
  contentType: string,
  query = '',
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ImportResult & ImportErrorResponse; raw: string }> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/import${query}`,
    payload: body,
    headers: { 'content-type': contentType, ...signedIn, ...headers },
  });
  const parsed = response.headers['content-type']?.toString().startsWith('application/json') ? response.json() : {};
  if (parsed.documentId) importDocuments.push(parsed.documentId);
  return { status: response.statusCode, body: parsed, raw: response.body };
}

async function entity(id: string): Promise<EntityDetailResponse> {
  const response = await app.inject(`/api/entities/${encodeURIComponent(id)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<EntityDetailResponse>();
}

async function exists(id: string): Promise<boolean> {
  return (await app.inject(`/api/entities/${encodeURIComponent(id)}`)).statusCode === 200;
}

describe('FollowTheMoney import', () => {
  it('refuses a file with one bad line, names that line, and writes nothing', async () => {
    const before = await graphCounts(driver, database);
    const lines = fixture('people.ftm.jsonl').toString('utf8').split('\n');
    lines[12] = (lines[12] ?? '').replace('1,250,000', 'lots of money');
    const { status, body } = await postImport(lines.join('\n'), 'application/x-ndjson');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_import');
    expect(body.problems).toEqual([{ line: 13, field: 'properties.amount', message: '"lots of money" is not a number' }]);
    expect(await graphCounts(driver, database)).toEqual(before);
    expect(await exists('person:ftm-fxftm-p-1')).toBe(false);
  });

  it('imports people, companies, public bodies and their links, citing the file line by line', async () => {
    const { status, body } = await postImport(fixture('people.ftm.jsonl'), 'application/x-ndjson', '?filename=people.ftm.json');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      format: 'ftm',
      dryRun: false,
      // 9 things + the file's Document + the sourceUrl Documents (2)
      created: { entities: 12, relationships: 9 },
      updated: { entities: 0, relationships: 0 },
      merged: { entities: 1, relationships: 0 },
      skipped: 1,
    });
    expect(body.unmapped).toEqual([
      { schema: 'Address', property: null, lines: 1, firstLine: 16, reason: 'Address has no place in our model' },
    ]);

    const layla = await entity('person:ftm-fxftm-p-1');
    expect(layla.entity).toMatchObject({ name: 'Layla Haddad', ftmId: 'fxftm-p-1' });
    expect(layla.entity.aliases).toEqual(expect.arrayContaining(['ليلى حداد', 'L. Haddad', 'Laila Haddad']));
    expect(layla.entity.citations).toContainEqual({ documentId: body.documentId, locator: 'line 1', quote: 'Layla Haddad' });
    expect(layla.entity.citations).toHaveLength(2); // the file, and the sourceUrl's Document
    const board = layla.relationships.find((r) => r.type === 'SITS_ON_BOARD');
    expect(board).toMatchObject({ target: 'org:ftm-fxftm-c-1', properties: { seat: 'Chair', start: '2019-03-01' } });

    const ministry = await entity('public-body:ftm-fxftm-pb-1');
    expect(ministry.relationships).toContainEqual(
      expect.objectContaining({
        id: 'rel:ftm-fxftm-pay-1',
        type: 'PAID',
        target: 'org:ftm-fxftm-c-1',
        properties: expect.objectContaining({ amount: 1_250_000, currency: 'EUR', start: '2020-04-20', paymentKind: 'payment' }),
      }),
    );
    const owned = await entity('org:ftm-fxftm-c-2');
    expect(owned.relationships).toContainEqual(
      expect.objectContaining({
        type: 'OWNS',
        source: 'org:ftm-fxftm-c-1',
        properties: expect.objectContaining({ percentage: 75.5 }),
      }),
    );
    expect(owned.relationships).toContainEqual(expect.objectContaining({ type: 'AWARDED_TO', source: 'contract:ftm-fxftm-k-1' }));
    const office = await entity('public-body:ftm-fxftm-pb-2');
    expect(office.relationships).toContainEqual(
      expect.objectContaining({ type: 'PART_OF', target: 'public-body:ftm-fxftm-pb-1' }),
    );
    expect(office.relationships).toContainEqual(
      expect.objectContaining({
        type: 'HOLDS_POSITION',
        source: 'person:ftm-fxftm-p-2',
        properties: expect.objectContaining({ role: 'Director of data', start: '2018-01-01', end: '2020-06' }),
      }),
    );
    const found = await app.inject(`/api/search?q=${encodeURIComponent('ordonez')}`);
    expect(found.json<SearchResponse>().results.map((r) => r.id)).toContain('person:ftm-fxftm-p-2');
  });

  it('updates instead of duplicating when the same file comes again', async () => {
    const before = await graphCounts(driver, database);
    const { status, body } = await postImport(fixture('people.ftm.jsonl'), 'application/x-ndjson', '?filename=people.ftm.json');
    expect(status).toBe(200);
    expect(body.created).toEqual({ entities: 0, relationships: 0 });
    expect(body.updated).toEqual({ entities: 0, relationships: 0 });
    expect(body.unchanged).toEqual({ entities: 12, relationships: 9 });
    expect(body.auditId).toBeNull(); // nothing changed, nothing written
    expect(await graphCounts(driver, database)).toEqual(before);
  });

  it('links to entities imported earlier by their FtM id, and records before and after in the audit trail', async () => {
    const text =
      [
        '{"id":"fxftm-p-2","schema":"Person","caption":"María José Ordóñez Ruiz","properties":{"name":["María José Ordóñez Ruiz"]}}',
        '{"id":"fxftm-d-2","schema":"Directorship","properties":{"director":["fxftm-p-2"],"organization":["fxftm-c-2"],"role":["Board member"]}}',
      ].join('\n') + '\n';
    const { status, body } = await postImport(text, 'application/x-ndjson', '?format=ftm&filename=update.ftm.json');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ created: { entities: 1, relationships: 1 }, updated: { entities: 1, relationships: 0 } });

    const audit = await app.inject('/api/audit?entity=person:ftm-fxftm-p-2&limit=5');
    expect(audit.statusCode).toBe(200);
    const [latest] = audit.json<AuditResponse>().entries;
    expect(latest).toMatchObject({ id: body.auditId, actor, route: 'POST /api/import', action: 'import' });
    const change = latest?.changes?.find((c) => c.id === 'person:ftm-fxftm-p-2');
    expect(change).toMatchObject({
      op: 'updated',
      before: expect.objectContaining({ name: 'María José Ordóñez' }),
      after: expect.objectContaining({ name: 'María José Ordóñez Ruiz' }),
    });
    expect(latest?.changes?.map((c) => c.id)).toContain('rel:ftm-fxftm-d-2'); // its end is this person
  });
});

describe('CSV import', () => {
  it('refuses a zip with one bad row, naming the file, line and column, and writes nothing', async () => {
    const before = await graphCounts(driver, database);
    const zip = csvZip((file, text) =>
      file === 'relationships.csv' ? text.replace(',contract:fxcsv-2020-17,2020-04', ',contract:fxcsv-nowhere,2020-04') : text,
    );
    const { status, body } = await postImport(zip, 'application/zip');
    expect(status).toBe(400);
    expect(body.problems).toEqual([
      { file: 'relationships.csv', line: 3, field: 'target', message: 'unknown entity "contract:fxcsv-nowhere"' },
    ]);
    expect(await graphCounts(driver, database)).toEqual(before);
  });

  it('reports in a dry run what it would create, and writes nothing', async () => {
    const before = await graphCounts(driver, database);
    const { status, body } = await postImport(csvZip(), 'application/zip', '?dryRun=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, created: { entities: 6, relationships: 3 }, auditId: null });
    expect(await graphCounts(driver, database)).toEqual(before);
    expect(await exists('person:fxcsv-ordonez')).toBe(false);
  });

  it('imports entities and relationships with their citation columns, and again changes nothing', async () => {
    const { status, body } = await postImport(csvZip(), 'application/zip', '?filename=contratos.zip');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ format: 'csv', created: { entities: 6, relationships: 3 } });
    const person = await entity('person:fxcsv-ordonez');
    expect(person.entity.aliases).toEqual(['Maria Jose Ordonez', 'ماريا خوسيه أوردونيز']);
    const seat = person.relationships.find((r) => r.id === 'rel:fxcsv-board');
    expect(seat?.citations).toEqual([
      { documentId: 'document:fxcsv-register', locator: 'p. 3', quote: 'consejera | miembro del consejo' },
      { documentId: 'document:fxcsv-register', locator: 'p. 9', quote: 'segunda mención' },
      {
        documentId: body.documentId,
        locator: 'relationships.csv line 2',
        quote: 'person:fxcsv-ordonez SITS_ON_BOARD org:fxcsv-datos',
      },
    ]);
    const company = await entity('org:fxcsv-datos');
    expect(company.entity.citations.slice(0, 2).map((c) => c.locator)).toEqual(['p. 4', 'p. 5']);
    const ministry = await entity('public-body:fxcsv-interior');
    expect(ministry.entity.name).toBe('وزارة الداخلية');
    expect(ministry.relationships.map((r) => r.id)).toEqual(['rel:public-body-fxcsv-interior-buyer_of-contract-fxcsv-2020-17']);
    const contract = await entity('contract:fxcsv-2020-17');
    expect(contract.entity).toMatchObject({ amount: 750_000, currency: 'EUR', signedOn: '2020-04' });

    const before = await graphCounts(driver, database);
    const again = await postImport(csvZip(), 'application/zip', '?filename=contratos.zip');
    expect(again.body).toMatchObject({
      created: { entities: 0, relationships: 0 },
      unchanged: { entities: 6, relationships: 3 },
    });
    expect(await graphCounts(driver, database)).toEqual(before);
  });
});

describe('Interlock JSON import', () => {
  it('imports our own format through the API, streaming progress when asked, and names bad fields', async () => {
    const bad = JSON.parse(fixture('people.interlock.json').toString('utf8')) as { relationships: { target: string }[] };
    bad.relationships[0]!.target = 'org:fxjson-nowhere';
    const text = JSON.stringify(bad, null, 2);
    const refused = await postImport(text, 'application/json');
    expect(refused.status).toBe(400);
    // The path names the field; the line is where that value sits in the file.
    const line = text.slice(0, text.indexOf('"org:fxjson-nowhere"')).split('\n').length;
    expect(refused.body.problems).toEqual([
      { line, field: 'relationships.0.target', message: 'unknown entity "org:fxjson-nowhere"' },
    ]);

    const response = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: fixture('people.interlock.json'),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...signedIn },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = response.body
      .trim()
      .split('\n\n')
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
      }));
    expect(events.filter((e) => e.event === 'progress').map((e) => e.data.phase)).toEqual(
      expect.arrayContaining(['parse', 'validate', 'entities']),
    );
    expect(events.at(-1)).toMatchObject({
      event: 'result',
      data: { format: 'json', created: { entities: 3, relationships: 1 }, documentId: null },
    });
    const sara = await entity('person:fxjson-sara');
    expect(sara.relationships[0]).toMatchObject({ type: 'HOLDS_POSITION', properties: { role: 'Directrice générale' } });
    const found = await app.inject(`/api/search?q=${encodeURIComponent('المنصوري')}`);
    expect(found.json<SearchResponse>().results.map((r) => r.id)).toContain('person:fxjson-sara');
  });

  it('answers 400 when the format cannot be told', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: 'x',
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(response.statusCode).toBe(400);
    // Without a format, the content decides (detect.ts); one byte of text is no format of ours.
    expect(response.json()).toMatchObject({ error: { code: 'unknown_format', field: 'format' } });
  });
});

describe('a large FollowTheMoney file', () => {
  it('imports 1,000+ entities and all their relationships in one go', async () => {
    const prefix = uniquePrefix('ftmbig');
    const generated = generateFtm(1_200, 7, prefix);
    try {
      const started = performance.now();
      const { status, body } = await postImport(generated.text, 'application/x-ndjson', '?filename=big.ftm.json');
      const seconds = (performance.now() - started) / 1000;
      expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
      expect(body.created.entities).toBeGreaterThanOrEqual(1_200);
      expect(body.skipped).toBe(0);
      const { records } = await driver.executeQuery(
        'MATCH ()-[r]->() WHERE r.ftmId STARTS WITH $prefix RETURN count(r) AS n',
        { prefix: `${prefix}-` },
        { database },
      );
      expect(records[0]?.get('n')).toBe(body.created.relationships);
      expect(body.created.relationships).toBeGreaterThan(generated.links);
      console.info(
        `[import benchmark] FtM: ${generated.things} things, ${body.created.entities} entities, ${body.created.relationships} relationships in ${seconds.toFixed(2)} s (${Math.round(body.created.relationships / seconds)} rel/s)`,
      );
      const audit = await app.inject(`/api/audit?limit=1`);
      expect(audit.json<AuditResponse>().entries[0]).toMatchObject({ id: body.auditId, changes: null }); // too large for detail
      expect(audit.json<AuditResponse>().entries[0]?.relationshipIds).toHaveLength(body.created.relationships);
    } finally {
      await removeImported(driver, database, { markers: [`:ftm-${prefix}-`], documentIds: importDocuments });
    }
  });
});

describe('the CLI', () => {
  it('imports a file, infers its format from the extension, and writes nothing in a dry run', async () => {
    const connection = testConnection();
    const run = (...args: string[]) =>
      promisify(execFile)('node', ['--import', 'tsx', 'server/cli.ts', 'import', ...args], {
        env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
      });
    await removeImported(driver, database, JSON_FIXTURE);
    const before = await graphCounts(driver, database);
    const dry = await run('tests/fixtures/imports/people.interlock.json', '--dry-run');
    expect(JSON.parse(dry.stdout)).toMatchObject({ format: 'json', dryRun: true, created: { entities: 3, relationships: 1 } });
    expect(await graphCounts(driver, database)).toEqual(before);

    const real = await run('tests/fixtures/imports/people.interlock.json');
    const result = JSON.parse(real.stdout) as ImportResult;
    expect(result.created).toEqual({ entities: 3, relationships: 1 });
    const audit = await app.inject('/api/audit?entity=person:fxjson-sara&limit=1');
    expect(audit.json<AuditResponse>().entries[0]).toMatchObject({
      id: result.auditId,
      route: 'cli import',
      actor: expect.stringMatching(/^cli:/),
    });
    await removeImported(driver, database, JSON_FIXTURE);
    await driver.executeQuery('MATCH (a:AuditEntry {id: $id}) DELETE a', { id: result.auditId }, { database });
  });
});
