/** Reading the version a write was made against, and naming what a recorded change touched. */
import { describe, expect, it } from 'vitest';
import { changedFields, etagOf, expectedVersions, InvalidVersionError } from '../../server/services/editing/versions.js';
import { changedProperties } from '../../server/services/imports/change-plan.js';

describe('expectedVersions', () => {
  it('reads If-Match as the ETag reads wrote it, or the body version, or neither', () => {
    expect(expectedVersions(etagOf(3), undefined)).toEqual([3]);
    expect(expectedVersions('"3", "4"', undefined)).toEqual([3, 4]);
    expect(expectedVersions(undefined, 5)).toEqual([5]);
    expect(expectedVersions(undefined, undefined)).toBeUndefined();
    expect(expectedVersions('*', undefined)).toBeUndefined();
    expect(expectedVersions('"5"', 5)).toEqual([5]);
  });

  it('refuses an If-Match it cannot read, and a body version If-Match contradicts', () => {
    expect(() => expectedVersions('3', undefined)).toThrow(InvalidVersionError);
    expect(() => expectedVersions('W/"3"', undefined)).toThrow(/If-Match/);
    expect(() => expectedVersions('"3"', 4)).toThrow(/version/);
  });
});

describe('what a change wrote', () => {
  it('writes only the fields that differ, null for those removed, nothing for [] against absent', () => {
    expect(changedProperties({ id: 'a', name: 'A', start: '2020', aliases: [] }, { id: 'a', name: 'B', end: '2021' })).toEqual({
      name: 'B',
      start: null,
      end: '2021',
    });
  });

  it('names the fields a recorded change touched, citations as one', () => {
    expect(
      changedFields({
        id: 'rel:x',
        what: 'relationship',
        op: 'updated',
        before: { id: 'rel:x', seat: 'a', citationQuotes: ['q'], citationLocators: ['l'] },
        after: { id: 'rel:x', seat: 'b', citationQuotes: ['r'], citationLocators: ['l'], end: '2020' },
      }),
    ).toEqual(['citations', 'end', 'seat']);
  });
});
