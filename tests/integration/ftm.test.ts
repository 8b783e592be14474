/**
 * Real FollowTheMoney data imported the way a user would (POST /api/import), checked against numbers
 * computed here from the raw files: German party donations (290 payments, some by people, one to two
 * parties) and an OpenSanctions sanctions cluster (ownership, directorships, family ties, sanctions, a
 * passport). Then the export of both, read by the Python `followthemoney` library; importing that export
 * into the same graph; and a merge that survives importing the file again. (The round trip through an
 * empty database is in snapshot-round-trip.test.ts, which has one.)
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicatesResponse, EntityDetailResponse, ImportResult, CreateSnapshotResult } from '../../schemas/index.js';
import { createToken } from '../../server/security/tokens.js';
import { ftmEntityId } from '../../server/services/imports/ids.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { currentMoneyFlows } from './helpers/findings.js';
import { readWithFollowTheMoney } from './helpers/ftm-python.js';
import { removeFtmSamples } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

interface RawLine {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
}
const raw = (name: string) => readFileSync(new URL(`../fixtures/ftm/${name}`, import.meta.url), 'utf8');
const lines = (text: string): RawLine[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RawLine);
const DONATIONS = raw('parteispenden.ftm.json');
const SANCTIONS = raw('zala.ftm.json');
const donationLines = lines(DONATIONS);
const sanctionLines = lines(SANCTIONS);
const schemaOf = new Map([...donationLines, ...sanctionLines].map((l) => [l.id, l.schema]));
/** Our id for an FtM id of these files (the kind from the schema, as the import decides it). */
const ours = (ftmId: string) => {
  const schema = schemaOf.get(ftmId);
  return ftmEntityId(schema === 'Person' ? 'Person' : 'Organization', ftmId);
};

const { database } = testConnection();
const actor = uniquePrefix('ftm-real');
let app: FastifyInstance;
let driver: Driver;
let signedIn: { authorization: string };
const documentIds: string[] = [];
const snapshotIds: string[] = [];

async function cleanUp(): Promise<void> {
  await removeFtmSamples(driver, database, [...schemaOf.keys()], documentIds);
  await driver.executeQuery(
    'MATCH (s:Snapshot) WHERE s.id IN $ids OR s.draftId IN $ids DELETE s',
    { ids: snapshotIds },
    { database },
  );
  await driver.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor }, { database });
}

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  await cleanUp();
  const token = await createToken(driver, database, { name: actor, role: 'editor', createdBy: 'test' });
  signedIn = { authorization: `Bearer ${token.token}` };
});
afterAll(async () => {
  await cleanUp();
  await driver.executeQuery('MATCH (t:ApiToken {name: $actor}) DELETE t', { actor }, { database });
  await app.close();
  await driver.close();
});

async function postImport(text: string, fileName: string): Promise<ImportResult> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/import?format=ftm&filename=${encodeURIComponent(fileName)}`,
    payload: text,
    headers: { 'content-type': 'application/x-ndjson', ...signedIn },
  });
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(200);
  const result = response.json<ImportResult>();
  if (result.documentId) documentIds.push(result.documentId);
  return result;
}

async function entity(id: string): Promise<EntityDetailResponse> {
  const response = await app.inject(`/api/entities/${encodeURIComponent(id)}`);
  expect(response.statusCode, `${id}: ${response.body}`).toBe(200);
  return response.json<EntityDetailResponse>();
}

const payments = donationLines.filter((l) => l.schema === 'Payment');
const euros = (l: RawLine) => l.properties.amountEur?.reduce((sum, v) => sum + Number(v), 0) ?? 0;
/** Cents, so sums compare exactly. */
const cents = (amount: number) => Math.round(amount * 100);

describe('German party donations (290 FtM payments)', () => {
  let result: ImportResult;
  let seconds = 0;
  beforeAll(async () => {
    const started = performance.now();
    result = await postImport(DONATIONS, 'parteispenden.ftm.json');
    seconds = (performance.now() - started) / 1000;
    console.info(`[ftm sample] parteispenden: ${donationLines.length} lines imported in ${seconds.toFixed(2)} s`);
  });

  it('imports every payment, those made by people too, and reports what it left out', () => {
    const things = donationLines.filter((l) => ['Person', 'Organization', 'Company'].includes(l.schema)).length;
    const pairs = payments.reduce((n, p) => n + (p.properties.payer?.length ?? 0) * (p.properties.beneficiary?.length ?? 0), 0);
    expect(pairs).toBe(291); // one payment went to two parties
    expect(result.created).toEqual({ entities: things + 1, relationships: pairs }); // + the file's Document
    expect(result.skipped).toBe(donationLines.filter((l) => l.schema === 'Address').length);
    expect(result.unmapped).toEqual(
      expect.arrayContaining([
        { schema: 'Address', property: null, lines: 89, firstLine: 2, reason: 'Address has no place in our model' },
        expect.objectContaining({ schema: 'Payment', property: 'namesMentioned', lines: 290 }),
        expect.objectContaining({ schema: 'Person', property: 'addressEntity' }),
      ]),
    );
    expect(result.warnings).toEqual([]);
  });

  it('sums the money flows to what the file says, in euros, with no flow of unknown value', async () => {
    const flows = await currentMoneyFlows(app, '/api/money-flows');
    const imported = new Set(donationLines.map((l) => ours(l.id)));
    const rows = flows.rows.filter((r) => imported.has(r.payer.id) && imported.has(r.payee.id));
    // Each payer and payee pair, computed from the raw lines.
    const expected = new Map<string, number>();
    for (const p of payments)
      for (const payer of p.properties.payer ?? [])
        for (const payee of p.properties.beneficiary ?? []) {
          const key = `${ours(payer)}>${ours(payee)}`;
          expected.set(key, (expected.get(key) ?? 0) + euros(p));
        }
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      expect(row.totals, `${row.payer.name} -> ${row.payee.name}`).toEqual([{ currency: 'EUR', amount: expect.any(Number) }]);
      expect(cents(row.totals[0]?.amount ?? 0)).toBe(cents(expected.get(`${row.payer.id}>${row.payee.id}`) ?? -1));
      expect(row).toMatchObject({ currency: 'EUR', unknownCount: 0 });
    }
    // Overall: each payment once, the one to two parties included once: €40,589,689.15.
    const total = payments.reduce((sum, p) => sum + euros(p), 0);
    expect(cents(total)).toBe(4_058_968_915);
    expect(cents(flows.totals.find((t) => t.currency === 'EUR')?.amount ?? 0)).toBe(cents(total));
    expect(rows.filter((r) => r.sharedCount > 0)).toHaveLength(2);
  });

  it('keeps the payments made by people (48 of them)', async () => {
    const byPeople = payments.filter((p) => p.properties.payer?.some((id) => schemaOf.get(id) === 'Person'));
    expect(byPeople).toHaveLength(48);
    const { records } = await driver.executeQuery(
      // One payment by a person went to two parties: two relationships, one payment.
      `MATCH (:Person)-[r:PAID]->() WHERE r.ftmId IN $ids
       WITH DISTINCT r.ftmId AS payment, r.amountEur AS eur
       RETURN count(payment) AS n, sum(eur) AS eur`,
      { ids: payments.map((p) => p.id) },
      { database },
    );
    expect(records[0]?.get('n')).toBe(48);
    expect(cents(records[0]?.get('eur') as number)).toBe(cents(byPeople.reduce((sum, p) => sum + euros(p), 0)));
  });
});

describe('an OpenSanctions sanctions cluster (Zala Aero)', () => {
  let result: ImportResult;
  beforeAll(async () => {
    const started = performance.now();
    result = await postImport(SANCTIONS, 'zala.ftm.json');
    console.info(
      `[ftm sample] zala: ${sanctionLines.length} lines imported in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  });
  const inFile = (schema: string) => sanctionLines.filter((l) => l.schema === schema).length;

  it('keeps every ownership (by people too), directorship, family tie and sanction', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (a)-[r]->(b) WHERE r.ftmId IN $ids
       RETURN type(r) AS type, count(r) AS n, count(CASE WHEN a:Person THEN 1 END) AS byPeople`,
      { ids: sanctionLines.map((l) => l.id) },
      { database },
    );
    const counts = Object.fromEntries(records.map((r) => [r.get('type') as string, r.get('n') as number]));
    const sanctionPairs = sanctionLines
      .filter((l) => l.schema === 'Sanction')
      .reduce((n, l) => n + (l.properties.entity?.length ?? 0) * (l.properties.authority?.length ?? 1), 0);
    expect(counts).toEqual({
      OWNS: inFile('Ownership'),
      SITS_ON_BOARD: inFile('Directorship'),
      FAMILY_OF: inFile('Family'),
      SANCTIONED_BY: sanctionPairs,
    });
    const ownedByPeople = sanctionLines.filter(
      (l) => l.schema === 'Ownership' && schemaOf.get(l.properties.owner?.[0] ?? '') === 'Person',
    );
    expect(ownedByPeople).toHaveLength(11);
    expect(records.find((r) => r.get('type') === 'OWNS')?.get('byPeople')).toBe(11);
    expect(result.unmapped).toContainEqual({
      schema: 'Passport',
      property: null,
      lines: 1,
      firstLine: expect.any(Number),
      reason: 'a Passport without a number: nothing to keep',
    });
  });

  it('keeps names by FtM’s caption, identifiers, birth dates, countries and topics', async () => {
    const kalashnikov = await entity(ours('NK-nR5AXM9AVPq4pQaSPSaVam'));
    expect(kalashnikov.entity).toMatchObject({ name: 'JSC Kalashnikov Concern', ftmSchema: 'Company' });
    expect(kalashnikov.entity.aliases).toContain('JSC NPO IZHMASH');
    expect(kalashnikov.entity.identifiers).toEqual(
      expect.arrayContaining([
        { scheme: 'inn', value: '1832090230' },
        { scheme: 'ogrn', value: '1111832003018' },
        { scheme: 'tax', value: '1832090230' },
      ]),
    );
    const zakharov = await entity(ours('NK-aU5ybkbRFJucf8YMwsJvDw'));
    expect(zakharov.entity).toMatchObject({ kind: 'Person', birthDate: '1965-09-21', nationality: ['ru'] });
    expect(zakharov.entity.kind === 'Person' && zakharov.entity.topics).toEqual(expect.arrayContaining(['sanction']));
    const sanctions = zakharov.relationships.filter((r) => r.type === 'SANCTIONED_BY');
    expect(sanctions.length).toBeGreaterThan(5);
    expect(sanctions.map((s) => s.properties.program)).toEqual(expect.arrayContaining([expect.stringMatching(/Russia/i)]));
    expect(zakharov.neighbors).toContainEqual(
      expect.objectContaining({ name: 'Office of Foreign Assets Control', kind: 'PublicBody' }),
    );
  });

  it('proposes no duplicates among people with different birth dates or companies with different codes', async () => {
    const imported = new Set(sanctionLines.map((l) => ours(l.id)));
    for (const kind of ['Person', 'Organization']) {
      const pairs = (await app.inject(`/api/duplicates?kind=${kind}&limit=200`)).json<DuplicatesResponse>().pairs;
      const ofThis = pairs.filter((p) => imported.has(p.a.id) && imported.has(p.b.id));
      expect(ofThis, JSON.stringify(ofThis)).toEqual([]);
    }
  });
});

describe('the export of both, as FtM tools read it', () => {
  let exported = '';
  beforeAll(async () => {
    const { records } = await driver.executeQuery(
      `MATCH (n:Entity) WHERE n.ftmId IN $ftmIds OR n.id STARTS WITH 'public-body:ftm-authority-'
       OPTIONAL MATCH (n)-[r]->(:Entity)
       RETURN collect(DISTINCT n.id) AS nodes, collect(DISTINCT r.id) AS edges`,
      { ftmIds: [...schemaOf.keys()] },
      { database },
    );
    const nodeIds = records[0]?.get('nodes') as string[];
    const edgeIds = records[0]?.get('edges') as string[];
    const saved = await app.inject({
      method: 'POST',
      url: '/api/snapshots',
      headers: signedIn,
      payload: { title: 'Donations and sanctions', nodeIds, edgeIds },
    });
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(201);
    const { id } = saved.json<CreateSnapshotResult>();
    snapshotIds.push(id);
    exported = (await app.inject(`/api/snapshots/${id}/export?format=ftm`)).body;
  });

  it('is valid FtM, one Payment line per payment with the same euros, a Company still a Company', async () => {
    const read = await readWithFollowTheMoney(exported);
    expect(read.errors).toEqual([]);
    expect(read.schemata).toMatchObject({
      Payment: 290,
      Company: count('Company'),
      Ownership: 14,
      Family: 4,
      Directorship: 3,
      Sanction: 41,
    });
    const total = read.payments.reduce((sum, p) => sum + p.amountEur.reduce((s, v) => s + Number(v), 0), 0);
    expect(cents(total)).toBe(cents(payments.reduce((sum, p) => sum + euros(p), 0)));
    expect(read.payments.find((p) => p.beneficiary.length === 2)).toBeDefined();
  });

  it('changes nothing when imported back into the same graph', async () => {
    const again = await postImport(exported, 'export.ftm.json');
    expect(again).toMatchObject({
      created: { entities: 0, relationships: 0 },
      updated: { entities: 0, relationships: 0 },
      documentId: null,
      auditId: null,
    });
  });
});

describe('a merge', () => {
  it('survives importing the file again: the merged id is not created again', async () => {
    const cdu = ours('c326dd8021ee75fe9608f31ecb4e2e7388144102');
    const fake = ours('fake-org');
    const merged = await app.inject({
      method: 'POST',
      url: '/api/merges',
      headers: signedIn,
      payload: { keepId: cdu, mergeId: fake },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const again = await postImport(DONATIONS, 'parteispenden.ftm.json');
    expect(again).toMatchObject({ created: { entities: 0, relationships: 0 }, updated: { entities: 0, relationships: 0 } });
    expect((await app.inject(`/api/entities/${encodeURIComponent(fake)}`)).statusCode).toBe(404);
    const kept = await entity(cdu);
    expect(kept.entity.mergedIds).toEqual([fake]);
    expect(kept.entity.aliases).toContain('Fake');
    // The payment that went to both now goes to the one kept, twice (both lines of it point there).
    const shared = kept.relationships.filter((r) => r.properties.ftmId === '98a5b377dffde7307e265a7cc928297e318daaef');
    expect(shared).toHaveLength(2);
  });
});

function count(schema: string): number {
  return [...donationLines, ...sanctionLines].filter((l) => l.schema === schema).length;
}
