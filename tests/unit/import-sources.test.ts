/**
 * The readers of LittleSis, OCDS and USAspending on real published samples (tests/fixtures/sources,
 * see its README): counts, amounts and citations checked against values computed here from the files
 * themselves, the format told from the content (gzip too), and the mapping rules the samples do not
 * reach (every LittleSis category, a later OCDS release, a parent UEI) on records built in the test.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFormat, gunzipIfNeeded } from '../../server/services/imports/detect.js';
import { exactPhrase } from '../../server/services/imports/identifiers.js';
import type { MappedImport } from '../../server/services/imports/mapped-import.js';
import { identifierKey } from '../../server/services/imports/sources/identity.js';
import { LITTLESIS_CATEGORIES, mapLittleSis } from '../../server/services/imports/sources/littlesis.js';
import { mapOcds, mergeOcds, ocdsScheme, OcdsMapper, type KnownContract } from '../../server/services/imports/sources/ocds.js';
import { mapUsaspending } from '../../server/services/imports/sources/usaspending.js';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { awardUpdateOf, type SampleAward, type SampleRelease } from '../setup/ocds-update.js';

const read = (name: string) => readFileSync(new URL(`../fixtures/sources/${name}`, import.meta.url));
type Row = Record<string, unknown> & { id: string; kind?: string; type?: string; source?: string; target?: string };

function valid(mapped: MappedImport) {
  expect(mapped.problems).toEqual([]);
  const parsed = parseInterlockFile(mapped.file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
  return { entities: mapped.file.entities as Row[], relationships: mapped.file.relationships as Row[] };
}
const noLookup = () => Promise.resolve(new Map());

describe('format detection', () => {
  it('tells each sample from its content, gzipped or not, whatever its name', () => {
    expect(detectFormat(read('contracts-finder.ocds.json'))).toBe('ocds');
    expect(detectFormat(read('nasa-contracts.usaspending.csv'))).toBe('usaspending');
    expect(detectFormat(read('littlesis-entities.json'))).toBe('littlesis');
    expect(detectFormat(read('littlesis-relationships.jsonl'))).toBe('littlesis');
    expect(detectFormat(read('../imports/people.interlock.json'))).toBe('json');
    expect(detectFormat(read('../imports/people.ftm.jsonl'))).toBe('ftm');
    const gz = gzipSync(read('contracts-finder.ocds.json'));
    expect(detectFormat(gunzipIfNeeded(gz, 10_000_000))).toBe('ocds');
    expect(detectFormat(new TextEncoder().encode('name,amount\na,1\n'))).toBeNull();
  });

  it('refuses a gzip that unpacks past the limit', () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20));
    expect(() => gunzipIfNeeded(bomb, 1_000_000)).toThrow(/more than/);
  });

  it('quotes an identifier value as one exact Lucene phrase', () => {
    expect(exactPhrase('GB-COH 0161"6977\\')).toBe('"GB-COH 0161\\"6977\\\\"');
  });
});

describe('OCDS', () => {
  const bytes = read('contracts-finder.ocds.json');
  const pkg = JSON.parse(bytes.toString('utf8')) as { releases: Record<string, unknown>[] };

  it('maps the Contracts Finder package: a contract per award, buyer -> contract -> supplier, values as published', () => {
    const { entities, relationships } = valid(mapOcds(bytes.toString('utf8'), 'cf.json', bytes));
    const awards = pkg.releases.flatMap((r) => r.awards as { id: string; value: { amount: number; currency: string } }[]);
    const contracts = entities.filter((e) => e.kind === 'Contract');
    expect(contracts).toHaveLength(awards.length);
    expect(contracts.map((c) => c.amount).sort()).toEqual(awards.map((a) => a.value.amount).sort());
    expect(new Set(contracts.map((c) => c.currency))).toEqual(new Set(['GBP']));
    expect(relationships.filter((r) => r.type === 'BUYER_OF')).toHaveLength(awards.length);
    expect(relationships.filter((r) => r.type === 'AWARDED_TO')).toHaveLength(awards.length);

    const bytesLtd = entities.find((e) => e.name === 'BYTES SOFTWARE SERVICES LIMITED');
    expect(bytesLtd).toMatchObject({ kind: 'Organization', identifiers: [{ scheme: 'ocds:gb-coh', value: '01616977' }] });
    const fca = entities.find((e) => e.name === 'THE FINANCIAL CONDUCT AUTHORITY');
    expect(fca?.kind).toBe('PublicBody');
    const rstudio = contracts.find((c) => c.amount === 44341.25) as Row;
    expect(rstudio).toMatchObject({
      name: 'RStudio License and Support',
      start: '2022-11-17',
      end: '2024-03-31',
      signedOn: '2022-10-06',
    });
    const cited = (rstudio.citations as { locator: string; quote: string }[])[0];
    expect(cited?.locator).toBe(
      'ocid ocds-b5fd17-18de5078-9cf3-479b-9e38-8b9d3f7a0e39 · release 0dbd2a57-18f9-4b60-b195-928dda88f4dd-581847',
    );
    expect(cited?.quote).toContain('BYTES SOFTWARE SERVICES LIMITED');
    const link = relationships.find((r) => r.type === 'AWARDED_TO' && r.target === bytesLtd?.id);
    expect(link?.source).toBe(rstudio.id);
  });

  it('lets the latest release of a process win, and reads JSON lines of releases the same way', () => {
    const first = pkg.releases[0] as Record<string, unknown> & { awards: Record<string, unknown>[] };
    const amended = {
      ...first,
      id: `${String(first.id)}-amendment`,
      date: '2023-01-10T09:00:00Z',
      awards: [{ ...first.awards[0], value: { amount: 50000, currency: 'GBP' } }],
    };
    // The amendment comes first in the file: the date, not the order, decides.
    const lines = [amended, first].map((r) => JSON.stringify(r)).join('\n');
    const { entities } = valid(mapOcds(lines, 'cf.jsonl', new TextEncoder().encode(lines)));
    const contracts = entities.filter((e) => e.kind === 'Contract');
    expect(contracts).toHaveLength(1);
    expect(contracts[0]?.amount).toBe(50000);
  });

  describe('a partial release (only what changed) merges into the release it updates', () => {
    const first = pkg.releases[0] as Record<string, unknown> & SampleRelease;
    const award = first.awards[0] as SampleAward;
    const partial = awardUpdateOf(first);
    const expectMerged = (entities: Row[], relationships: Row[]) => {
      const contracts = entities.filter((e) => e.kind === 'Contract');
      expect(contracts).toHaveLength(1);
      const contract = contracts[0] as Row;
      expect(contract).toMatchObject({
        name: first.tender.title,
        purpose: award.description,
        amount: 50000,
        currency: award.value.currency,
        start: award.contractPeriod.startDate.slice(0, 10),
        signedOn: award.date.slice(0, 10),
        sourceDate: partial.date,
        amendments: [{ date: '2023-01-09', description: 'Licences added' }],
      });
      expect(contract.end).toBeUndefined();
      expect((contract.citations as { locator: string }[])[0]?.locator).toBe(`ocid ${first.ocid} · release ${partial.id}`);
      const supplier = award.suppliers[0]?.name as string;
      expect((contract.citations as { quote: string }[])[0]?.quote).toContain(supplier);
      const awarded = relationships.filter((r) => r.type === 'AWARDED_TO');
      expect(awarded).toHaveLength(1);
      expect(awarded[0]).toMatchObject({ source: contract.id, amount: 50000, currency: award.value.currency });
      expect(awarded[0]?.end).toBeUndefined();
      const bought = relationships.filter((r) => r.type === 'BUYER_OF');
      expect(bought.map((r) => r.target)).toEqual([contract.id]);
      expect((bought[0]?.citations as { quote: string }[])[0]?.quote).toContain(first.buyer.name);
    };

    it('in one file, whatever the order the releases come in', () => {
      const lines = [partial, first].map((r) => JSON.stringify(r)).join('\n');
      const { entities, relationships } = valid(mapOcds(lines, 'cf.jsonl', new TextEncoder().encode(lines)));
      expectMerged(entities, relationships);
    });

    it('across chunks of a file', async () => {
      const mapper = new OcdsMapper('cf.jsonl', 'document:import-ocds-test', noLookup);
      valid(await mapper.map([{ value: first, line: 1, index: 0 }], []));
      const { entities, relationships } = valid(await mapper.map([{ value: partial, line: 2, index: 1 }], []));
      expectMerged(entities, relationships);
    });

    it('into the contract an earlier import wrote (what the database holds of it)', async () => {
      const { entities } = valid(mapOcds(JSON.stringify(first), 'cf.json', new Uint8Array()));
      const stored = entities.find((e) => e.kind === 'Contract') as Row;
      const organisations = new Map(entities.map((e) => [e.name, e.id]));
      const supplier = award.suppliers[0]?.name as string;
      // As the import service reads it back (ocds-known-contracts.cypher).
      const known: KnownContract = {
        sourceDate: stored.sourceDate as string,
        amendments: [],
        title: stored.name as string,
        purpose: stored.purpose as string,
        amount: stored.amount as number,
        currency: stored.currency as string,
        start: stored.start as string,
        end: stored.end as string,
        signedOn: stored.signedOn as string,
        status: 'active',
        buyer: { id: organisations.get(first.buyer.name) as string, name: first.buyer.name },
        suppliers: [{ id: organisations.get(supplier) as string, name: supplier }],
      };
      const mapper = new OcdsMapper('update.json', 'document:import-ocds-test', () =>
        Promise.resolve(new Map([[stored.id, known]])),
      );
      const { entities: after, relationships } = valid(await mapper.map([{ value: partial, index: 0 }], []));
      expectMerged(after, relationships);
      expect(relationships.find((r) => r.type === 'AWARDED_TO')?.target).toBe(organisations.get(supplier));
    });
  });

  it('merges releases as OCDS compiles them: objects by field, lists of objects by id, null removes', () => {
    expect(
      mergeOcds(
        { value: { amount: 1, currency: 'GBP' }, suppliers: [{ id: 'a', name: 'A' }], tag: ['award'], title: 'T' },
        { value: { amount: 2 }, suppliers: [{ id: 'b', name: 'B' }], tag: ['awardUpdate'], title: null, description: '' },
      ),
    ).toEqual({
      value: { amount: 2, currency: 'GBP' },
      suppliers: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      tag: ['awardUpdate'],
      title: null,
    });
    // The contract's value removed, the award's still there: the award's, as for a compiled release.
    const release = (awards: unknown[], contracts: unknown[], date: string, id: string) =>
      JSON.stringify({ ocid: 'ocds-u1-2', id, date, buyer: { id: 'B', name: 'Council' }, awards, contracts });
    const lines = [
      release(
        [{ id: 'A', title: 'Bridge', value: { amount: 10, currency: 'EUR' } }],
        [{ id: 'C', awardID: 'A', value: { amount: 12, currency: 'EUR' } }],
        '2024-01-01T00:00:00Z',
        'r1',
      ),
      release([], [{ id: 'C', awardID: 'A', value: null }], '2024-02-01T00:00:00Z', 'r2'),
    ].join('\n');
    const contract = valid(mapOcds(lines, 'r.jsonl', new TextEncoder().encode(lines))).entities.find(
      (e) => e.kind === 'Contract',
    );
    expect(contract).toMatchObject({ name: 'Bridge', amount: 10, currency: 'EUR', sourceDate: '2024-02-01T00:00:00Z' });
    // Identifiers are merged whole, as the OCDS schema says (wholeListMerge).
    expect(
      mergeOcds({ additionalIdentifiers: [{ id: '1', scheme: 'A' }] }, { additionalIdentifiers: [{ id: '2', scheme: 'B' }] }),
    ).toEqual({ additionalIdentifiers: [{ id: '2', scheme: 'B' }] });
  });

  it('names the release that lacks an ocid', () => {
    const mapped = mapOcds('{"releases":[{"id":"x"}]}', 'bad.json', new Uint8Array());
    expect(mapped.problems[0]).toMatchObject({ field: 'ocid' });
    expect(mapped.problems[0]?.message).toContain('release 1');
  });

  it('keeps amendments, links tenderers to the contract and maps payments (OCDS 1.0 transaction fields too)', () => {
    const release = {
      ocid: 'ocds-u1-1',
      id: 'r1',
      date: '2024-02-01T00:00:00Z',
      buyer: { id: 'B', name: 'Council' },
      parties: [
        { id: 'B', name: 'Council', roles: ['buyer', 'payer'] },
        { id: 'S', name: 'Builder Ltd', roles: ['supplier', 'payee'] },
        { id: 'T', name: 'Bidder Ltd', roles: ['tenderer'] },
      ],
      tender: {
        id: 't',
        title: 'Roads',
        tenderers: [
          { id: 'S', name: 'Builder Ltd' },
          { id: 'T', name: 'Bidder Ltd' },
        ],
      },
      awards: [{ id: 'A', suppliers: [{ id: 'S', name: 'Builder Ltd' }], value: { amount: 10, currency: 'EUR' } }],
      contracts: [
        {
          id: 'C',
          awardID: 'A',
          amendments: [
            { date: '2024-03-01T00:00:00Z', rationale: 'More roads' },
            { date: '2024-01-15T00:00:00Z', description: 'Earlier change' },
          ],
          implementation: {
            transactions: [
              {
                id: 'X1',
                date: '2024-04-01',
                amount: { amount: 4.5, currency: 'EUR' },
                providerOrganization: { id: 'B', name: 'Council' },
                receiverOrganization: { id: 'S', name: 'Builder Ltd' },
              },
            ],
          },
        },
      ],
    };
    const text = JSON.stringify(release);
    const { entities, relationships } = valid(mapOcds(text, 'r.json', new TextEncoder().encode(text)));
    const contract = entities.find((e) => e.kind === 'Contract') as Row;
    expect(contract).toMatchObject({
      sourceDate: '2024-02-01T00:00:00Z',
      amendments: [
        { date: '2024-01-15', description: 'Earlier change' },
        { date: '2024-03-01', description: 'More roads' },
      ],
    });
    const byName = new Map(entities.map((e) => [e.name, e.id]));
    const tenderers = relationships.filter((r) => r.type === 'LINKED_TO');
    expect(tenderers.map((r) => [r.source, r.target, r.relation])).toEqual([
      [byName.get('Builder Ltd'), contract.id, 'tenderer'],
      [byName.get('Bidder Ltd'), contract.id, 'tenderer'],
    ]);
    expect(relationships.find((r) => r.type === 'PAID')).toMatchObject({
      source: byName.get('Council'),
      target: byName.get('Builder Ltd'),
      amount: 4.5,
      currency: 'EUR',
      start: '2024-04-01',
    });
  });

  it('shares an LEI with other sources and keeps other schemes apart', () => {
    expect(ocdsScheme('XI-LEI')).toBe('lei');
    expect(ocdsScheme('GB-COH')).toBe('ocds:gb-coh');
  });
});

describe('USAspending', () => {
  const text = read('nasa-contracts.usaspending.csv').toString('utf8');
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it('maps the NASA awards: one contract each with its obligated amount, cited to its permalink', () => {
    const { entities, relationships } = valid(mapUsaspending(text, 'nasa.csv'));
    const contracts = entities.filter((e) => e.kind === 'Contract');
    expect(contracts).toHaveLength(rows.length);
    const total = rows.reduce((sum, r) => sum + Number(r.total_dollars_obligated), 0);
    const imported = contracts.reduce((sum, c) => sum + (c.amount as number), 0);
    expect(imported).toBeCloseTo(total, 2);
    expect(new Set(contracts.map((c) => c.currency))).toEqual(new Set(['USD']));
    // Recipients by UEI: Boeing's two UEIs are two organisations, as USAspending lists them.
    const ueis = new Set(rows.map((r) => r.recipient_uei));
    expect(entities.filter((e) => e.kind === 'Organization')).toHaveLength(ueis.size);
    // NASA's sub-agency is NASA: agency > office, not agency > NASA > office.
    const bodies = entities.filter((e) => e.kind === 'PublicBody');
    expect(bodies.map((b) => b.name).sort()).toEqual([
      'NASA GODDARD SPACE FLIGHT CENTER',
      'National Aeronautics and Space Administration',
    ]);
    const office = bodies.find((b) => b.name === 'NASA GODDARD SPACE FLIGHT CENTER');
    expect(relationships.find((r) => r.type === 'PART_OF')).toMatchObject({ source: office?.id });
    const tracers = contracts.find((c) => (c.identifiers as { value: string }[]).some((i) => i.value === '80GSFC18C0008')) as Row;
    expect(tracers).toMatchObject({ amount: 168657782.95, start: '2018-03-05', end: '2025-08-23' });
    expect((tracers.citations as { locator: string }[])[0]?.locator).toBe(
      'line 2 · https://www.usaspending.gov/award/CONT_AWD_80GSFC18C0008_8000_-NONE-_-NONE-/',
    );
    expect(relationships.find((r) => r.type === 'BUYER_OF' && r.target === tracers.id)?.source).toBe(office?.id);
    // The University of Iowa is its own parent: no SUBSIDIARY_OF to itself.
    expect(relationships.filter((r) => r.type === 'SUBSIDIARY_OF')).toHaveLength(0);
  });

  it('links a recipient to a parent with another UEI, and sums a transaction download per award', () => {
    const csv = [
      'contract_transaction_unique_key,contract_award_unique_key,award_id_piid,federal_action_obligation,recipient_uei,recipient_name,recipient_parent_uei,recipient_parent_name,awarding_agency_name',
      't1,A1,P1,100.50,CHILD1,CHILD CO,PARENT1,PARENT CO,Agency',
      't2,A1,P1,-20.25,CHILD1,CHILD CO,PARENT1,PARENT CO,Agency',
    ].join('\n');
    const { entities, relationships } = valid(mapUsaspending(csv, 't.csv'));
    expect(entities.find((e) => e.kind === 'Contract')?.amount).toBe(80.25);
    expect(relationships.find((r) => r.type === 'SUBSIDIARY_OF')).toMatchObject({
      source: 'org:uei-child1',
      target: 'org:uei-parent1',
    });
  });

  it('names the line a row starts on after a quoted value over lines; links the funding office where it is not the awarding one', () => {
    const csv = [
      'contract_award_unique_key,award_id_piid,awarding_agency_name,awarding_office_name,funding_agency_name,funding_office_name,recipient_uei,recipient_name,prime_award_base_transaction_description',
      'K1,P1,Agency,Office A,Agency,Office A,U1,ONE INC,"two',
      'lines"',
      'K2,P2,Agency,Office A,Agency,Office F,U2,TWO INC,plain',
    ].join('\n');
    const { entities, relationships } = valid(mapUsaspending(csv, 'f.csv'));
    const second = entities.find((e) => e.kind === 'Contract' && e.purpose === 'plain') as Row;
    expect((second.citations as { locator: string }[])[0]?.locator).toMatch(/^line 4 · /);
    const funder = entities.find((e) => e.name === 'Office F');
    const funding = relationships.filter((r) => r.type === 'LINKED_TO');
    expect(funding).toEqual([expect.objectContaining({ source: funder?.id, target: second.id, relation: 'funder' })]);
    // The funding office is part of its agency, as the awarding one is; the agency is one entity.
    expect(relationships.filter((r) => r.type === 'PART_OF').map((r) => r.source)).toContain(funder?.id);
    expect(entities.filter((e) => e.name === 'Agency')).toHaveLength(1);
  });

  it('refuses a CSV that is not an award download, naming the header', () => {
    const mapped = mapUsaspending('name,amount\nx,1\n', 'x.csv');
    expect(mapped.problems[0]).toMatchObject({ line: 1, field: '(header)' });
  });
});

describe('LittleSis', () => {
  it('maps the entities file and finds the ends of a relationships file in the graph by LittleSis id', async () => {
    const entities = valid(await mapLittleSis(read('littlesis-entities.json').toString('utf8'), 'e.json', noLookup)).entities;
    const people = entities.filter((e) => e.kind === 'Person');
    const source = JSON.parse(read('littlesis-entities.json').toString('utf8')) as { attributes: { primary_ext: string } }[];
    expect(people).toHaveLength(source.filter((e) => e.attributes.primary_ext === 'Person').length);
    const wells = entities.find((e) => e.id === 'org:littlesis-41');
    expect(wells).toMatchObject({
      kind: 'Organization',
      identifiers: [
        { scheme: 'littlesis', value: '41' },
        { scheme: 'sec-cik', value: '72971' },
      ],
    });
    expect((wells?.citations as { locator: string }[])[0]?.locator).toBe('https://littlesis.org/entities/41');

    const asked: string[] = [];
    const lookup = (refs: { scheme: string; value: string }[]) => {
      asked.push(...refs.map((r) => `${r.scheme}:${r.value}`));
      return Promise.resolve(
        new Map([
          [identifierKey('littlesis', '115495'), { id: 'person:littlesis-115495', kind: 'Person' as const }],
          [identifierKey('littlesis', '36932'), { id: 'org:littlesis-36932', kind: 'Organization' as const }],
        ]),
      );
    };
    const mapped = await mapLittleSis(read('littlesis-relationships.jsonl').toString('utf8'), 'r.jsonl', lookup);
    expect(asked.sort()).toEqual(['littlesis:115495', 'littlesis:36932']);
    expect(mapped.file.relationships).toEqual([
      expect.objectContaining({
        id: 'rel:littlesis-541800',
        type: 'HOLDS_POSITION',
        role: 'Senator',
        source: 'person:littlesis-115495',
        target: 'org:littlesis-36932',
        citations: [expect.objectContaining({ locator: 'https://littlesis.org/relationships/541800' })],
      }),
    ]);
  });

  it('maps every category to our vocabulary, with amounts, dates, current/former and sources', async () => {
    const people = [1, 2].map((id) => ({ id, name: `Person ${id}`, primary_ext: 'Person' }));
    const orgs = [3, 4].map((id) => ({ id, name: `Org ${id}`, primary_ext: 'Org', types: ['Organization', 'Business'] }));
    const body = { id: 5, name: 'A Senate', primary_ext: 'Org', types: ['Organization', 'Government Body'] };
    const ends: Record<number, [number, number]> = {
      1: [1, 3],
      2: [1, 4],
      3: [1, 4],
      4: [1, 2],
      5: [1, 5],
      6: [3, 4],
      7: [3, 5],
      8: [1, 2],
      9: [1, 2],
      10: [1, 3],
      11: [3, 4],
      12: [3, 4],
    };
    const rels = Object.keys(LITTLESIS_CATEGORIES).map((c) => ({
      id: 100 + Number(c),
      entity1_id: ends[Number(c)]?.[0],
      entity2_id: ends[Number(c)]?.[1],
      category_id: Number(c),
      description1: Number(c) === 4 ? 'Spouse' : Number(c) === 1 ? 'Board Member' : undefined,
      amount: Number(c) === 5 ? 2700 : null,
      currency: Number(c) === 5 ? 'usd' : null,
      start_date: '2010-05-00',
      end_date: '2013-00-00',
      is_current: Number(c) === 1 ? false : null,
      references: Number(c) === 5 ? [{ name: 'FEC filing', url: 'https://www.fec.gov/data/receipts/?x=1' }] : undefined,
    }));
    const text = [...people, ...orgs, body, ...rels].map((r) => JSON.stringify(r)).join('\n');
    const { entities, relationships } = valid(await mapLittleSis(text, 'all.jsonl', noLookup));
    const byCategory = (c: number) => relationships.find((r) => r.id === `rel:littlesis-${100 + c}`) as Row;
    expect(entities.find((e) => e.id === 'public-body:littlesis-5')?.kind).toBe('PublicBody');
    expect(byCategory(1)).toMatchObject({ type: 'SITS_ON_BOARD', current: false, start: '2010-05', end: '2013' });
    expect(byCategory(2)).toMatchObject({ type: 'LINKED_TO', relation: 'education' });
    expect(byCategory(3).type).toBe('MEMBER_OF');
    expect(byCategory(4)).toMatchObject({ type: 'FAMILY_OF', relation: 'Spouse' });
    expect(byCategory(5)).toMatchObject({ type: 'PAID', paymentKind: 'donation', amount: 2700, currency: 'USD' });
    expect((byCategory(5).citations as unknown[]).length).toBe(2);
    expect(byCategory(6)).toMatchObject({ type: 'LINKED_TO', relation: 'transaction' });
    expect(byCategory(7).type).toBe('LOBBIES');
    expect(byCategory(8)).toMatchObject({ type: 'ASSOCIATE_OF', relation: 'social' });
    expect(byCategory(9)).toMatchObject({ type: 'ASSOCIATE_OF', relation: 'professional' });
    expect(byCategory(10).type).toBe('OWNS');
    expect(byCategory(11).type).toBe('PART_OF');
    expect(byCategory(12)).toMatchObject({ type: 'LINKED_TO', relation: 'generic' });
  });

  it('skips a relationship whose end is nowhere, with a warning naming the line', async () => {
    const mapped = await mapLittleSis(
      '{"id": 9, "entity1_id": 1, "entity2_id": 2, "category_id": 12}\n{"id": 1, "name": "A", "primary_ext": "Person"}',
      'x.jsonl',
      noLookup,
    );
    expect(mapped.skipped).toBe(1);
    expect(mapped.warnings[0]).toMatchObject({ line: 1 });
    expect(mapped.warnings[0]?.message).toContain('entity 2');
  });
});
