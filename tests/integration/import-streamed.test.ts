/**
 * Files larger than one chunk stream through the import (ADR 0024, 0031): LittleSis, OCDS and
 * USAspending, read a chunk of records at a time, each written in batch transactions under one undo log.
 * Small chunks make small files "large" here. Counts are checked against the generated records and the
 * real samples; a dry run writes nothing; a problem in the last chunk undoes what earlier chunks wrote
 * and names its record or line; a re-import changes nothing; the audit entry is one for the whole file.
 * For contracts: a link whose ends are in different chunks, the latest release winning across chunks, an
 * older release in a later file leaving the contract alone, rows of one award over several chunks.
 * What the tests wrote is removed through the audit trail, so the stored findings stay true.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../schemas/index.js';
import { ImportValidationError } from '../../server/services/import-validation.js';
import { runImport } from '../../server/services/imports/import-service.js';
import { LITTLESIS_CATEGORIES } from '../../server/services/imports/sources/littlesis.js';
import { littleSisRecords, littleSisText, type LittleSisShape } from '../../scripts/sources/littlesis.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported, removeImportedAudited } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const actor = uniquePrefix('streamed');
// LittleSis ids far from the real ones of the fixtures and from other runs.
const idBase = 7_000_000_000 + (process.pid % 100_000) * 1_000;
const shape: LittleSisShape = { entities: 40, relationships: 120, idBase };
const tuning = { chunkRecords: 50, batchSize: 100 };
const base = String(idBase).slice(0, 7);
// A token in every id the contract files below give (ocids, identifiers, award keys, agency codes).
const token = `zq${process.pid}`;
const MARKERS = [`:littlesis-${base}`, token];
const documents: string[] = [];
let usaspendingDocumentBefore = true;
let driver: Driver;

const fileOf = (layout: 'array' | 'lines', edit?: (records: Record<string, unknown>[]) => void) => {
  if (!edit) return Buffer.from([...littleSisText(shape, layout)].join(''));
  const records = [...littleSisRecords(shape)];
  edit(records);
  const text =
    layout === 'array'
      ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`
      : records.map((r) => JSON.stringify(r)).join('\n');
  return Buffer.from(text);
};

const run = (bytes: Uint8Array, dryRun: boolean, fileName = 'relationships.json.gz') =>
  runImport(driver, database, { bytes, fileName }, { dryRun, actor, route: 'test', tuning });

async function countOurs(): Promise<{ entities: number; relationships: number; undo: number; audit: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n:Entity) WHERE n.id CONTAINS ':littlesis-' + $base RETURN count(n) AS entities }
     CALL () { MATCH ()-[r]->() WHERE r.id STARTS WITH 'rel:littlesis-' + $base RETURN count(r) AS relationships }
     CALL () { MATCH (u:ImportUndo {actor: $actor}) RETURN count(u) AS undo }
     CALL () { MATCH (a:AuditEntry {actor: $actor, action: 'import'}) RETURN count(a) AS audit }
     RETURN entities, relationships, undo, audit`,
    { base, actor },
    { database },
  );
  const r = records[0]!;
  return {
    entities: Number(r.get('entities')),
    relationships: Number(r.get('relationships')),
    undo: Number(r.get('undo')),
    audit: Number(r.get('audit')),
  };
}

beforeAll(async () => {
  driver = testDriver();
  await removeImported(driver, database, { markers: MARKERS, actor });
  const { records } = await driver.executeQuery(
    "MATCH (d:Entity {id: 'document:usaspending'}) RETURN count(d) AS n",
    {},
    { database },
  );
  usaspendingDocumentBefore = Number(records[0]?.get('n')) > 0;
});
afterAll(async () => {
  await removeImportedAudited(driver, database, {
    markers: MARKERS,
    documentIds: [...documents, ...(usaspendingDocumentBefore ? [] : ['document:usaspending'])],
    actor,
  });
  await driver.close();
});

describe('a LittleSis file larger than a chunk', { timeout: 180_000 }, () => {
  const gz = gzipSync(fileOf('array'));

  it('dry run: counts every record of every chunk and writes nothing', async () => {
    const result = await run(gz, true);
    expect(result).toMatchObject({ format: 'littlesis', dryRun: true, auditId: null, skipped: 0 });
    expect(result.created.entities).toBe(shape.entities + 1); // and the LittleSis Document, once
    expect(result.created.relationships).toBe(shape.relationships);
    expect(await countOurs()).toEqual({ entities: 0, relationships: 0, undo: 0, audit: 0 });
  });

  it('a problem in a late chunk: nothing stays, and the problem names its record', async () => {
    const bad = gzipSync(
      fileOf('array', (records) => {
        const late = records[shape.entities + 110]!;
        (late.attributes as Record<string, unknown>).category_id = 99;
      }),
    );
    const error = await run(bad, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    const problems = (error as ImportValidationError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'category_id' });
    expect(problems[0]!.message).toContain(`record ${shape.entities + 111}`);
    expect(await countOurs()).toMatchObject({ entities: 0, relationships: 0, undo: 0, audit: 0 });
  });

  it('JSON lines: a bad line is named by its line number, nothing written', async () => {
    const lines = fileOf('lines').toString('utf8').split('\n');
    lines[130] = '{"type": "relationships", "id": 1, "attributes": {';
    const error = await run(Buffer.from(lines.join('\n')), false, 'relationships.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems[0]).toMatchObject({ line: 131, field: '(line)' });
    expect(await countOurs()).toMatchObject({ entities: 0, relationships: 0, undo: 0 });
  });

  it('imports every chunk, one audit entry, no undo log left; amounts as in the file; a re-import changes nothing', async () => {
    const progress: string[] = [];
    const result = await runImport(
      driver,
      database,
      { bytes: gz, fileName: 'all.json.gz' },
      { dryRun: false, actor, route: 'test', tuning, onProgress: (p) => progress.push(p.phase) },
    );
    expect(result.created).toEqual({ entities: shape.entities + 1, relationships: shape.relationships });
    expect(result.auditId).toMatch(/^audit:/);
    expect(progress).toContain('relationships');
    expect(progress.at(-1)).toBe('done');
    expect(await countOurs()).toEqual({ entities: shape.entities, relationships: shape.relationships, undo: 0, audit: 1 });

    // Donations are PAID with the generated amount; computed here from the generated records.
    const donations = [...littleSisRecords(shape)]
      .map((r) => r.attributes as Record<string, unknown>)
      .filter((a) => a.category_id === 5);
    const expected = donations.reduce((sum, a) => sum + Number(a.amount), 0);
    const { records } = await driver.executeQuery(
      `MATCH ()-[r:PAID]->() WHERE r.id STARTS WITH 'rel:littlesis-' + $base AND r.paymentKind = 'donation'
       RETURN count(r) AS n, sum(r.amount) AS total`,
      { base },
      { database },
    );
    expect(LITTLESIS_CATEGORIES[5]).toBe('donation');
    expect(Number(records[0]?.get('n'))).toBe(donations.length);
    expect(Number(records[0]?.get('total'))).toBeCloseTo(expected, 2);

    const again = await run(gz, false);
    expect(again.created).toEqual({ entities: 0, relationships: 0 });
    expect(again.updated).toEqual({ entities: 0, relationships: 0 });
    expect(again.unchanged.relationships).toBe(shape.relationships);
    expect(again.auditId).toBeNull();
  });
});

// ------------------------------------------------------------------ contracts

const chunked = { chunkRecords: 3, batchSize: 50 };

async function importContracts(bytes: Uint8Array, fileName: string, dryRun = false) {
  const result = await runImport(driver, database, { bytes, fileName }, { dryRun, actor, route: 'test', tuning: chunked });
  if (result.documentId) documents.push(result.documentId);
  return result;
}

async function one<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const { records } = await driver.executeQuery(query, { token, ...params }, { database });
  return records[0]?.toObject() as T;
}

/** An award release of process `n`: buyer B(n % 2), supplier S(n % 4) with its company number. */
function release(n: number, date: string, amount: number, extra: Record<string, unknown> = {}) {
  const buyer = `GB-GOR-${token}B${n % 2}`;
  const supplier = `GB-COH-${token}S${n % 4}`;
  return {
    ocid: `ocds-${token}-${n}`,
    id: `${token}-${n}-${date.slice(0, 10)}`,
    date,
    tag: ['award'],
    parties: [
      { id: buyer, name: `Buyer ${n % 2}`, identifier: { scheme: 'GB-GOR', id: `${token}B${n % 2}` }, roles: ['buyer'] },
      {
        id: supplier,
        name: `SUPPLIER ${n % 4} LIMITED`,
        identifier: { scheme: 'GB-COH', id: `${token}S${n % 4}` },
        roles: ['supplier'],
      },
    ],
    buyer: { id: buyer, name: `Buyer ${n % 2}` },
    awards: [
      {
        id: `A${n}`,
        title: `Contract ${n}`,
        value: { amount, currency: 'GBP' },
        suppliers: [{ id: supplier, name: `SUPPLIER ${n % 4} LIMITED` }],
      },
    ],
    ...extra,
  };
}

describe('an OCDS package larger than a chunk', { timeout: 180_000 }, () => {
  // Ten processes, then: process 0 again, later and amended (its contract must change), and process 11
  // naming its supplier only by id (the party an earlier chunk described).
  const releases: Record<string, unknown>[] = Array.from({ length: 10 }, (_, n) =>
    release(n, `2024-01-${String(n + 1).padStart(2, '0')}T09:00:00Z`, 1000 * (n + 1)),
  );
  const amended = release(0, '2024-06-01T09:00:00Z', 5555.5, {
    tender: { id: 'T0', tenderers: [{ id: `GB-COH-${token}S1`, name: 'SUPPLIER 1 LIMITED' }] },
    contracts: [
      {
        id: 'C0',
        awardID: 'A0',
        amendments: [{ date: '2024-05-30', rationale: 'Scope extended', description: 'Two more sites' }],
        implementation: {
          transactions: [
            {
              id: 'T1',
              date: '2024-07-01T00:00:00Z',
              value: { amount: 1234.5, currency: 'GBP' },
              payer: { id: `GB-GOR-${token}B0`, name: 'Buyer 0' },
              payee: { id: `GB-COH-${token}S0`, name: 'SUPPLIER 0 LIMITED' },
            },
          ],
        },
      },
    ],
  });
  const byIdOnly = {
    ...release(11, '2024-02-01T09:00:00Z', 777),
    parties: [release(11, '', 0).parties[0]],
  };
  const all = [...releases, amended, byIdOnly];
  // The package's publisher is written after its releases.
  const text = JSON.stringify({
    uri: `https://example.org/${token}.json`,
    releases: all,
    publisher: { name: `Publisher ${token}` },
  });
  const gz = gzipSync(text);

  it('dry run: counts every chunk, writes nothing', async () => {
    const result = await importContracts(gz, 'package.json.gz', true);
    expect(result).toMatchObject({ format: 'ocds', dryRun: true, auditId: null });
    // 2 buyers + 4 suppliers + 11 contracts + the Document; the contract a later chunk replaces, updated.
    expect(result.created.entities).toBe(2 + 4 + 11 + 1);
    expect(result.updated.entities).toBe(1);
    expect(await one<{ n: number }>('MATCH (n:Entity) WHERE n.id CONTAINS $token RETURN count(n) AS n')).toEqual({ n: 0 });
  });

  it('the first pass (the hash that names the Document) reports its progress through the same listener', async () => {
    const progress: ImportProgress[] = [];
    const result = await runImport(
      driver,
      database,
      { bytes: gz, fileName: 'package.json.gz' },
      { dryRun: true, actor, route: 'test', tuning: chunked, onProgress: (p) => progress.push(p) },
    );
    expect(result.created.entities).toBe(2 + 4 + 11 + 1);
    const scan = progress.filter((p) => p.phase === 'scan');
    expect(scan[0]).toEqual({ phase: 'scan', done: 0, total: gz.length });
    expect(scan.at(-1)).toEqual({ phase: 'scan', done: gz.length, total: gz.length });
    // All of it before the second pass compares anything, which reports in the same unit (bytes as stored).
    const lastScan = progress.findLastIndex((p) => p.phase === 'scan');
    expect(progress.findIndex((p) => p.phase === 'compare')).toBeGreaterThan(lastScan);
    const parse = progress.filter((p) => p.phase === 'parse' && p.total > 1);
    expect(parse.length).toBeGreaterThan(0);
    expect(parse.every((p) => p.total === gz.length)).toBe(true);
  });

  it('a problem in the last chunk: nothing stays, and the problem names its line', async () => {
    const before = await countOurs();
    const lines = [...all.map((r) => JSON.stringify(r)), JSON.stringify({ id: 'no-ocid', date: '2024-01-01' })];
    const error = await importContracts(Buffer.from(lines.join('\n')), 'releases.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems).toEqual([expect.objectContaining({ line: lines.length, field: 'ocid' })]);
    expect(await one<{ n: number }>('MATCH (n:Entity) WHERE n.id CONTAINS $token RETURN count(n) AS n')).toEqual({ n: 0 });
    expect(await countOurs()).toMatchObject({ undo: 0, audit: before.audit });
  });

  it('imports every chunk: the latest release wins, links find ends of earlier chunks, one audit entry', async () => {
    const before = await countOurs();
    const result = await importContracts(gz, 'package.json.gz');
    expect(result.auditId).toMatch(/^audit:/);
    expect(await countOurs()).toMatchObject({ undo: 0, audit: before.audit + 1 });
    const document = await one<{ publisher: string; url: string }>(
      'MATCH (d:Document {id: $id}) RETURN d.publisher AS publisher, d.url AS url',
      { id: result.documentId },
    );
    expect(document).toEqual({ publisher: `Publisher ${token}`, url: `https://example.org/${token}.json` });

    const contracts = await one<{ n: number; total: number }>(
      "MATCH (c:Contract) WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token RETURN count(c) AS n, sum(c.amount) AS total",
    );
    const expected = [...releases.slice(1), amended, byIdOnly].reduce(
      (sum, r) => sum + ((r.awards as { value: { amount: number } }[])[0]?.value.amount ?? 0),
      0,
    );
    expect(Number(contracts.n)).toBe(11);
    expect(contracts.total).toBeCloseTo(expected, 2);
    const first = await one<Record<string, unknown>>(
      `MATCH (b:PublicBody)-[:BUYER_OF]->(c:Contract)-[a:AWARDED_TO]->(s:Organization)
       WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-0'
       RETURN c.amount AS amount, c.sourceDate AS sourceDate, c.amendmentDates AS dates,
         c.amendmentDescriptions AS said, a.amount AS awarded, s.name AS supplier`,
    );
    expect(first).toEqual({
      amount: 5555.5,
      sourceDate: '2024-06-01T09:00:00Z',
      dates: ['2024-05-30'],
      said: ['Scope extended: Two more sites'],
      awarded: 5555.5,
      supplier: 'SUPPLIER 0 LIMITED',
    });
    // Process 11 named its supplier by id only: the supplier an earlier chunk gave, by its company number.
    const late = await one<{ supplier: string; ids: string[] }>(
      `MATCH (c:Contract)-[:AWARDED_TO]->(s:Organization) WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-11'
       RETURN s.id AS supplier, s.identifierValues AS ids`,
    );
    expect(late.ids).toEqual([`${token}S3`]);
    // The tenderer bid for the contract; the payment went from the buyer to the supplier.
    const tenderer = await one<{ relation: string; name: string }>(
      `MATCH (t:Organization)-[l:LINKED_TO]->(c:Contract) WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-0'
       RETURN l.relation AS relation, t.name AS name`,
    );
    expect(tenderer).toEqual({ relation: 'tenderer', name: 'SUPPLIER 1 LIMITED' });
    const paid = await one<Record<string, unknown>>(
      `MATCH (p:PublicBody)-[r:PAID]->(s:Organization) WHERE r.id CONTAINS $token
       RETURN p.name AS payer, s.name AS payee, r.amount AS amount, r.currency AS currency, r.start AS date`,
    );
    expect(paid).toEqual({ payer: 'Buyer 0', payee: 'SUPPLIER 0 LIMITED', amount: 1234.5, currency: 'GBP', date: '2024-07-01' });

    const again = await importContracts(gz, 'package.json.gz');
    expect(again.created).toEqual({ entities: 0, relationships: 0 });
    expect(again.auditId).toBeNull();
  });

  it('an older release in a later file does not overwrite the contract; a newer one does', async () => {
    const older = JSON.stringify(release(0, '2024-03-01T09:00:00Z', 1.25));
    const result = await importContracts(Buffer.from(older), 'older.json');
    expect(result.skipped).toBe(1);
    expect(result.warnings[0]?.message).toContain('older than the one already imported');
    const kept = await one<{ amount: number; sourceDate: string }>(
      "MATCH (c:Contract) WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-0' RETURN c.amount AS amount, c.sourceDate AS sourceDate",
    );
    expect(kept).toEqual({ amount: 5555.5, sourceDate: '2024-06-01T09:00:00Z' });
    const newer = JSON.stringify(release(0, '2024-09-01T09:00:00Z', 6000));
    await importContracts(Buffer.from(newer), 'newer.json');
    const changed = await one<{ amount: number; dates: string[] }>(
      "MATCH (c:Contract) WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-0' RETURN c.amount AS amount, c.amendmentDates AS dates",
    );
    // The amendments of the earlier release are kept.
    expect(changed).toEqual({ amount: 6000, dates: ['2024-05-30'] });
  });

  it('a partial release in a later chunk merges into the contract an earlier chunk gave (read back, or in memory)', async () => {
    // Processes 20 to 28 in three chunks, then updates of 20 (three chunks back: written by then, read
    // back from the database) and 26 (the chunk before: still in memory) carrying only a new amount.
    const full = Array.from({ length: 9 }, (_, i) => release(20 + i, '2024-01-01T09:00:00Z', 100 + i));
    const update = (n: number, amount: number) => ({
      ocid: `ocds-${token}-${n}`,
      id: `${token}-${n}-update`,
      date: '2024-02-01T09:00:00Z',
      tag: ['awardUpdate'],
      awards: [{ id: `A${n}`, value: { amount } }],
    });
    const lines = [...full, update(20, 42.5), update(26, 77.25)].map((r) => JSON.stringify(r)).join('\n');
    const result = await importContracts(Buffer.from(lines), 'updates.jsonl');
    expect(result.auditId).toMatch(/^audit:/);
    for (const [n, amount] of [
      [20, 42.5],
      [26, 77.25],
    ] as const) {
      const row = await one<Record<string, unknown>>(
        `MATCH (b:PublicBody)-[:BUYER_OF]->(c:Contract)-[a:AWARDED_TO]->(s:Organization)
         WHERE c.id STARTS WITH 'contract:ocds-ocds-' + $token + '-' + $n + '-'
         RETURN c.name AS name, c.amount AS amount, c.currency AS currency, c.sourceDate AS sourceDate,
           a.amount AS awarded, b.name AS buyer, s.name AS supplier`,
        { n: String(n) },
      );
      expect(row).toEqual({
        name: `Contract ${n}`,
        amount,
        currency: 'GBP',
        sourceDate: '2024-02-01T09:00:00Z',
        awarded: amount,
        buyer: `Buyer ${n % 2}`,
        supplier: `SUPPLIER ${n % 4} LIMITED`,
      });
    }
  });

  it('the Contracts Finder sample, one release a chunk: the counts and amounts of the file', async () => {
    const bytes = readFileSync(new URL('../fixtures/sources/contracts-finder.ocds.json', import.meta.url));
    const pkg = JSON.parse(bytes.toString('utf8')) as {
      releases: { awards: { value: { amount: number } }[]; parties: unknown[] }[];
    };
    const awards = pkg.releases.flatMap((r) => r.awards);
    const parties = pkg.releases.reduce((n, r) => n + r.parties.length, 0);
    const result = await runImport(
      driver,
      database,
      { bytes, fileName: 'contracts-finder.json' },
      { dryRun: true, actor, route: 'test', tuning: { chunkRecords: 1 } },
    );
    expect(result.created).toEqual({ entities: parties + awards.length + 1, relationships: 2 * awards.length });
  });
});

describe('a USAspending download larger than a chunk', { timeout: 180_000 }, () => {
  const columns = [
    'contract_award_unique_key',
    'award_id_piid',
    'action_date',
    'total_dollars_obligated',
    'awarding_agency_code',
    'awarding_agency_name',
    'awarding_office_code',
    'awarding_office_name',
    'funding_agency_code',
    'funding_agency_name',
    'recipient_uei',
    'recipient_name',
    'prime_award_base_transaction_description',
  ];
  const T = token.toUpperCase();
  const row = (award: number, date: string, total: number, description: string) =>
    [
      `CONT_AWD_${T}_${award}`,
      `${T}P${award}`,
      date,
      total.toFixed(2),
      `${T}A`,
      'Department of Testing',
      `${T}O${award % 2}`,
      `TEST OFFICE ${award % 2}`,
      `${T}F`,
      'Department of Funding',
      `${T}R${award % 3}`,
      `RECIPIENT ${award % 3} INC`,
      description,
    ].join(',');
  // Award 0 has a row in the first chunk, its latest in the second and an older one in the last.
  const rows = [
    row(0, '2024-01-10', 100, 'first'),
    row(1, '2024-01-11', 200, 'one'),
    row(2, '2024-01-12', 300, 'two'),
    row(0, '2024-03-01', 150, 'latest'),
    row(3, '2024-01-13', 400, 'three'),
    row(4, '2024-01-14', 500, 'four'),
    row(0, '2024-02-01', 120, 'older'),
  ];
  const csv = `${columns.join(',')}\n${rows.join('\n')}\n`;

  it('rows of one award over three chunks give one contract, from its latest row; agencies link buyer and funder', async () => {
    const result = await importContracts(gzipSync(csv), 'awards.csv.gz');
    expect(result.auditId).toMatch(/^audit:/);
    const contracts = await one<{ n: number; total: number }>(
      "MATCH (c:Contract) WHERE c.id STARTS WITH 'contract:usaspending-cont_awd_' + $token RETURN count(c) AS n, sum(c.amount) AS total",
    );
    expect(Number(contracts.n)).toBe(5);
    expect(contracts.total).toBeCloseTo(150 + 200 + 300 + 400 + 500, 2);
    const award0 = await one<Record<string, unknown>>(
      `MATCH (o:PublicBody)-[:BUYER_OF]->(c:Contract)<-[f:LINKED_TO]-(funder:PublicBody)
       WHERE c.id = 'contract:usaspending-cont_awd_' + $token + '_0'
       RETURN c.purpose AS purpose, c.amount AS amount, o.name AS office, f.relation AS relation, funder.name AS funder,
         c.citationLocators AS locators`,
    );
    expect(award0).toMatchObject({
      purpose: 'latest',
      amount: 150,
      office: 'TEST OFFICE 0',
      relation: 'funder',
      funder: 'Department of Funding',
    });
    expect((award0.locators as string[])[0]).toMatch(/^line 5 · /);
    // Agencies and recipients given once each, by the first chunk that met them.
    const parts = await one<{ n: number }>(
      'MATCH (o:PublicBody)-[p:PART_OF]->(a:PublicBody) WHERE o.id CONTAINS $token RETURN count(p) AS n',
    );
    expect(Number(parts.n)).toBe(2);
  });

  it('a problem in the last chunk: nothing of the file stays', async () => {
    const bad = csv.replace(/,RECIPIENT 0 INC,older/, ',,older').replaceAll(T, `${T}X`);
    const error = await importContracts(Buffer.from(bad), 'bad.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportValidationError);
    expect((error as ImportValidationError).problems).toEqual([expect.objectContaining({ line: 8, field: 'recipient_name' })]);
    expect(
      await one<{ n: number }>('MATCH (n:Entity) WHERE n.id CONTAINS $marker RETURN count(n) AS n', { marker: `${token}x` }),
    ).toEqual({ n: 0 });
  });

  it('the NASA sample, two rows a chunk: every agency, recipient and contract of the file, once', async () => {
    const text = readFileSync(new URL('../fixtures/sources/nasa-contracts.usaspending.csv', import.meta.url));
    const awards = parse(text, { columns: true }) as Record<string, string>[];
    const distinct = (values: (string | undefined)[]) => new Set(values.filter((v) => !!v)).size;
    // Computed from the rows: contracts, recipients and parents (by UEI), offices, sub-agencies other than
    // their agency, agencies, and the USAspending Document; a contract is bought and awarded, an office
    // is part of its agency, a recipient with another parent its subsidiary.
    const keys = distinct(awards.map((a) => a.contract_award_unique_key));
    const subAgencies = distinct(
      awards.map((a) => (a.awarding_sub_agency_name !== a.awarding_agency_name ? a.awarding_sub_agency_code : undefined)),
    );
    const offices = distinct(awards.map((a) => a.awarding_office_name));
    const entities =
      keys +
      distinct(awards.flatMap((a) => [a.recipient_uei, a.recipient_parent_uei])) +
      offices +
      subAgencies +
      distinct(awards.map((a) => a.awarding_agency_code)) +
      1;
    const subsidiaries = distinct(
      awards.map((a) =>
        a.recipient_parent_uei && a.recipient_parent_uei !== a.recipient_uei
          ? `${a.recipient_uei}/${a.recipient_parent_uei}`
          : undefined,
      ),
    );
    const relationships = 2 * keys + offices + subAgencies + subsidiaries;
    const result = await runImport(
      driver,
      database,
      { bytes: text, fileName: 'nasa.csv' },
      { dryRun: true, actor, route: 'test', tuning: { chunkRecords: 2 } },
    );
    expect(result.format).toBe('usaspending');
    const all = (what: 'entities' | 'relationships') => result.created[what] + result.updated[what] + result.unchanged[what];
    expect({ entities: all('entities'), relationships: all('relationships') }).toEqual({ entities, relationships });
  });
});
