import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { conventionOf } from '../../server/services/imports/numbers.js';
import { checkHeader, columnName, mapCsv, ownCitations, parseCsv, unzipCsv } from '../../server/services/imports/csv.js';
import { locateProblem } from '../../server/services/imports/mapped-import.js';
import { formatFromFileName } from '../../server/cli-import.js';
import { readImport } from '../../server/services/imports/readers.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('CSV rows', () => {
  it('carry the line they end on, counting the header and quoted line breaks', () => {
    const { rows } = parseCsv('id,name\na,"two\nlines"\nb,B\n', 'entities.csv');
    expect(rows.map((r) => [r.cells.id, r.line])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
  });

  it('name unknown and missing columns', () => {
    expect(checkHeader(['id', 'name', 'colour'], 'entities.csv')).toEqual([
      { file: 'entities.csv', line: 1, field: 'colour', message: 'unknown column "colour"' },
      { file: 'entities.csv', line: 1, field: 'kind', message: 'missing column "kind"' },
    ]);
  });

  it('read several citations from |-separated cells or numbered columns, keeping | inside a single quote', () => {
    const cells = {
      citation_document_id: 'document:a|document:b',
      citation_locator: 'p. 1|p. 2',
      citation_quote: 'one|two',
      citation_2_document_id: 'document:c',
      citation_2_locator: 'line 4',
      citation_2_quote: 'a | b',
    };
    expect(ownCitations({ line: 2, cells }, 'entities.csv', [])).toEqual([
      { documentId: 'document:a', locator: 'p. 1', quote: 'one' },
      { documentId: 'document:b', locator: 'p. 2', quote: 'two' },
      { documentId: 'document:c', locator: 'line 4', quote: 'a | b' },
    ]);
    expect(
      ownCitations(
        { line: 2, cells: { citation_document_id: 'document:a', citation_locator: 'p. 1', citation_quote: 'x | y' } },
        'e',
        [],
      ),
    ).toEqual([{ documentId: 'document:a', locator: 'p. 1', quote: 'x | y' }]);
    const problems: never[] = [];
    ownCitations(
      { line: 7, cells: { citation_document_id: 'document:a|document:b', citation_locator: 'p. 1', citation_quote: 'q' } },
      'e',
      problems,
    );
    expect(problems).toMatchObject([{ line: 7, field: 'citation_document_id' }]);
  });

  it('become entities and relationships with typed cells, each citing the file row', () => {
    const files = new Map([
      ['entities.csv', 'id,kind,name,aliases,amount,current\ncontract:c,Contract,Contrato,"Contract|عقد","1,500.50",\n'],
      ['relationships.csv', 'type,source,target,current\nAWARDED_TO,contract:c,org:o,yes\n'],
    ]);
    const mapped = mapCsv(files, { documentId: 'document:import-csv-x' });
    expect(mapped.file.entities[0]).toMatchObject({
      id: 'contract:c',
      aliases: ['Contract', 'عقد'],
      amount: 1500.5,
      status: 'reported',
      citations: [
        { documentId: 'document:import-csv-x', locator: 'entities.csv line 2', quote: 'Contract Contrato (contract:c)' },
      ],
    });
    expect(mapped.file.relationships[0]).toMatchObject({ id: 'rel:contract-c-awarded_to-org-o', current: true });
    expect(mapped.origins.relationships).toEqual([{ file: 'relationships.csv', line: 2 }]);
  });

  it('refuse a number whose decimal separator is ambiguous, with its line, unless the locale is declared', () => {
    const files = new Map([
      ['entities.csv', 'id,kind,name,amount\ncontract:c,Contract,Contrato,"12.345"\ncontract:d,Contract,D,"12.345,67"\n'],
    ]);
    const refused = mapCsv(files, { documentId: 'document:import-csv-x' });
    expect(refused.problems).toEqual([
      { file: 'entities.csv', line: 2, field: 'amount', message: expect.stringContaining('could be read two ways') },
    ]);
    expect(refused.file.entities[1]).toMatchObject({ amount: 12345.67 });
    const german = mapCsv(files, { documentId: 'document:import-csv-x', convention: conventionOf('de') });
    expect(german.problems).toEqual([]);
    expect(german.file.entities.map((e) => (e as { amount: number }).amount)).toEqual([12345, 12345.67]);
    const english = mapCsv(files, { documentId: 'document:import-csv-x', convention: conventionOf('en') });
    expect(english.file.entities[0]).toMatchObject({ amount: 12.345 });
    expect(english.problems).toEqual([
      { file: 'entities.csv', line: 3, field: 'amount', message: expect.stringContaining('not a well-formed number') },
    ]);
  });

  it('turn a problem on the combined file into one on the file, line and column', () => {
    const origins = { entities: [{ file: 'entities.csv', line: 5 }], relationships: [] };
    expect(locateProblem({ field: 'entities.0.signedOn', message: 'bad' }, origins, columnName)).toEqual({
      file: 'entities.csv',
      line: 5,
      field: 'signed_on',
      message: 'bad',
    });
    expect(locateProblem({ field: 'relationships.3.target', message: 'bad' }, origins)).toEqual({
      field: 'relationships.3.target',
      message: 'bad',
    });
  });
});

describe('the CSV zip', () => {
  it('finds the two files in any folder, and says when neither is there', () => {
    const zip = zipSync({ 'export/entities.csv': encode('\uFEFFid,kind,name\n'), 'export/readme.txt': encode('hi') });
    expect([...unzipCsv(zip).files.keys()]).toEqual(['entities.csv']);
    expect(unzipCsv(zip).files.get('entities.csv')).toBe('id,kind,name\n');
    expect(unzipCsv(zipSync({ 'a.txt': encode('x') })).problems).toHaveLength(1);
    expect(unzipCsv(encode('not a zip')).problems[0]?.message).toContain('not a zip');
  });
});

describe('the Document an imported CSV zip becomes', () => {
  it('is the same for the same two files zipped at different times, and cited by every row', async () => {
    const files = { 'entities.csv': encode('id,kind,name\nperson:p,Person,P\n') };
    const read = (mtime: string) =>
      readImport({
        format: 'csv',
        bytes: zipSync(files, { mtime: new Date(mtime) }),
        fileName: 't.zip',
        lookupFtm: async () => new Map(),
      });
    const [a, b] = await Promise.all([read('2020-01-01'), read('2024-06-01')]);
    expect(a.documentId).toMatch(/^document:import-csv-[0-9a-f]{16}$/);
    expect(b.documentId).toBe(a.documentId);
    expect(a.file.entities[0]).toMatchObject({ id: a.documentId, kind: 'Document', title: 't.zip' });
    expect(a.file.entities[1]).toMatchObject({ citations: [{ documentId: a.documentId, locator: 'entities.csv line 2' }] });
  });
});

describe('the CLI', () => {
  it('infers the format from the extension', () => {
    expect(formatFromFileName('a/b.json')).toBe('json');
    expect(formatFromFileName('export.ftm.json')).toBe('ftm');
    expect(formatFromFileName('entities.jsonl')).toBe('ftm');
    expect(formatFromFileName('tables.ZIP')).toBe('csv');
    expect(formatFromFileName('notes.txt')).toBeUndefined();
  });
});
