/** Duplicate finding without a database: name normalisation, scoring, grouping limits, merging properties. */
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../schemas/index.js';
import { cypher } from '../../server/db/cypher-files.js';
import { nameKey, nameSimilarity, normaliseName, slugOfName } from '../../server/services/duplicates/normalise.js';
import {
  isIdentifying,
  LIMITS,
  pairKey,
  proposeDuplicates,
  ruledOut,
  type Candidate,
} from '../../server/services/duplicates/proposals.js';
import { normaliseUrl } from '../../server/services/duplicates/service.js';
import { absorb, renamed } from '../../server/services/editing/merge.js';
import { entityIdCandidates, newDocumentId } from '../../server/services/editing/ids.js';

let n = 0;
function person(name: string, extra: Partial<Candidate> = {}): Candidate {
  n += 1;
  return { id: `person:p${n}`, kind: 'Person', name, aliases: [], identifiers: [`id:person:p${n}`], ...extra };
}

describe('name normalisation', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normaliseName('Jacinta GONZÁLEZ')).toBe(normaliseName('jacinta gonzalez'));
    expect(normaliseName('  Line,   Vincent ')).toBe('line vincent');
  });

  it('folds Arabic diacritics and letter variants', () => {
    expect(normaliseName('الجَلِيد')).toBe('الجليد');
    expect(normaliseName('أحمد')).toBe(normaliseName('احمد'));
    expect(normaliseName('مدرسة')).toBe(normaliseName('مدرسه'));
    expect(normaliseName('مصطفى')).toBe(normaliseName('مصطفي'));
  });

  it('keys names regardless of word order and legal form', () => {
    expect(nameKey('Line, Vincent')).toBe(nameKey('Vincent Line'));
    expect(nameKey('Appriss Inc.')).toBe(nameKey('APPRISS'));
    expect(nameKey('LexisNexis Risk Solutions')).not.toBe(nameKey('LexisNexis'));
  });

  it('scores similar spellings high and names differing by a word low', () => {
    expect(nameSimilarity('Vincent Line', 'Vincent Lline')).toBeGreaterThan(LIMITS.similarity);
    expect(nameSimilarity('Denver Police Department', 'Denver Fire Department')).toBeLessThan(LIMITS.similarity);
    expect(nameSimilarity('Company 1', 'Company 2')).toBeLessThan(LIMITS.similarity);
  });

  it('makes URL-safe ids, with a hash for names in other scripts', () => {
    expect(slugOfName('Zoë  Smith-Jones!')).toBe('zoe-smith-jones');
    expect(entityIdCandidates('Person', 'Zoë Smith')[0]).toBe('person:zoe-smith');
    expect(entityIdCandidates('Person', 'Zoë Smith')[1]).toBe('person:zoe-smith-2');
    expect(entityIdCandidates('PublicBody', 'الجليد')[0]).toMatch(/^public-body:[0-9a-f]{8}$/);
    const doc = { title: 'Sanctuary Sabotage', url: 'https://example.org/r' };
    expect(newDocumentId(doc)).toBe(newDocumentId({ ...doc }));
    expect(newDocumentId(doc)).not.toBe(newDocumentId({ ...doc, publishedOn: '2021' }));
  });

  it('treats the same page written two ways as one URL', () => {
    expect(normaliseUrl('https://www.Example.org/a/')).toBe(normaliseUrl('http://example.org/a'));
  });
});

describe('codes, birth dates and legal forms', () => {
  const company = (name: string, codes: [string, string][]): Candidate => ({ ...person(name, { codes }), kind: 'Organization' });

  it('proposes the same code of the same scheme as the same entity, whatever the names', () => {
    const a = company('Obras del Norte SA', [['tax', 'B12345678']]);
    const b = company('OBRAS NORTE', [['tax', 'B12345678']]);
    const [pair] = proposeDuplicates([a, b], new Set()).pairs;
    expect(pair).toMatchObject({ reason: 'identifier', score: 1, detail: 'both carry the identifier tax B12345678' });
  });

  it('never proposes two companies of the same name with different codes of one scheme', () => {
    const a = company('Alpha GmbH', [['tax', 'DE111']]);
    const b = company('Alpha GmbH', [['tax', 'DE222']]);
    const c = company('Alpha GmbH', [['lei', '5493001KJTIIGC8Y1R12']]);
    expect(ruledOut(a, b)).toBe('different tax codes');
    const pairs = proposeDuplicates([a, b, c], new Set()).pairs.map((p) => [p.a.id, p.b.id].sort().join(' '));
    expect(pairs).not.toContain([a.id, b.id].sort().join(' '));
    // Different schemes say nothing against each other: the one without a tax code may still be either.
    expect(pairs).toContain([a.id, c.id].sort().join(' '));
  });

  it('never proposes namesakes born on different dates, but allows a year and a full date of it', () => {
    const a = person('Alexander Zakharov', { birthDate: '1965-09-21' });
    const b = person('Alexander Zakharov', { birthDate: '1999-02-26' });
    const c = person('Alexander Zakharov', { birthDate: '1965' });
    expect(ruledOut(a, b)).toBe('different birth dates');
    expect(ruledOut(a, c)).toBeUndefined();
    // Only a and c: b was born in 1999, neither in 1965-09-21 nor in 1965.
    expect(proposeDuplicates([a, b, c], new Set()).pairs.map((p) => [p.a.id, p.b.id])).toEqual([[a.id, c.id]]);
  });

  it('does not let codes that only classify (a Russian KPP, shared by a tax office) make or break a pair', () => {
    const a = company('ООО «ЦСТ»', [['kpp', '771501001']]);
    const b = company('Aeroscan LLC', [['kpp', '771501001']]);
    expect(isIdentifying('kpp')).toBe(false);
    expect(isIdentifying('ocds:gb-coh')).toBe(true);
    expect(proposeDuplicates([a, b], new Set()).pairs).toEqual([]);
  });

  it('does not let legal forms, in any language, or web addresses make two things alike', () => {
    expect(nameKey('Verband der Metallindustrie e.V.')).toBe(nameKey('Verband Metallindustrie'));
    expect(nameKey('ООО "Ромашка"')).toBe(nameKey('Ромашка'));
    expect(nameKey('Alpha S.p.A.')).toBe(nameKey('ALPHA'));
    expect(nameSimilarity('Alpha Holding GmbH & Co. KG', 'Beta Holding GmbH & Co. KG')).toBeLessThan(LIMITS.similarity);
    const doc = (name: string, url: string): Candidate => ({
      ...person(name, { codes: [['url', normaliseUrl(url)]] }),
      kind: 'Document',
    });
    const pairs = proposeDuplicates(
      [
        doc(
          'https://www.bundestag.de/parlament/parteienfinanzierung/2011',
          'https://www.bundestag.de/parlament/parteienfinanzierung/2011',
        ),
        doc(
          'https://www.bundestag.de/parlament/parteienfinanzierung/2012',
          'https://www.bundestag.de/parlament/parteienfinanzierung/2012',
        ),
        doc('Example Registry', 'https://example.org/a'),
        doc('Example Registry', 'https://example.org/b'),
      ],
      new Set(),
    ).pairs;
    expect(pairs).toEqual([]);
  });
});

describe('proposing duplicates', () => {
  it('finds the same name, an alias in another script, a shared identifier and a similar spelling, best first', () => {
    const ana = person('Ana Gómez');
    const anaUpper = person('ANA GOMEZ');
    const anaArabic = person('آنا غوميز');
    const anaWithAlias = person('A. Gómez', { aliases: ['آنا غوميز'] });
    const ftmA = person('Robert Roe', { identifiers: ['ftm:Q1'] });
    const ftmB = person('Bob Roe', { identifiers: ['ftm:Q1'] });
    const typoA = person('Vincent Line');
    const typoB = person('Vincent Lline');
    const { pairs, capped } = proposeDuplicates([ana, anaUpper, anaArabic, anaWithAlias, ftmA, ftmB, typoA, typoB], new Set());
    const find = (x: Candidate, y: Candidate) => pairs.find((p) => pairKey(p.a.id, p.b.id) === pairKey(x.id, y.id));
    expect(find(ftmA, ftmB)).toMatchObject({ reason: 'identifier', score: 1 });
    expect(find(ana, anaUpper)).toMatchObject({ reason: 'same-name', score: 0.95 });
    expect(find(anaArabic, anaWithAlias)).toMatchObject({ reason: 'alias', score: 0.9 });
    expect(find(typoA, typoB)?.reason).toBe('similar-name');
    expect(find(ana, typoA)).toBeUndefined();
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    expect(capped).toBe(false);
  });

  it('never pairs different kinds, and leaves out rejected pairs', () => {
    const a = person('Appriss');
    const b: Candidate = { ...person('Appriss'), kind: 'Organization' };
    const c = person('Appriss');
    const { pairs } = proposeDuplicates([a, b, c], new Set([pairKey(c.id, a.id)]));
    expect(pairs).toEqual([]);
  });

  it('skips a word shared by too many names instead of comparing them all, and says so', () => {
    const many = Array.from({ length: LIMITS.wordGroup + 5 }, (_, i) => person(`Sheriff Number${i}x`));
    const { pairs, capped } = proposeDuplicates(many, new Set());
    expect(capped).toBe(true);
    expect(pairs.filter((p) => p.reason === 'similar-name')).toEqual([]);
  });
});

describe('merging properties', () => {
  const keep = {
    id: 'person:ana',
    name: 'Ana Gómez',
    aliases: ['A. Gómez'],
    citationDocumentIds: ['document:a'],
    citationLocators: ['line 1'],
    citationQuotes: ['Ana'],
  };
  const gone = {
    id: 'person:ana-2',
    name: 'ANA GOMEZ',
    aliases: ['آنا غوميز', 'A. Gómez'],
    mergedIds: ['person:ana-3'],
    description: 'deputy',
    citationDocumentIds: ['document:a', 'document:b'],
    citationLocators: ['line 1', 'p. 2'],
    citationQuotes: ['Ana', 'Gomez'],
  };

  it('keeps every name and citation once, records the merged ids, and fills in missing fields', () => {
    expect(absorb(keep, gone)).toEqual({
      ...keep,
      aliases: ['A. Gómez', 'ANA GOMEZ', 'آنا غوميز'],
      mergedIds: ['person:ana-2', 'person:ana-3'],
      description: 'deputy',
      citationDocumentIds: ['document:a', 'document:b'],
      citationLocators: ['line 1', 'p. 2'],
      citationQuotes: ['Ana', 'Gomez'],
    });
  });

  it('keeps both entities’ identifiers and countries in a merge, each pair once', () => {
    const kept = absorb(
      { id: 'org:a', name: 'A', identifierSchemes: ['tax', 'lei'], identifierValues: ['1', 'L'], country: ['de'] },
      { id: 'org:b', name: 'B', identifierSchemes: ['tax', 'inn'], identifierValues: ['1', '77'], country: ['at', 'de'] },
    );
    expect(kept).toMatchObject({
      identifierSchemes: ['tax', 'lei', 'inn'],
      identifierValues: ['1', 'L', '77'],
      country: ['de', 'at'],
      mergedIds: ['org:b'],
    });
  });

  it('renames citations and counterparties that named the merged entity', () => {
    expect(
      renamed({ citationDocumentIds: ['document:b', 'document:c'], counterpartyIds: ['document:b'] }, 'document:b', 'document:a'),
    ).toEqual({
      citationDocumentIds: ['document:a', 'document:c'],
      counterpartyIds: ['document:a'],
    });
  });
});

describe('finding a relationship by id', () => {
  it('asks every type of the allowlist, and no other', () => {
    const types = [...cypher('queries/edit-relationship-state').matchAll(/\[r:([A-Z_]+) \{id: \$id\}\]/g)].map((m) => m[1]);
    expect(types.sort()).toEqual([...RELATIONSHIP_TYPES].sort());
  });
});
