import { describe, expect, it } from 'vitest';
import { checkReferences, parseInterlockFile } from '../../server/services/import-validation.js';

const doc = { id: 'document:d', kind: 'Document', name: 'D', title: 'D' };
const cite = [{ documentId: 'document:d', locator: 'p. 1', quote: 'q' }];
const person = { id: 'person:p', kind: 'Person', name: 'P', status: 'reported', citations: cite };
const board = { id: 'org:b', kind: 'Organization', name: 'B', status: 'reported', citations: cite };

function file(entities: unknown[], relationships: unknown[]) {
  return { format: 'interlock/1', entities, relationships };
}

describe('import validation', () => {
  it('accepts a well-formed file', () => {
    const result = parseInterlockFile(
      file(
        [doc, person, board],
        [{ id: 'rel:s', type: 'SITS_ON_BOARD', source: 'person:p', target: 'org:b', status: 'reported', citations: cite }],
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(checkReferences(result.file, new Map())).toEqual([]);
  });

  it('names the field of every shape problem', () => {
    const result = parseInterlockFile(
      file(
        [
          { ...person, citations: [] },
          { ...board, id: 'Not An Id' },
        ],
        [],
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['entities.0.citations', 'entities.1.id']));
    }
  });

  it('requires an inferred fact to say what it was inferred from', () => {
    const result = parseInterlockFile(file([doc, { ...person, status: 'inferred' }], []));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.field).toBe('entities.1.inferredFrom');
  });

  it('reports unknown ends, disallowed kinds and citations of non-documents', () => {
    const result = parseInterlockFile(
      file(
        [doc, person, board],
        [
          { id: 'rel:a', type: 'SITS_ON_BOARD', source: 'person:p', target: 'org:missing', status: 'reported', citations: cite },
          { id: 'rel:b', type: 'AWARDED_TO', source: 'person:p', target: 'org:b', status: 'reported', citations: cite },
          {
            id: 'rel:c',
            type: 'MEMBER_OF',
            source: 'person:p',
            target: 'org:b',
            status: 'reported',
            citations: [{ ...cite[0], documentId: 'org:b' }],
          },
        ],
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const problems = checkReferences(result.file, new Map());
    expect(problems).toEqual([
      { field: 'relationships.0.target', message: 'unknown entity "org:missing"' },
      { field: 'relationships.1.type', message: 'AWARDED_TO cannot go from a Person to an Organization' },
      { field: 'relationships.2.citations.0.documentId', message: '"org:b" is an Organization, not a Document' },
    ]);
  });

  it('takes endpoint kinds of entities already in the database into account', () => {
    const result = parseInterlockFile(
      file(
        [doc, person],
        [{ id: 'rel:s', type: 'SITS_ON_BOARD', source: 'person:p', target: 'org:existing', status: 'reported', citations: cite }],
      ),
    );
    if (!result.ok) throw new Error('unexpected');
    expect(checkReferences(result.file, new Map([['org:existing', 'Organization' as const]]))).toEqual([]);
  });
});
