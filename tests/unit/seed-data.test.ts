/** The seed story is valid data in our own format, and tells the facts the product promises. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReferences, externalReferences, parseInterlockFile } from '../../server/services/import-validation.js';
import { SEED_FILE } from '../../server/services/seed.js';
import { roleWords } from '../../schemas/index.js';

const parsed = parseInterlockFile(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
if (!parsed.ok) throw new Error(`seed is invalid: ${JSON.stringify(parsed.problems, null, 2)}`);
const seed = parsed.file;
const entity = (id: string) => seed.entities.find((e) => e.id === id);

describe('seed data', () => {
  it('is self-contained: every reference resolves inside the file and every endpoint kind is allowed', () => {
    expect(externalReferences(seed)).toEqual([]);
    expect(checkReferences(seed, new Map())).toEqual([]);
  });

  it('cites the press release with a line locator and a short quote on every relationship and non-Document entity', () => {
    const facts = [...seed.relationships, ...seed.entities.filter((e) => e.kind !== 'Document')];
    for (const fact of facts) {
      expect(fact.citations.length, fact.id).toBeGreaterThan(0);
      for (const c of fact.citations) {
        expect(c.documentId).toBe('document:press-release-sanctuary-sabotage');
        expect(c.locator).toMatch(/^line \d+$/);
        expect(c.quote.length).toBeLessThan(300);
      }
    }
  });

  it('keeps the translation artifacts as aliases, not as entities', () => {
    expect(entity('public-body:ice')?.aliases).toEqual(
      expect.arrayContaining(['الجليد', 'Immigration and Customs Enforcement', 'شركة ICE']),
    );
    expect(entity('system:vine')?.aliases).toContain('كرمة');
    expect(seed.entities.filter((e) => e.name.includes('الجليد') || e.name.includes('كرمة'))).toEqual([]);
  });

  it('says what every inferred fact was inferred from', () => {
    const inferred = seed.relationships.filter((r) => r.status === 'inferred');
    expect(inferred.map((r) => r.id)).toContain('rel:denver-sheriff-department.part-of.city-of-denver');
    for (const r of inferred) expect(r.inferredFrom, r.id).toBeTruthy();
  });

  it('records the two board seats and the Denver contract as the fact sheet states them', () => {
    const seat = (person: string) =>
      seed.relationships.find(
        (r) => r.type === 'SITS_ON_BOARD' && r.source === person && r.target === 'org:lexisnexis-data-warehouse-board',
      );
    expect(seat('person:vincent-line')?.citations[0]?.locator).toBe('line 24');
    expect(seat('person:matt-lewis')).toBeDefined();
    const lewis = seed.relationships.find((r) => r.type === 'HOLDS_POSITION' && r.source === 'person:matt-lewis');
    expect(lewis?.current).toBe(false);
    const contract = entity('contract:denver-lexisnexis-data-services-2020');
    expect(contract).toMatchObject({ kind: 'Contract', amount: 750000, currency: 'USD', signedOn: '2020' });
  });
});

describe('translations of roles in the seed', () => {
  const roles = seed.relationships.filter((r) => roleWords(r) !== undefined);

  it('gives every role, seat and data flow a Spanish and an Arabic translation, the original kept', () => {
    expect(roles.length).toBeGreaterThan(10);
    for (const r of roles) {
      const translations = 'roleTranslations' in r ? r.roleTranslations : undefined;
      expect(translations?.es, r.id).toBeTruthy();
      expect(translations?.ar, r.id).toMatch(/[\u0600-\u06FF]/);
      expect(roleWords(r), r.id).toMatch(/^[A-Z]/);
    }
  });

  it("uses the press release's own Arabic words for the roles of the people it names", () => {
    const people = roles.filter((r) => r.type === 'HOLDS_POSITION' || r.type === 'QUOTED_IN');
    expect(people.length).toBeGreaterThan(8);
    for (const r of people) {
      // The title itself, without the campaign or the aside the translation adds after a comma or in brackets.
      const title = (('roleTranslations' in r && r.roleTranslations?.ar) || '').split(/[،(]/)[0]?.trim() ?? '';
      expect(title.length, r.id).toBeGreaterThan(2);
      expect(
        r.citations.some((c) => c.quote.includes(title)),
        `${r.id}: "${title}"`,
      ).toBe(true);
    }
  });
});
