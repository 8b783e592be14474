/** The pattern files are well-formed, and buildFindings turns rows into dated, cited, stable findings. */
import { describe, expect, it } from 'vitest';
import {
  buildFindings,
  findingId,
  type PatternRow,
  type RawNode,
  type RawRelationship,
} from '../../server/services/conflicts/findings.js';
import { loadPatterns, parsePattern } from '../../server/services/conflicts/pattern-files.js';

describe('pattern files', () => {
  it('hold the eight documented patterns, each with a header naming it, its severity and a sentence', () => {
    const patterns = loadPatterns();
    expect(patterns.map((p) => p.id).sort()).toEqual(
      [
        'board-interlock',
        'circumvention-chain',
        'enforcer-board-seat',
        'money-flow',
        'pay-to-play',
        'revolving-door',
        'self-dealing',
        'vendor-board-seat',
      ].sort(),
    );
    for (const p of patterns) {
      expect(p.description, p.id).toMatch(/\.$/);
      expect(p.query, p.id).toMatch(/AS key,[\s\S]*AS evidence,[\s\S]*AS timed,[\s\S]*AS facts$/);
      // Variable-length patterns are always bounded.
      expect(p.query, p.id).not.toMatch(/\*(\d+)?\]|\*\.\.\]/);
    }
  });

  it('say "@start key" exactly when what their $entity union returns is the first id of their key', () => {
    // The stored findings trust a run for any entity with the findings it finds only where this holds
    // (maintainer.ts): a pattern claiming it wrongly would keep part of a finding as the whole of it.
    for (const p of loadPatterns()) {
      const union = /CALL \(\) \{([\s\S]*?)\n\}/.exec(p.query)?.[1] ?? '';
      const started = new Set([...union.matchAll(/^\s*RETURN (\w+)\s*$/gm)].map((m) => m[1]));
      const first = /\[(\w+)\.id,[^\]]*\] AS key/.exec(p.query)?.[1];
      expect(started.size, p.id).toBe(1);
      expect(p.startsAtKey, p.id).toBe(started.has(first));
    }
    expect(loadPatterns().filter((p) => p.startsAtKey).length).toBe(6);
    expect(() =>
      parsePattern(
        'x',
        '// @name X\n// @severity high\n// @start person\n// @description d.\n// @title t\n// @explanation e\nRETURN 1',
      ),
    ).toThrow('"@start" can only be "key"');
  });

  it('say "@contract whole" only for pay-to-play, and take no other value', () => {
    // Checked against the runs from the findings' first entities in tests/integration/conflicts.test.ts.
    expect(
      loadPatterns()
        .filter((p) => p.wholeForContract)
        .map((p) => p.id),
    ).toEqual(['pay-to-play']);
    expect(() =>
      parsePattern(
        'x',
        '// @name X\n// @severity high\n// @contract some\n// @description d.\n// @title t\n// @explanation e\nRETURN 1',
      ),
    ).toThrow('"@contract" can only be "whole"');
  });

  it('keep every entity they count as evidence where they do not start at their key', () => {
    // An update skips a finding whose evidence lacks the changed entity for these (maintainer.ts): one
    // that counted more than it shows (`deals[..5]`) would keep its old total after such an edit.
    const short = /\[\s*\.\.\s*\d+\s*\]/;
    for (const p of loadPatterns()) {
      if (!p.startsAtKey) expect(short.test(p.query), p.id).toBe(false);
      if (!p.startsAtKey && p.wholeGraphQuery) expect(short.test(p.wholeGraphQuery), p.id).toBe(false);
    }
    expect(short.test(loadPatterns().find((p) => p.id === 'vendor-board-seat')!.query)).toBe(true);
  });

  it('refuse a file whose header lacks a tag, naming it', () => {
    expect(() => parsePattern('x', '// @name X\n// @severity high\nRETURN 1')).toThrow('lacks "// @description');
    expect(() =>
      parsePattern('x', '// @name X\n// @severity dire\n// @description d.\n// @title t\n// @explanation e\nRETURN 1'),
    ).toThrow('@severity must be one of');
  });
});

const cite = (line: number) => ({
  citationDocumentIds: ['document:d'],
  citationLocators: [`line ${line}`],
  citationQuotes: [`quote ${line}`],
});
const node = (id: string, kind: string, name: string): RawNode => ({
  elementId: `e-${id}`,
  labels: ['Entity', kind],
  properties: { id, name, status: 'reported', ...cite(1) },
});
const rel = (id: string, type: string, from: RawNode, to: RawNode, extra: Record<string, unknown> = {}): RawRelationship => ({
  elementId: `r-${id}`,
  type,
  startNodeElementId: from.elementId,
  endNodeElementId: to.elementId,
  properties: { id, status: 'reported', ...cite(Number(id.replace(/\D/g, '')) || 2), ...extra },
});

const person = node('person:p', 'Person', 'Pat');
const body = node('public-body:b', 'PublicBody', 'Body');
const org = node('org:o', 'Organization', 'Org');
const pattern = parsePattern(
  'test-pattern',
  '// @name T\n// @severity high\n// @description d.\n// @title {person} and {org}\n// @explanation {person} works at {org}[ since {since}].\nRETURN 1',
);

function row(position: RawRelationship, seat: RawRelationship, facts: Record<string, unknown> = {}): PatternRow {
  return {
    key: ['person:p', 'org:o'],
    evidence: [
      { start: person, segments: [{ start: person, relationship: position, end: body }] },
      { start: person, segments: [{ start: person, relationship: seat, end: org }] },
    ],
    timed: [position, seat],
    facts: { person: 'Pat', org: 'Org', ...facts },
  };
}

describe('buildFindings', () => {
  it('explains, dates and cites a finding, with an id that depends only on the pattern and its entities', () => {
    const position = rel('rel:1', 'HOLDS_POSITION', person, body, { start: '2015', end: '2021' });
    const seat = rel('rel:2', 'SITS_ON_BOARD', person, org, { start: '2019' });
    const { findings, nodes, edges } = buildFindings(pattern, [row(position, seat, { since: '2019' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: findingId('test-pattern', ['person:p', 'org:o']),
      pattern: 'test-pattern',
      severity: 'high',
      title: 'Pat and Org',
      explanation: 'Pat works at Org since 2019.',
      period: { from: '2019', to: '2021' },
      qualifiers: ['single-source'],
      nodeIds: ['person:p', 'public-body:b', 'org:o'],
      edgeIds: ['rel:1', 'rel:2'],
    });
    expect(findings[0]?.citations.map((c) => c.locator)).toEqual(['line 1', 'line 2']);
    expect(nodes).toHaveLength(3);
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      ['person:p', 'public-body:b'],
      ['person:p', 'org:o'],
    ]);
    expect(findingId('test-pattern', ['person:p', 'org:o'])).toBe(findings[0]?.id);
  });

  it('drops rows whose facts never overlapped, and keeps undated ones marked dates-unknown', () => {
    const before = rel('rel:1', 'HOLDS_POSITION', person, body, { start: '2001', end: '2005' });
    const after = rel('rel:2', 'SITS_ON_BOARD', person, org, { start: '2019' });
    expect(buildFindings(pattern, [row(before, after)]).findings).toEqual([]);
    const undated = rel('rel:1', 'HOLDS_POSITION', person, body, { current: true });
    expect(buildFindings(pattern, [row(undated, after)]).findings[0]?.qualifiers).toContain('dates-unknown');
  });

  it('says when a finding relies on an inferred link, and why it was inferred', () => {
    const inferred = rel('rel:1', 'HOLDS_POSITION', person, body, { status: 'inferred', inferredFrom: 'the payroll list' });
    const seat = rel('rel:2', 'SITS_ON_BOARD', person, org);
    const [finding] = buildFindings(pattern, [row(inferred, seat)]).findings;
    expect(finding?.qualifiers).toContain('relies-on-inferred-link');
    expect(finding?.explanation).toContain('The link "Pat holds position Body" is inferred, not stated: the payroll list');
  });

  it('keeps only findings that held on the as-of date', () => {
    const position = rel('rel:1', 'HOLDS_POSITION', person, body, { start: '2015', end: '2021' });
    const seat = rel('rel:2', 'SITS_ON_BOARD', person, org, { start: '2019' });
    expect(buildFindings(pattern, [row(position, seat)], { asOf: '2020-05-01' }).findings).toHaveLength(1);
    expect(buildFindings(pattern, [row(position, seat)], { asOf: '2023' }).findings).toHaveLength(0);
  });

  it('merges rows with the same key into one finding whose differing facts become lists', () => {
    const position = rel('rel:1', 'HOLDS_POSITION', person, body);
    const seatA = rel('rel:2', 'SITS_ON_BOARD', person, org, { seat: 'chair' });
    const seatB = rel('rel:3', 'SITS_ON_BOARD', person, org, { seat: 'member' });
    const { findings } = buildFindings(
      parsePattern(
        'p',
        '// @name T\n// @severity low\n// @description d.\n// @title t\n// @explanation {person} is {seat|list}.\nRETURN 1',
      ),
      [row(position, seatA, { seat: 'chair' }), row(position, seatB, { seat: 'member' })],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation.startsWith('Pat is chair and member.')).toBe(true);
    expect(findings[0]?.edgeIds).toEqual(['rel:1', 'rel:2', 'rel:3']);
  });
});
