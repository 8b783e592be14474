/**
 * LittleSis, OCDS and USAspending through POST /api/import against a real Neo4j, on the real samples of
 * tests/fixtures/sources: the format told from the content (gzip too), counts and amounts checked
 * against the files, re-imports that change nothing, a relationships file finding its ends by LittleSis
 * id, and one identity across sources: an entity with a known identifier attaches to the stored one,
 * a name alone never does.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatesResponse, EntityDetailResponse, ImportErrorResponse, ImportResult } from '../../schemas/index.js';
import { createToken } from '../../server/security/tokens.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { findingsCaughtUp } from './helpers/findings.js';
import { removeImported, removeImportedAudited } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';
import { awardUpdateOf, type SampleAward, type SampleRelease } from '../setup/ocds-update.js';

const { database } = testConnection();
const actor = uniquePrefix('sources');
const MARKERS = [':littlesis-', ':ocds-', ':usaspending-', ':uei-', ':usa-', 'fxsrc-', 'rel:usa-'];
const DOCUMENTS = ['document:littlesis', 'document:usaspending'];
let app: FastifyInstance;
let driver: Driver;
let signedIn: { authorization: string };
const importDocuments: string[] = [...DOCUMENTS];

const read = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url));

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  await removeImported(driver, database, { markers: MARKERS, documentIds: DOCUMENTS });
  const token = await createToken(driver, database, { name: actor, role: 'editor', createdBy: 'test' });
  signedIn = { authorization: `Bearer ${token.token}` };
});
afterAll(async () => {
  // Through the audit trail, and waited for: the stored findings the files after this one read are true.
  await removeImportedAudited(driver, database, { markers: MARKERS, documentIds: importDocuments, actor });
  // The deletion was not made through the app: asking for findings sets it following the audit trail.
  expect((await app.inject('/api/conflicts/status')).statusCode).toBe(200);
  await findingsCaughtUp(driver, database);
  await driver.executeQuery('MATCH (t:ApiToken {name: $actor}) DELETE t', { actor }, { database });
  await app.close();
  await driver.close();
});

async function postImport(body: Buffer | string, query = '', contentType = 'application/octet-stream') {
  const response = await app.inject({
    method: 'POST',
    url: `/api/import${query}`,
    payload: body,
    headers: { 'content-type': contentType, ...signedIn },
  });
  const parsed = response.json<ImportResult & ImportErrorResponse>();
  if (parsed.documentId) importDocuments.push(parsed.documentId);
  return { status: response.statusCode, body: parsed };
}

async function entity(id: string): Promise<EntityDetailResponse> {
  const response = await app.inject(`/api/entities/${encodeURIComponent(id)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<EntityDetailResponse>();
}

describe('OCDS', () => {
  const bytes = read('contracts-finder.ocds.json');
  const pkg = JSON.parse(bytes.toString('utf8')) as {
    releases: { awards: { value: { amount: number } }[]; parties: unknown[] }[];
  };
  const awards = pkg.releases.flatMap((r) => r.awards);

  it('previews, imports, and on a second import changes nothing', async () => {
    const dry = await postImport(bytes, '?dryRun=1&filename=contracts-finder.json');
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    // Parties of every release, a contract per award, and the package's Document.
    const parties = pkg.releases.reduce((n, r) => n + r.parties.length, 0);
    expect(dry.body).toMatchObject({
      format: 'ocds',
      dryRun: true,
      created: { entities: parties + awards.length + 1, relationships: 2 * awards.length },
    });
    const real = await postImport(bytes, '?filename=contracts-finder.json');
    expect(real.body.created).toEqual(dry.body.created);
    const again = await postImport(bytes, '?filename=contracts-finder.json');
    expect(again.body).toMatchObject({
      created: { entities: 0, relationships: 0 },
      updated: { entities: 0, relationships: 0 },
      auditId: null,
    });

    const { records } = await driver.executeQuery(
      `MATCH (b:PublicBody)-[:BUYER_OF]->(c:Contract)-[:AWARDED_TO]->(s:Organization) WHERE c.id STARTS WITH 'contract:ocds-'
       RETURN sum(c.amount) AS total, count(*) AS chains`,
      {},
      { database },
    );
    expect(records[0]?.get('chains')).toBe(awards.length);
    expect(records[0]?.get('total')).toBeCloseTo(
      awards.reduce((sum, a) => sum + a.value.amount, 0),
      2,
    );
  });
});

describe('OCDS: a partial release imported later', () => {
  const bytes = read('contracts-finder.ocds.json');
  const first = (JSON.parse(bytes.toString('utf8')) as { releases: SampleRelease[] }).releases[0] as SampleRelease;
  const award = first.awards[0] as SampleAward;

  it('keeps what the contract in the database had and the release leaves out; takes what it gives', async () => {
    // The sample is in the database (imported again here: this test does not lean on the one before).
    expect((await postImport(bytes, '?filename=contracts-finder.json')).status).toBe(200);
    // An update as a publisher sends one, derived from the real release (only what changed).
    const partial = awardUpdateOf(first);
    const result = await postImport(JSON.stringify({ releases: [partial] }), '?filename=update.json');
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.updated.entities).toBe(1);

    const { records } = await driver.executeQuery(
      `MATCH (b:PublicBody)-[:BUYER_OF]->(c:Contract)-[a:AWARDED_TO]->(s:Organization)
       WHERE c.identifierValues = [$key]
       RETURN c {.*} AS contract, a.amount AS linkAmount, a.currency AS linkCurrency, a.end AS linkEnd,
         b.name AS buyer, s.name AS supplier`,
      { key: `${first.ocid}/${award.id}` },
      { database },
    );
    expect(records).toHaveLength(1);
    const row = records[0]?.toObject() as Record<string, unknown> & { contract: Record<string, unknown> };
    expect(row.contract).toMatchObject({
      name: first.tender.title,
      amount: 50000,
      currency: award.value.currency,
      start: award.contractPeriod.startDate.slice(0, 10),
      signedOn: award.date.slice(0, 10),
      sourceDate: partial.date,
      amendmentDates: ['2023-01-09'],
      amendmentDescriptions: ['Licences added'],
    });
    expect(row.contract.end).toBeUndefined();
    expect(String(row.contract.description)).toContain('status active');
    expect(row).toMatchObject({
      linkAmount: 50000,
      linkCurrency: award.value.currency,
      linkEnd: null,
      buyer: first.buyer.name,
      supplier: award.suppliers[0]?.name,
    });
  });
});

describe('USAspending', () => {
  const text = read('nasa-contracts.usaspending.csv');
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it('imports a gzipped award download: contracts with their obligations, cited to their permalinks', async () => {
    const result = await postImport(gzipSync(text), '?filename=nasa.csv.gz', 'application/gzip');
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.format).toBe('usaspending');
    const contract = await entity('contract:usaspending-cont_awd_80gsfc18c0008_8000_-none-_-none-');
    expect(contract.entity).toMatchObject({
      kind: 'Contract',
      amount: Number(rows[0]?.total_dollars_obligated),
      currency: 'USD',
    });
    expect(contract.entity.citations[0]).toMatchObject({
      documentId: 'document:usaspending',
      locator: `line 2 · ${rows[0]?.usaspending_permalink}`,
    });
  });

  it('attaches an entity with a known UEI to the stored one (names, citations add up); a name alone stays apart', async () => {
    const before = await entity('org:uei-hlwweh2ccxw5');
    const file = {
      format: 'interlock/1',
      entities: [
        { id: 'document:fxsrc-note', kind: 'Document', name: 'A note', title: 'A note on Boeing in Houston' },
        {
          id: 'org:fxsrc-boeing-houston',
          kind: 'Organization',
          name: 'Boeing Houston',
          identifiers: [{ scheme: 'uei', value: 'HLWWEH2CCXW5' }],
          status: 'reported',
          citations: [{ documentId: 'document:fxsrc-note', locator: 'p. 1', quote: 'Boeing in Houston' }],
        },
        {
          id: 'org:fxsrc-lockheed',
          kind: 'Organization',
          name: 'LOCKHEED MARTIN CORP',
          status: 'reported',
          citations: [{ documentId: 'document:fxsrc-note', locator: 'p. 2', quote: 'Lockheed Martin' }],
        },
      ],
      relationships: [],
    };
    const result = await postImport(JSON.stringify(file), '', 'application/json');
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ attached: 1, created: { entities: 2 }, updated: { entities: 1 } });
    const after = await entity('org:uei-hlwweh2ccxw5');
    expect(after.entity.name).toBe('THE BOEING COMPANY');
    expect(after.entity.aliases).toContain('Boeing Houston');
    expect(after.entity.citations).toHaveLength(before.entity.citations.length + 1);
    const { records } = await driver.executeQuery(
      'MATCH (n:Entity {id: $id}) RETURN count(n) AS n',
      { id: 'org:fxsrc-boeing-houston' },
      { database },
    );
    expect(records[0]?.get('n')).toBe(0);
    // The same file again changes nothing: the attached id now resolves through the entity's merged ids.
    const again = await postImport(JSON.stringify(file), '', 'application/json');
    expect(again.body).toMatchObject({ created: { entities: 0 }, updated: { entities: 0 } });
    // Same name, no identifier: a second entity, offered as a duplicate for a person to decide.
    expect((await entity('org:fxsrc-lockheed')).entity.name).toBe('LOCKHEED MARTIN CORP');
    const pairs = await app.inject('/api/duplicates?entity=org:fxsrc-lockheed');
    const ids = pairs.json<DuplicatesResponse>().pairs.flatMap((p) => [p.a.id, p.b.id]);
    expect(ids).toContain('org:uei-fyhna5wc8xd7');
  });

  it('says which formats it takes when the content is none of them', async () => {
    const result = await postImport('name,amount\nx,1\n');
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ code: 'unknown_format', field: 'format' });
  });
});

describe('LittleSis', () => {
  it('imports the entities file, then a relationships file whose ends it finds by LittleSis id', async () => {
    const entities = await postImport(read('littlesis-entities.json'));
    expect(entities.status, JSON.stringify(entities.body)).toBe(200);
    expect(entities.body).toMatchObject({ format: 'littlesis', created: { entities: 6, relationships: 0 } });
    const relationships = await postImport(read('littlesis-relationships.jsonl'));
    expect(relationships.body).toMatchObject({ format: 'littlesis', created: { relationships: 1 }, skipped: 0 });
    const adams = await entity('person:littlesis-115495');
    const seat = adams.relationships.find((e) => e.id === 'rel:littlesis-541800');
    expect(seat).toMatchObject({ type: 'HOLDS_POSITION', target: 'org:littlesis-36932', properties: { role: 'Senator' } });
    expect(seat?.citations[0]?.locator).toBe('https://littlesis.org/relationships/541800');
  });
});

describe('the stored findings', () => {
  it('are brought up to date in the background after an import from each source, streamed with progress or not', async () => {
    // What the tests above imported goes, so each file below changes the graph again.
    await removeImported(driver, database, { markers: MARKERS, documentIds: importDocuments });
    // The page has asked for findings once (a process nobody asks does no work for them).
    expect((await app.inject('/api/conflicts/status')).statusCode).toBe(200);
    const before = await findingsCaughtUp(driver, database);
    // A streamed import (what the page sends, with progress events), then plain ones: no request for
    // findings in between; the state read from the database catches up with each import.
    const streamed = await app.inject({
      method: 'POST',
      url: '/api/import?filename=nasa-contracts.csv.gz',
      payload: gzipSync(read('nasa-contracts.usaspending.csv')),
      headers: { 'content-type': 'application/gzip', accept: 'text/event-stream', ...signedIn },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.body).toContain('event: result');
    const afterStreamed = await findingsCaughtUp(driver, database);
    expect(afterStreamed.graphVersion).not.toBe(before.graphVersion);
    let last = afterStreamed.graphVersion;
    for (const name of ['contracts-finder.ocds.json', 'littlesis-entities.json']) {
      const imported = await postImport(read(name));
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      const caughtUp = await findingsCaughtUp(driver, database);
      expect(caughtUp.graphVersion, name).not.toBe(last);
      last = caughtUp.graphVersion;
    }
  }, 600_000);
});
