/** Problems in our own JSON format carry the line to fix, not only the JSON path. */
import { describe, expect, it } from 'vitest';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { locateJsonProblems, parseJsonText, tooDeep } from '../../server/services/imports/json-lines.js';
import { readImport } from '../../server/services/imports/readers.js';

const file = (entities: unknown[]) => JSON.stringify({ format: 'interlock/1', entities, relationships: [] }, null, 2);
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'Person',
  name: id,
  status: 'reported',
  citations: [{ documentId: 'document:d', locator: 'line 1', quote: 'q' }],
  ...extra,
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('line numbers for our JSON', () => {
  it('places a bad value on its own line, keeping the path as the field', () => {
    const text = file([person('person:a'), person('person:b', { start: 'last spring' })]);
    const parsed = parseInterlockFile(JSON.parse(text));
    expect(parsed.ok).toBe(false);
    const problems = locateJsonProblems(text, parsed.ok ? [] : parsed.problems);
    expect(problems).toEqual([expect.objectContaining({ field: 'entities.1.start', line: lineOf(text, '"last spring"') })]);
  });

  it('places a missing field on the line of the object that lacks it', () => {
    const { name: _name, ...nameless } = person('person:c');
    const text = file([person('person:a'), nameless]);
    const parsed = parseInterlockFile(JSON.parse(text));
    const problems = locateJsonProblems(text, parsed.ok ? [] : parsed.problems);
    expect(problems[0]).toMatchObject({ field: 'entities.1.name', line: lineOf(text, '"id": "person:c"') - 1 });
  });

  it('says at which line and column a file stops being JSON', () => {
    const answer = parseJsonText('{\n  "format": "interlock/1",\n  "entities": [,]\n}');
    expect(answer).toMatchObject({ ok: false, problem: { line: 3, message: expect.stringContaining('line 3, column 16') } });
  });

  it('is what the JSON reader uses for the import', async () => {
    const text = file([person('person:a', { currency: 'dollars', kind: 'Contract' })]);
    const mapped = await readImport({
      format: 'json',
      bytes: new TextEncoder().encode(text),
      fileName: 'x.json',
      lookupFtm: async () => new Map(),
    });
    const parsed = parseInterlockFile(mapped.file);
    const located = mapped.locate?.(parsed.ok ? [] : parsed.problems) ?? [];
    expect(located).toEqual([expect.objectContaining({ field: 'entities.0.currency', line: lineOf(text, '"dollars"') })]);
  });
});

describe('a JSON file nested thousands of levels deep', () => {
  it('is refused with the line where it goes too deep, without walking it recursively', () => {
    const deep = `{"format": "interlock/1",\n"entities": [{"description": ${'['.repeat(5000)}${']'.repeat(5000)}}], "relationships": []}`;
    const parsed = parseJsonText(deep);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problem).toMatchObject({
        line: 2,
        field: '(file)',
        message: expect.stringContaining('nested more than 64 levels'),
      });
    // Brackets inside strings do not count.
    expect(tooDeep(`{"name": "${'['.repeat(100)}"}`)).toBeUndefined();
    // An escaped quote does not end a string; an escaped backslash before a quote does.
    expect(tooDeep(`{"name": "a \\"${'['.repeat(100)}"}`)).toBeUndefined();
    expect(tooDeep(`{"name": "a \\\\",\n "x": ${'['.repeat(100)}`)).toEqual({ line: 2, column: 70 });
  });
});
