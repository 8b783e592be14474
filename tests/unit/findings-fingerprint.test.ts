/**
 * Stored findings remember the pattern queries that made them: after an upgrade changes a pattern's
 * query, the findings stored before are recomputed rather than served as if current; a change of
 * wording alone (applied when findings are read) does not cost a recomputation.
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { loadPatterns, type PatternDefinition } from '../../server/services/conflicts/pattern-files.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import type { FindingsState } from '../../server/services/findings/store.js';

const noDriver = {} as Driver;
const fingerprintOf = (patterns: PatternDefinition[]) => new ConflictService(noDriver, 'neo4j', patterns).queriesFingerprint;

describe('the fingerprint of the pattern queries', () => {
  const patterns = loadPatterns();
  const served: FindingsState = {
    generation: 3,
    graphVersion: '30|a1',
    cursorAt: '',
    seenIds: [],
    patternsFingerprint: fingerprintOf(patterns),
  };

  it('is the same for the same files, whatever order they come in', () => {
    expect(fingerprintOf([...patterns].reverse())).toBe(fingerprintOf(patterns));
  });

  it('changes with a query or a parameter, not with the wording', () => {
    const [first, ...rest] = patterns;
    if (!first) throw new Error('no patterns');
    expect(fingerprintOf([{ ...first, query: `${first.query}\nRETURN 1` }, ...rest])).not.toBe(fingerprintOf(patterns));
    expect(
      fingerprintOf([{ ...first, query: first.query.replace('// @severity', '// @severity high\n// @severity') }, ...rest]),
    ).not.toBe(fingerprintOf(patterns));
    expect(fingerprintOf([{ ...first, parameters: { ...first.parameters, extra: 1 } }, ...rest])).not.toBe(
      fingerprintOf(patterns),
    );
    expect(fingerprintOf([{ ...first, title: 'Another title', explanation: 'Other words' }, ...rest])).toBe(
      fingerprintOf(patterns),
    );
  });

  it('does not change with a note in the query (a comment line), nor with a comment of the whole-graph form', () => {
    const [first, ...rest] = patterns;
    if (!first?.wholeGraphQuery) throw new Error('the first pattern has no whole-graph form');
    const noted = (query: string) => query.replace('\nMATCH', '\n  // why this step comes first, reworded\nMATCH');
    expect(noted(first.query)).not.toBe(first.query);
    expect(fingerprintOf([{ ...first, query: noted(first.query), wholeGraphQuery: noted(first.wholeGraphQuery) }, ...rest])).toBe(
      fingerprintOf(patterns),
    );
  });

  it('makes a full recomputation due when the served findings were made by other queries (or say nothing)', () => {
    const current = fingerprintOf(patterns);
    expect(FindingsMaintainer.fullDue(served, current)).toBe(false);
    expect(FindingsMaintainer.fullDue({ ...served, patternsFingerprint: 'older-queries' }, current)).toBe(true);
    expect(FindingsMaintainer.fullDue({ ...served, patternsFingerprint: null }, current)).toBe(true);
    expect(FindingsMaintainer.fullDue({ ...served, generation: 0 }, current)).toBe(true);
  });
});
