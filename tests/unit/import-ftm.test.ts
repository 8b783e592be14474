/** FollowTheMoney onto our model and back, without a database (server/services/ftm/). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InterlockFile } from '../../schemas/index.js';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { pickName } from '../../server/services/ftm/caption.js';
import { fromFtmId, toFtmId } from '../../server/services/ftm/ids.js';
import { commonDate, isoDate } from '../../server/services/ftm/line-reader.js';
import { ftmReferences, parseFtmLines } from '../../server/services/ftm/lines.js';
import { kindOfSchema, schemeOfProperty } from '../../server/services/ftm/vocabulary.js';
import { mapFtm, type FtmContext } from '../../server/services/ftm/read.js';
import { ftmLines } from '../../server/services/ftm/write.js';
import { conventionOf } from '../../server/services/imports/numbers.js';
import { ftmEntityId, slugOf } from '../../server/services/imports/ids.js';
import { seedSnapshot } from '../fixtures/snapshots/seed-snapshot.js';

const fixture = readFileSync(new URL('../fixtures/imports/people.ftm.jsonl', import.meta.url), 'utf8');
const context: FtmContext = { documentId: 'document:import-ftm-x', fileName: 'people.ftm.json', known: new Map() };
const doc = { id: 'document:import-ftm-x', kind: 'Document', name: 'people.ftm.json', title: 'people.ftm.json' };
type Row = Record<string, unknown>;

/** Maps FtM lines (one object per line) with the default context. */
function mapLines(lines: object[], extra: Partial<FtmContext> = {}) {
  const { records, problems } = parseFtmLines(lines.map((l) => JSON.stringify(l)).join('\n'));
  expect(problems).toEqual([]);
  return mapFtm(records, { ...context, ...extra });
}
const byId = (rows: unknown[], id: string) => rows.find((r) => (r as Row).id === id) as Row | undefined;

describe('FollowTheMoney lines', () => {
  it('keep their line numbers and merge fragments of the same entity, keeping the more specific schema', () => {
    const { records, problems, merged } = parseFtmLines(fixture);
    expect(problems).toEqual([]);
    expect(merged).toBe(1);
    const layla = records.find((r) => r.id === 'fxftm-p-1');
    expect(layla?.line).toBe(1);
    expect(layla?.properties.alias).toEqual(['L. Haddad', 'Laila Haddad']);
    const fragments = parseFtmLines(
      '{"id":"a","schema":"LegalEntity","properties":{"name":["Acme"]}}\n{"id":"a","schema":"Company","properties":{"name":["Acme Inc."]}}',
    );
    expect(fragments.records[0]?.schema).toBe('Company');
  });

  it('name the line of text that is not JSON, skipping blank lines in the count', () => {
    const { problems } = parseFtmLines('{"id":"a","schema":"Person","properties":{}}\n\n{not json}\n');
    expect(problems).toEqual([{ line: 3, field: '(line)', message: expect.stringContaining('not valid JSON') }]);
  });

  it('list the FtM ids the file refers to but does not hold', () => {
    const { records } = parseFtmLines(
      '{"id":"d","schema":"Directorship","properties":{"director":["p"],"organization":["o"]}}\n{"id":"p","schema":"Person","properties":{"name":["P"]}}',
    );
    expect(ftmReferences(records)).toEqual(['o']);
  });
});

describe('FollowTheMoney onto our model', () => {
  const { records } = parseFtmLines(fixture);
  const mapped = mapFtm(records, context);
  const entity = (id: string) => byId(mapped.file.entities, id) as Row;
  const rel = (id: string) => byId(mapped.file.relationships, id) as Row;

  it('produces a file our validator accepts', () => {
    const parsed = parseInterlockFile({ ...mapped.file, entities: [doc, ...mapped.file.entities] });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('maps people with all their names, in any script, citing the line and the source URL', () => {
    expect(entity('person:ftm-fxftm-p-1')).toMatchObject({
      kind: 'Person',
      name: 'Layla Haddad',
      aliases: ['ليلى حداد', 'L. Haddad', 'Laila Haddad'],
      nationality: ['lb'],
      ftmId: 'fxftm-p-1',
      citations: [
        { documentId: 'document:import-ftm-x', locator: 'line 1', quote: 'Layla Haddad' },
        { documentId: expect.stringMatching(/^document:ftm-source-/), locator: 'sourceUrl', quote: 'Layla Haddad' },
      ],
    });
    const source = mapped.file.entities.find((e) => (e as { url?: string }).url === 'https://example.org/fxftm/registry');
    expect(source).toMatchObject({ kind: 'Document', publisher: 'Example Registry' });
  });

  it('keeps a Company a Company, with its incorporation as its own period and its jurisdiction as a code', () => {
    expect(entity('org:ftm-fxftm-c-1')).toMatchObject({
      kind: 'Organization',
      ftmSchema: 'Company',
      jurisdiction: 'es',
      start: '2009-05-12',
    });
  });

  it('turns Directorship, Membership, Employment and Ownership into our relationship types', () => {
    expect(rel('rel:ftm-fxftm-d-1')).toMatchObject({
      type: 'SITS_ON_BOARD',
      source: 'person:ftm-fxftm-p-1',
      target: 'org:ftm-fxftm-c-1',
      seat: 'Chair',
      start: '2019-03-01',
    });
    expect(rel('rel:ftm-fxftm-m-1')).toMatchObject({ type: 'MEMBER_OF', role: 'Member', start: '2021' });
    expect(rel('rel:ftm-fxftm-e-1')).toMatchObject({
      type: 'HOLDS_POSITION',
      target: 'public-body:ftm-fxftm-pb-2',
      role: 'Director of data',
      start: '2018-01-01',
      end: '2020-06',
    });
    // A stake, whoever holds it: the owner owns the asset.
    expect(rel('rel:ftm-fxftm-ow-1')).toMatchObject({
      type: 'OWNS',
      source: 'org:ftm-fxftm-c-1',
      target: 'org:ftm-fxftm-c-2',
      percentage: 75.5,
      start: '2017',
    });
  });

  it('turns parents into SUBSIDIARY_OF for companies and PART_OF for public bodies', () => {
    expect(rel('rel:ftm-fxftm-c-3-parent')).toMatchObject({ type: 'SUBSIDIARY_OF', target: 'org:ftm-fxftm-c-1' });
    expect(rel('rel:ftm-fxftm-pb-2-parent')).toMatchObject({ type: 'PART_OF', target: 'public-body:ftm-fxftm-pb-1' });
  });

  it('keeps a Payment a payment, and contract buyers and suppliers', () => {
    expect(rel('rel:ftm-fxftm-pay-1')).toMatchObject({
      type: 'PAID',
      source: 'public-body:ftm-fxftm-pb-1',
      target: 'org:ftm-fxftm-c-1',
      amount: 1_250_000,
      currency: 'EUR',
      start: '2020-04-20',
      purpose: 'Data analysis services',
    });
    expect(rel('rel:ftm-fxftm-k-1-authority')).toMatchObject({ type: 'BUYER_OF', source: 'public-body:ftm-fxftm-pb-2' });
    expect(rel('rel:ftm-fxftm-ka-1')).toMatchObject({
      type: 'AWARDED_TO',
      source: 'contract:ftm-fxftm-k-1',
      target: 'org:ftm-fxftm-c-2',
    });
  });

  it('reports what it did not import, per schema and property, never silently', () => {
    expect(mapped.skipped).toBe(1);
    expect(mapped.unmapped).toContainEqual({
      schema: 'Address',
      property: null,
      lines: 1,
      firstLine: 16,
      reason: 'Address has no place in our model',
    });
  });

  it('names the line and property of a reference it cannot resolve, and uses known ids from earlier imports', () => {
    const dangling = [{ id: 'x', schema: 'Membership', properties: { member: ['p'], organization: ['o'] } }];
    expect(mapLines(dangling).problems).toEqual([
      { line: 1, field: 'properties.member', message: expect.stringContaining('unknown entity "p"') },
      { line: 1, field: 'properties.organization', message: expect.stringContaining('unknown entity "o"') },
    ]);
    const known = new Map([
      ['p', { id: 'person:ftm-p', kind: 'Person' as const }],
      ['o', { id: 'org:ftm-o', kind: 'Organization' as const }],
    ]);
    expect(mapLines(dangling, { known }).file.relationships[0]).toMatchObject({
      type: 'MEMBER_OF',
      source: 'person:ftm-p',
      target: 'org:ftm-o',
    });
  });
});

describe('the vocabulary of conflicts of interest from FtM', () => {
  const people = [
    { id: 'p1', schema: 'Person', properties: { name: ['Ana Ruiz'], birthDate: ['1970-05-01'] } },
    { id: 'p2', schema: 'Person', properties: { name: ['Luis Ruiz'] } },
    { id: 'c1', schema: 'Company', properties: { name: ['Obras SA'], taxNumber: ['B-123'], leiCode: ['5493001KJTIIGC8Y1R12'] } },
    { id: 'c2', schema: 'Company', properties: { name: ['Beta SL'] } },
    { id: 'pb', schema: 'PublicBody', properties: { name: ['Ayuntamiento'] } },
  ];

  it('pays from anyone to anyone, once per payer and beneficiary, keeping the euro and dollar values as given', () => {
    const mapped = mapLines([
      ...people,
      {
        id: 'pay',
        schema: 'Payment',
        properties: {
          payer: ['p1'],
          beneficiary: ['c1', 'c2'],
          amount: ['1000'],
          currency: ['gbp'],
          amountEur: ['1150.5'],
          date: ['2021-03'],
        },
      },
    ]);
    const paid = mapped.file.relationships as Row[];
    expect(paid).toHaveLength(2);
    expect(paid.map((r) => r.target).sort()).toEqual(['org:ftm-c1', 'org:ftm-c2']);
    for (const r of paid)
      expect(r).toMatchObject({
        type: 'PAID',
        source: 'person:ftm-p1',
        amount: 1000,
        currency: 'GBP',
        amountEur: 1150.5,
        start: '2021-03',
        ftmId: 'pay',
      });
    expect(new Set(paid.map((r) => r.id)).size).toBe(2);
  });

  it('reads family, associates, representation, succession, unknown links and sanctions', () => {
    const mapped = mapLines([
      ...people,
      { id: 'f', schema: 'Family', properties: { person: ['p1'], relative: ['p2'], relationship: ['spouse'] } },
      { id: 'a', schema: 'Associate', properties: { person: ['p1'], associate: ['p2'], relationship: ['business partner'] } },
      { id: 'r', schema: 'Representation', properties: { agent: ['c2'], client: ['c1'], role: ['lobbyist'] } },
      { id: 's', schema: 'Succession', properties: { predecessor: ['c2'], successor: ['c1'] } },
      { id: 'u', schema: 'UnknownLink', properties: { subject: ['p2'], object: ['pb'], role: ['adviser'] } },
      {
        id: 'san',
        schema: 'Sanction',
        properties: {
          entity: ['p1'],
          authority: ['Office of Foreign Assets Control'],
          country: ['us'],
          program: ['RUSSIA-EO14024'],
          listingDate: ['2022-03-11'],
          startDate: ['2022-03-11'],
        },
      },
      { id: 'pass', schema: 'Passport', properties: { holder: ['p1'], number: ['X123'] } },
    ]);
    const rel = (id: string) => byId(mapped.file.relationships, id);
    expect(rel('rel:ftm-f')).toMatchObject({ type: 'FAMILY_OF', relation: 'spouse' });
    expect(rel('rel:ftm-a')).toMatchObject({ type: 'ASSOCIATE_OF', relation: 'business partner' });
    expect(rel('rel:ftm-r')).toMatchObject({ type: 'REPRESENTS', source: 'org:ftm-c2', target: 'org:ftm-c1', role: 'lobbyist' });
    expect(rel('rel:ftm-s')).toMatchObject({ type: 'SUCCEEDED_BY', source: 'org:ftm-c2', target: 'org:ftm-c1' });
    expect(rel('rel:ftm-u')).toMatchObject({ type: 'LINKED_TO', relation: 'adviser' });
    const sanction = rel('rel:ftm-san');
    expect(sanction).toMatchObject({
      type: 'SANCTIONED_BY',
      source: 'person:ftm-p1',
      program: 'RUSSIA-EO14024',
      listingDate: '2022-03-11',
      start: '2022-03-11',
    });
    expect(byId(mapped.file.entities, String(sanction?.target))).toMatchObject({
      kind: 'PublicBody',
      name: 'Office of Foreign Assets Control',
      country: ['us'],
    });
    expect(byId(mapped.file.entities, 'person:ftm-p1')).toMatchObject({
      birthDate: '1970-05-01',
      identifiers: [{ scheme: 'passport', value: 'X123' }],
    });
    expect(byId(mapped.file.entities, 'org:ftm-c1')).toMatchObject({
      identifiers: [
        { scheme: 'tax', value: 'B-123' },
        { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' },
      ],
    });
    expect(mapped.problems).toEqual([]);
  });

  it('chooses the caption FtM gives, never the first name, and leaves conflicting dates and amounts to the widest honest reading', () => {
    const mapped = mapLines([
      {
        id: 'k',
        schema: 'Company',
        caption: 'JSC Kalashnikov Concern',
        properties: {
          name: ['JSC NPO IZHMASH', 'JSC Kalashnikov Concern'],
          incorporationDate: ['2011-09-01', '1999', '2005-03'],
        },
      },
      { id: 'z', schema: 'Person', properties: { name: ['Zakharov'], birthDate: ['1988-01-07', '1988-07-01'] } },
      {
        id: 'o',
        schema: 'Ownership',
        properties: { owner: ['z'], asset: ['k'], percentage: ['50', '51'], role: ['IT Director'] },
      },
    ]);
    expect(byId(mapped.file.entities, 'org:ftm-k')).toMatchObject({
      name: 'JSC Kalashnikov Concern',
      aliases: ['JSC NPO IZHMASH'],
      start: '1999',
    });
    expect(byId(mapped.file.entities, 'person:ftm-z')).toMatchObject({ birthDate: '1988' });
    const stake = mapped.file.relationships[0] as Row;
    expect(stake.percentage).toBeUndefined();
    expect(stake.ownershipType).toBe('IT Director');
    expect(mapped.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('kept the earliest, 1999'),
      expect.stringContaining('kept 1988'),
      expect.stringContaining('50, 51 in the source disagree'),
    ]);
  });

  it('refuses an amount whose decimal separator FtM would not read, unless the file declares its locale', () => {
    const line = [
      ...people,
      {
        id: 'pay',
        schema: 'Payment',
        properties: { payer: ['p1'], beneficiary: ['c1'], amount: ['12.345,67'], currency: ['EUR'] },
      },
    ];
    expect(mapLines(line).problems).toEqual([
      { line: 6, field: 'properties.amount', message: expect.stringContaining('"12.345,67" is not a well-formed number') },
    ]);
    const german = mapLines(line, { convention: conventionOf('de') });
    expect(german.problems).toEqual([]);
    expect(german.file.relationships[0]).toMatchObject({ amount: 12345.67 });
  });

  it('reports a link to a line it does not import instead of refusing the file', () => {
    const mapped = mapLines([
      ...people,
      { id: 'v', schema: 'Vessel', properties: { name: ['Sea Star'] } },
      { id: 'o', schema: 'Ownership', properties: { owner: ['c1'], asset: ['v'] } },
    ]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.file.relationships).toEqual([]);
    expect(mapped.unmapped).toContainEqual(
      expect.objectContaining({ schema: 'Ownership', property: 'asset', reason: expect.stringContaining('Vessel') }),
    );
  });
});

describe('our export read back', () => {
  it('gives back exactly the seed story: entities, relationships, amounts, dates and citations, under the same ids', () => {
    const snapshot = seedSnapshot({ nodeIds: seed.entities.filter((e) => e.kind !== 'Document').map((e) => e.id) });
    const lines = ftmLines({ snapshot, exportedAt: new Date('2026-01-01T00:00:00Z') });
    const { records } = parseFtmLines(lines.map((l) => JSON.stringify(l)).join('\n'));
    const mapped = mapFtm(records, context);
    expect(mapped.problems).toEqual([]);
    expect(mapped.unmapped).toEqual([]);
    expect(mapped.citesFile).toBe(false);
    const parsed = parseInterlockFile(mapped.file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const canon = (facts: readonly object[]) => new Map(facts.map((f) => [(f as Row).id, JSON.stringify(sorted(f))]));
    const before = canon([...snapshot.content.entities, ...snapshot.content.documents, ...snapshot.content.relationships]);
    expect(canon([...parsed.file.entities, ...parsed.file.relationships])).toEqual(before);
  });

  it('keeps a value longer than FtM takes in the annotation, and gives it back whole', () => {
    const measures = Array.from({ length: 60 }, (_, i) => `measure ${i + 1}: asset freeze`).join('; ');
    expect(measures.length).toBeGreaterThan(1024); // FtM's string limit
    const mapped = mapLines([
      { id: 'p1', schema: 'Person', properties: { name: ['Ana Ruiz'] } },
      { id: 's1', schema: 'Sanction', properties: { entity: ['p1'], authority: ['OFAC'], provisions: [measures] } },
    ]);
    const parsed = parseInterlockFile({ ...mapped.file, entities: [doc, ...mapped.file.entities] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const snapshot = {
      ...seedSnapshot(),
      content: {
        ...seedSnapshot().content,
        entities: parsed.file.entities.filter((e) => e.kind !== 'Document'),
        documents: parsed.file.entities.filter((e) => e.kind === 'Document'),
        relationships: parsed.file.relationships,
      },
    };
    const lines = ftmLines({ snapshot, exportedAt: new Date('2026-01-01T00:00:00Z') });
    const sanction = lines.find((l) => l.schema === 'Sanction');
    expect(sanction?.properties.provisions).toBeUndefined();
    const back = mapFtm(parseFtmLines(lines.map((l) => JSON.stringify(l)).join('\n')).records, context);
    expect(back.file.relationships.find((r) => (r as Row).type === 'SANCTIONED_BY')).toMatchObject({ provisions: measures });
  });

  it('writes only properties each schema has, and ids FtM accepts', () => {
    const lines = ftmLines({ snapshot: seedSnapshot(), exportedAt: new Date('2026-01-01T00:00:00Z') });
    for (const line of lines) expect(line.id).toMatch(/^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/);
    expect(lines.map((l) => l.schema)).toEqual(expect.arrayContaining(['Person', 'Directorship', 'Employment', 'ContractAward']));
    expect(lines.find((l) => l.schema === 'Directorship')?.properties).toMatchObject({
      director: ['person.vincent-line'],
      organization: ['org.lexisnexis-data-warehouse-board'],
      // FtM's `role` has no languages: the seat's translations travel in the annotation with the rest.
      summary: [
        expect.stringMatching(/^Cited: document\.\S+ at line 24: “/),
        'Interlock: {"roleTranslations":{"es":"Miembro del consejo","ar":"عضو مجلس الإدارة"},"current":true}',
      ],
    });
  });
});

describe('FtM values and ids', () => {
  it('reads dates with a time, and finds what several dates agree on', () => {
    expect(isoDate('2018-01-01T00:00:00')).toBe('2018-01-01');
    expect(isoDate('2020-06')).toBe('2020-06');
    expect(commonDate(['1988-01-07', '1988-07-01'])).toBe('1988');
    expect(commonDate(['1988', '1988-01-07'])).toBe('1988');
    expect(commonDate(['1960', '1962'])).toBeUndefined();
  });

  it('derives URL-safe ids deterministically, distinct for ids that differ only in replaced characters', () => {
    expect(ftmEntityId('Person', 'Q7747')).toBe('person:ftm-q7747');
    expect(slugOf('NK-abc/def')).toMatch(/^nk-abc-def-[0-9a-f]{8}$/);
    expect(slugOf('NK-abc def')).not.toBe(slugOf('NK-abc/def'));
  });

  it('writes our ids as FtM ids and reads them back, and leaves publishers’ ids alone', () => {
    for (const id of ['person:vincent-line', 'rel:ftm-abc-payer', 'org:a_b~c', 'document:x.'])
      expect(fromFtmId(toFtmId(id)), id).toBe(id);
    expect(toFtmId('person:vincent-line')).toBe('person.vincent-line');
    expect(fromFtmId('NK-2Tbri3s6GgNtAwsSXh4qpL')).toBeUndefined();
    expect(fromFtmId('9f1c.7d3e')).toBeUndefined();
  });

  it('takes kinds and identifier schemes from the FtM model', () => {
    expect(kindOfSchema('Company')).toBe('Organization');
    expect(kindOfSchema('PublicBody')).toBe('PublicBody');
    expect(kindOfSchema('Vessel')).toBeUndefined();
    expect(schemeOfProperty('Company', 'leiCode')).toBe('lei');
    expect(schemeOfProperty('Company', 'kppCode')).toBe('kpp');
    expect(schemeOfProperty('Person', 'programId')).toBeUndefined();
    expect(pickName(['OSETROVA, Maria Aleksandrovna', 'Maria Aleksandrovna Osetrova', 'Мария Александровна Осетрова'])).toBe(
      'Maria Aleksandrovna Osetrova',
    );
  });
});

const seed = InterlockFile.parse(JSON.parse(readFileSync(new URL('../../seed-data/colorado.json', import.meta.url), 'utf8')));

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Row)[k])]),
    );
  return value;
}
