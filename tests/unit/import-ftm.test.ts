import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { date, ftmReferences, mapFtm, number, parseFtmLines } from '../../server/services/imports/ftm.js';
import { ftmEntityId, slugOf } from '../../server/services/imports/ids.js';

const fixture = readFileSync(new URL('../fixtures/imports/people.ftm.jsonl', import.meta.url), 'utf8');
const context = { documentId: 'document:import-ftm-x', fileName: 'people.ftm.json', known: new Map() };
const doc = { id: 'document:import-ftm-x', kind: 'Document', name: 'people.ftm.json', title: 'people.ftm.json' };

describe('FollowTheMoney lines', () => {
  it('keep their line numbers and merge fragments of the same entity', () => {
    const { records, problems, merged } = parseFtmLines(fixture);
    expect(problems).toEqual([]);
    expect(merged).toBe(1);
    const layla = records.find((r) => r.id === 'fxftm-p-1');
    expect(layla?.line).toBe(1);
    expect(layla?.properties.alias).toEqual(['L. Haddad', 'Laila Haddad']);
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
  const entity = (id: string) => mapped.file.entities.find((e) => (e as { id: string }).id === id) as Record<string, unknown>;
  const rel = (id: string) => mapped.file.relationships.find((r) => (r as { id: string }).id === id) as Record<string, unknown>;

  it('produces a file our validator accepts', () => {
    const parsed = parseInterlockFile({ ...mapped.file, entities: [doc, ...mapped.file.entities] });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('maps people with all their names, in any script, citing the line and the source URL', () => {
    expect(entity('person:ftm-fxftm-p-1')).toMatchObject({
      kind: 'Person',
      name: 'Layla Haddad',
      aliases: ['ليلى حداد', 'L. Haddad', 'Laila Haddad'],
      ftmId: 'fxftm-p-1',
      citations: [
        { documentId: 'document:import-ftm-x', locator: 'line 1', quote: 'Layla Haddad' },
        { documentId: expect.stringMatching(/^document:ftm-source-/), locator: 'sourceUrl', quote: 'Layla Haddad' },
      ],
    });
    const source = mapped.file.entities.find((e) => (e as { url?: string }).url === 'https://example.org/fxftm/registry');
    expect(source).toMatchObject({ kind: 'Document', publisher: 'Example Registry' });
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
    expect(rel('rel:ftm-fxftm-ow-1')).toMatchObject({
      type: 'SUBSIDIARY_OF',
      source: 'org:ftm-fxftm-c-2',
      target: 'org:ftm-fxftm-c-1',
      percentage: 75.5,
    });
  });

  it('turns parents into SUBSIDIARY_OF for companies and PART_OF for public bodies', () => {
    expect(rel('rel:ftm-fxftm-c-3-parent')).toMatchObject({ type: 'SUBSIDIARY_OF', target: 'org:ftm-fxftm-c-1' });
    expect(rel('rel:ftm-fxftm-pb-2-parent')).toMatchObject({ type: 'PART_OF', target: 'public-body:ftm-fxftm-pb-1' });
  });

  it('turns a Payment into a contract the payer buys and the beneficiary is awarded, and keeps contract buyers and suppliers', () => {
    expect(entity('contract:ftm-fxftm-pay-1')).toMatchObject({
      kind: 'Contract',
      amount: 1_250_000,
      currency: 'EUR',
      signedOn: '2020-04-20',
      purpose: 'Data analysis services',
    });
    expect(rel('rel:ftm-fxftm-pay-1-payer')).toMatchObject({
      type: 'BUYER_OF',
      source: 'public-body:ftm-fxftm-pb-1',
      target: 'contract:ftm-fxftm-pay-1',
    });
    expect(rel('rel:ftm-fxftm-pay-1-beneficiary')).toMatchObject({ type: 'AWARDED_TO', target: 'org:ftm-fxftm-c-1' });
    expect(rel('rel:ftm-fxftm-k-1-authority')).toMatchObject({ type: 'BUYER_OF', source: 'public-body:ftm-fxftm-pb-2' });
    expect(rel('rel:ftm-fxftm-ka-1')).toMatchObject({
      type: 'AWARDED_TO',
      source: 'contract:ftm-fxftm-k-1',
      target: 'org:ftm-fxftm-c-2',
    });
  });

  it('skips schemas our model has no place for, with a warning naming the line', () => {
    expect(mapped.skipped).toBe(1);
    expect(mapped.warnings).toEqual([{ line: 16, message: 'Address has no place in our model; skipped' }]);
  });

  it('names the line and property of a reference it cannot resolve, and uses known ids from earlier imports', () => {
    const { records: dangling } = parseFtmLines(
      '{"id":"x","schema":"Membership","properties":{"member":["p"],"organization":["o"]}}',
    );
    expect(mapFtm(dangling, context).problems).toEqual([
      { line: 1, field: 'properties.member', message: expect.stringContaining('unknown entity "p"') },
      { line: 1, field: 'properties.organization', message: expect.stringContaining('unknown entity "o"') },
    ]);
    const known = new Map([
      ['p', { id: 'person:ftm-p', kind: 'Person' as const }],
      ['o', { id: 'org:ftm-o', kind: 'Organization' as const }],
    ]);
    expect(mapFtm(dangling, { ...context, known }).file.relationships[0]).toMatchObject({
      type: 'MEMBER_OF',
      source: 'person:ftm-p',
      target: 'org:ftm-o',
    });
  });
});

describe('FtM values and ids', () => {
  it('reads dates with a time and numbers with separators, keeping what it cannot read for validation to name', () => {
    expect(date('2018-01-01T00:00:00')).toBe('2018-01-01');
    expect(date('2020-06')).toBe('2020-06');
    expect(date('last spring')).toBe('last spring');
    expect(number('1,250,000.50')).toBe(1_250_000.5);
    expect(number('lots')).toBe('lots');
  });

  it('derives URL-safe ids deterministically, distinct for ids that differ only in replaced characters', () => {
    expect(ftmEntityId('Person', 'Q7747')).toBe('person:ftm-q7747');
    expect(slugOf('NK-abc/def')).toMatch(/^nk-abc-def-[0-9a-f]{8}$/);
    expect(slugOf('NK-abc def')).not.toBe(slugOf('NK-abc/def'));
    expect(slugOf('NK-abc/def')).toBe(slugOf('NK-abc/def'));
  });
});
