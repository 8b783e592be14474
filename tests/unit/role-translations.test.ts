/**
 * A connection's own words (role, seat, data...) in the reader's language: the schema that takes the
 * translations, their storage as parallel lists in Neo4j and back, the label and panel choice, the
 * connection form, and the export formats that carry them.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Relationship, localRole, type GraphEdge, type GraphNode } from '../../schemas/index.js';
import { relationshipToStored, roleTranslationsFromStored, toGraphEdge } from '../../server/db/mapping.js';
import { renderCsvZip } from '../../server/services/exports/csv.js';
import { renderCypher } from '../../server/services/exports/cypher.js';
import { renderGraphml } from '../../server/services/exports/graphml.js';
import { mapCsv, unzipCsv } from '../../server/services/imports/csv.js';
import { edgeLabel, edgeQualifier } from '../../shared/presentation/labels.js';
import { ENGLISH, type Wording } from '../../shared/presentation/wording.js';
import { connectionQualifier } from '../../web/src/model/detail.js';
import {
  relationshipDraftOf,
  updateRelationshipRequest,
  createRelationshipRequest,
  TYPE_FIELDS,
} from '../../web/src/features/editing/drafts.js';
import { fieldChanges } from '../../web/src/features/editing/history.js';
import {
  findingOf,
  findingRecords,
  findingTitle,
  type PatternRow,
  type RawNode,
  type RawRelationship,
} from '../../server/services/conflicts/findings.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { seedSnapshot } from '../fixtures/snapshots/seed-snapshot.js';

const citations = [{ documentId: 'document:press-release', locator: 'line 24', quote: 'رئيس العمليات' }];
const chief = Relationship.parse({
  id: 'rel:line-chief',
  type: 'HOLDS_POSITION',
  source: 'person:vincent-line',
  target: 'public-body:denver-sheriff-department',
  role: 'Chief of operations',
  roleTranslations: { ar: 'رئيس العمليات', es: 'Jefe de operaciones' },
  status: 'reported',
  citations,
}) as GraphEdge;
const nodes = new Map<string, GraphNode>();
const wordsIn = (language: string): Wording => ({ ...ENGLISH, language });
const FSI = '\u2068';

describe('the schema', () => {
  it('takes translations into our languages only, none of them empty', () => {
    const parse = (roleTranslations: unknown) => Relationship.safeParse({ ...chief, roleTranslations }).success;
    expect(parse({ es: 'Jefe' })).toBe(true);
    expect(parse({ fr: 'Chef des opérations' })).toBe(false);
    expect(parse({})).toBe(false);
    expect(parse({ ar: '   ' })).toBe(false);
  });
});

describe('storage in Neo4j', () => {
  it('stores the translations as two parallel lists in a fixed language order and reads them back', () => {
    const { type, source, target, properties } = relationshipToStored(chief);
    expect(properties.roleTranslations).toBeUndefined();
    expect(properties.roleTranslationLanguages).toEqual(['es', 'ar']);
    expect(properties.roleTranslationTexts).toEqual(['Jefe de operaciones', 'رئيس العمليات']);
    const back = toGraphEdge({ ...properties, type, source, target });
    expect(back).not.toHaveProperty('roleTranslationLanguages');
    expect(Relationship.parse(back)).toEqual(Relationship.parse(chief));
  });

  it('stores nothing for a relationship without translations, and leaves out languages we do not speak', () => {
    const { roleTranslations: _none, ...plain } = chief as GraphEdge & { roleTranslations?: unknown };
    const stored = relationshipToStored(plain as Relationship).properties;
    expect(Object.keys(stored).filter((k) => k.startsWith('roleTranslation'))).toEqual([]);
    expect(toGraphEdge({ ...stored, type: 'HOLDS_POSITION', source: 'a', target: 'b' })).not.toHaveProperty('roleTranslations');
    expect(
      roleTranslationsFromStored({ roleTranslationLanguages: ['fr', 'es'], roleTranslationTexts: ['Chef', 'Jefe'] }),
    ).toEqual({
      es: 'Jefe',
    });
  });
});

describe('which words a reader sees', () => {
  it("shows the translation into the reader's language and says it is one, else the original", () => {
    expect(localRole(chief, 'ar')).toEqual({ text: 'رئيس العمليات', original: 'Chief of operations', translated: true });
    expect(localRole(chief, 'en')).toEqual({ text: 'Chief of operations', original: 'Chief of operations', translated: false });
    const spanishOnly = { ...chief, roleTranslations: { es: 'Jefe de operaciones' } } as GraphEdge;
    expect(localRole(spanishOnly, 'ar')?.text).toBe('Chief of operations');
    expect(edgeQualifier(chief, 'es')).toBe('Jefe de operaciones');
  });

  it('puts the translated role on the line label, with no isolates when every part reads one way', () => {
    const arabic: Wording = { ...wordsIn('ar'), type: () => 'يشغل منصب' };
    expect(edgeLabel(chief, nodes, { words: arabic })).toBe('يشغل منصب · رئيس العمليات');
    expect(edgeLabel(chief, nodes, { words: { ...wordsIn('es'), type: () => 'OCUPA EL CARGO' } })).toBe(
      'OCUPA EL CARGO · Jefe de operaciones',
    );
    expect(edgeLabel(chief, nodes)).toBe('HOLDS POSITION · Chief of operations');
  });

  it('isolates each part when an untranslated role sits inside a label of the other direction', () => {
    const untranslated = { ...chief, roleTranslations: undefined } as GraphEdge;
    const label = edgeLabel(untranslated, nodes, { words: { ...wordsIn('ar'), type: () => 'يشغل منصب' } });
    expect(label).toBe(`${FSI}يشغل منصب\u2069 · ${FSI}Chief of operations\u2069`);
  });

  it("lists the connection under the entity with the reader's role", () => {
    const properties = { role: 'Sheriff', roleTranslations: { ar: 'عمدة' } };
    expect(connectionQualifier(properties, 'ar', 'ar')).toBe('عمدة');
    expect(connectionQualifier(properties, 'es-ES', 'es')).toBe('Sheriff');
  });
});

describe('the connection form', () => {
  const line = { id: 'person:vincent-line', name: 'Vincent Line', kind: 'Person' as const };
  const office = { id: 'public-body:denver-sheriff-department', name: 'Denver Sheriff Department', kind: 'PublicBody' as const };

  it('has a small field per language right after the words it translates', () => {
    expect(TYPE_FIELDS.SITS_ON_BOARD?.map((f) => f.name)).toEqual([
      'seat',
      'roleTranslations.en',
      'roleTranslations.es',
      'roleTranslations.ar',
    ]);
    expect(TYPE_FIELDS.PART_OF).toBeUndefined();
  });

  it('sends a changed translation as the whole map, a cleared one as null, and nothing when unchanged', () => {
    const draft = relationshipDraftOf(chief, line, office);
    expect(draft.fields['roleTranslations.ar']).toBe('رئيس العمليات');
    expect(updateRelationshipRequest(chief, draft)).toEqual({});
    const edited = { ...draft, fields: { ...draft.fields, 'roleTranslations.es': 'Jefa de operaciones' } };
    expect(updateRelationshipRequest(chief, edited)).toEqual({
      roleTranslations: { es: 'Jefa de operaciones', ar: 'رئيس العمليات' },
    });
    const cleared = { ...draft, fields: { ...draft.fields, 'roleTranslations.es': '', 'roleTranslations.ar': ' ' } };
    expect(updateRelationshipRequest(chief, cleared)).toEqual({ roleTranslations: null });
    const created = createRelationshipRequest({ ...draft, fields: { role: 'Sheriff', 'roleTranslations.ar': 'عمدة' } });
    expect(created).toMatchObject({ role: 'Sheriff', roleTranslations: { ar: 'عمدة' } });
  });
});

describe("a finding's sentences", () => {
  const sourced = { status: 'reported', citationDocumentIds: ['document:d'], citationLocators: ['l'], citationQuotes: ['q'] };
  const node = (id: string, kind: string, name: string, aliases: string[] = []): RawNode => ({
    elementId: `e-${id}`,
    labels: ['Entity', kind],
    properties: { id, name, aliases, ...sourced },
  });
  const rel = (id: string, type: string, from: RawNode, to: RawNode, extra: Record<string, unknown>): RawRelationship => ({
    elementId: `r-${id}`,
    type,
    startNodeElementId: from.elementId,
    endNodeElementId: to.elementId,
    properties: { id, ...sourced, ...extra },
  });
  const person = node('person:v', 'Person', 'Vincent Line', ['فنسنت لاين']);
  const office = node('public-body:o', 'PublicBody', 'Denver Sheriff Department');
  const board = node('org:b', 'Organization', 'Data-warehouse board');
  const post = rel('rel:post', 'HOLDS_POSITION', person, office, {
    role: 'Chief of operations',
    ...relationshipToStored({ ...chief, id: 'rel:post' }).properties,
  });
  const seat = rel('rel:seat', 'SITS_ON_BOARD', person, board, { seat: 'Board member' });
  const row: PatternRow = {
    key: ['person:v', 'org:b'],
    evidence: [
      { start: person, segments: [{ start: person, relationship: post, end: office }] },
      { start: person, segments: [{ start: person, relationship: seat, end: board }] },
    ],
    timed: [],
    facts: {
      person: 'Vincent Line',
      role: 'Chief of operations',
      noRole: null,
      body: 'Denver Sheriff Department',
      law: 'HB19-1124',
      summary: 'Aims to bar help to ICE',
      seatOn: { kind: 'named', board: 'Data-warehouse board' },
      company: null,
      help: [{ kind: 'data', helper: 'LexisNexis' }],
      counterparty: 'ICE',
    },
  };
  const pattern = loadPatterns().find((p) => p.id === 'enforcer-board-seat');
  const [record] = pattern ? findingRecords(pattern, [row]) : [];

  it("give the role of the evidence in the reader's language where it is translated", () => {
    const arabic = pattern && record && findingOf(pattern, record, undefined, 'ar');
    expect(arabic?.finding.explanation).toContain('رئيس العمليات');
    expect(arabic?.finding.explanation).not.toContain('Chief of operations');
    const english = pattern && record && findingOf(pattern, record, undefined, 'en');
    expect(english?.finding.explanation).toContain('chief of operations');
  });

  it('give the English title a stored finding is ordered by, a role translated into English included', () => {
    // A role written in Spanish, with its English words: the title stored reads them, as the finding shows it.
    const jefe = Relationship.parse({
      ...chief,
      id: 'rel:jefe',
      role: 'Jefe de operaciones',
      roleTranslations: { en: 'Chief of operations' },
    });
    const formerPost = rel('rel:jefe', 'HOLDS_POSITION', person, office, {
      role: 'Jefe de operaciones',
      current: false,
      ...relationshipToStored(jefe).properties,
    });
    const revolving = loadPatterns().find((p) => p.id === 'revolving-door')!;
    const [former] = findingRecords(revolving, [
      {
        key: ['person:v', 'public-body:o', 'org:b'],
        evidence: [
          { start: person, segments: [{ start: person, relationship: formerPost, end: office }] },
          { start: person, segments: [{ start: person, relationship: seat, end: board }] },
        ],
        timed: [],
        facts: {
          person: 'Vincent Line',
          formerRole: 'Jefe de operaciones',
          noRole: null,
          body: 'Denver Sheriff Department',
          now: { kind: 'named', organisation: 'Data-warehouse board' },
          organisation: 'Data-warehouse board',
          company: null,
          dealings: [{ kind: 'buys', dealer: 'Denver Sheriff Department', counterpart: 'LexisNexis' }],
        },
      },
    ]);
    const title = findingTitle(revolving, former!);
    expect(title).toContain('formerly chief of operations at Denver Sheriff Department');
    expect(title).toBe(findingOf(revolving, former!)?.finding.title);
    expect(findingTitle(pattern!, record!)).toBe(findingOf(pattern!, record!)?.finding.title);
  });
});

describe('the history tab', () => {
  it('shows a change of translations as one line per language, not the stored lists', () => {
    const before = { role: 'Sheriff', roleTranslationLanguages: ['es', 'ar'], roleTranslationTexts: ['Sheriff', 'عمدة'] };
    const after = { role: 'Sheriff', roleTranslationLanguages: ['ar'], roleTranslationTexts: ['مأمور المقاطعة'] };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'roleTranslations.ar', before: 'عمدة', after: 'مأمور المقاطعة' },
      { field: 'roleTranslations.es', before: 'Sheriff', after: undefined },
    ]);
    expect(fieldChanges(before, before)).toEqual([]);
  });
});

describe('exports', () => {
  const snapshot = seedSnapshot();
  const input = { snapshot, exportedAt: new Date('2026-12-02T12:00:00Z') };
  const seat = snapshot.content.relationships.find(
    (r) => r.id === 'rel:vincent-line.sits-on-board.lexisnexis-data-warehouse-board',
  );

  it('the seed snapshot carries the translations of the board seat', () => {
    expect(seat && 'roleTranslations' in seat ? seat.roleTranslations : undefined).toEqual({
      es: 'Miembro del consejo',
      ar: 'عضو مجلس الإدارة',
    });
  });

  it('writes them as the stored parallel lists in the Cypher script', () => {
    const statement = renderCypher(input)
      .split('\n')
      .find((l) => l.includes("{id: 'rel:vincent-line.sits-on-board.lexisnexis-data-warehouse-board'}"));
    expect(statement).toContain("`roleTranslationLanguages`: ['es', 'ar']");
    expect(statement).toContain("`roleTranslationTexts`: ['Miembro del consejo', 'عضو مجلس الإدارة']");
  });

  it('writes one GraphML attribute per language', () => {
    const graphml = renderGraphml(input);
    expect(graphml).toContain('attr.name="roleTranslations.ar"');
    expect(graphml).toContain('>عضو مجلس الإدارة</data>');
  });

  it('writes one CSV column per language, which our CSV import reads back into the same translations', () => {
    const files = unzipSync(renderCsvZip(input));
    const relationships = strFromU8(files['relationships.csv'] as Uint8Array);
    const header =
      relationships
        .replace(/^\uFEFF/, '')
        .split('\n')[0]
        ?.split(',') ?? [];
    expect(header).toEqual(expect.arrayContaining(['role_translation_en', 'role_translation_es', 'role_translation_ar']));
    const read = mapCsv(unzipCsv(renderCsvZip(input)).files, { documentId: 'document:csv-file' });
    expect(read.problems).toEqual([]);
    const back = read.file.relationships.map((r) => Relationship.parse(r)).find((r) => r.id === seat?.id);
    expect(back && 'roleTranslations' in back ? back.roleTranslations : undefined).toEqual({
      es: 'Miembro del consejo',
      ar: 'عضو مجلس الإدارة',
    });
  });
});
