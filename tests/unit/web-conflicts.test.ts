/** The page's model of findings: wording, grouping, the evidence of one finding, and the highlight. */
import { describe, expect, it } from 'vitest';
import { FindingQualifier } from '../../schemas/index.js';
import type { ConflictsResponse, Finding, GraphEdge, GraphNode, PatternInfo } from '../../schemas/index.js';
import {
  INITIAL_STATE,
  countByPattern,
  explorerReducer,
  failedPatterns,
  findingPatch,
  findingPeriod,
  findingSpotlight,
  groupFindings,
  listIncomplete,
  notComputedYet,
  toElements,
} from '../../web/src/model/index.js';
import { ar } from '../../shared/i18n/ar.js';
import { en } from '../../shared/i18n/en.js';
import { es } from '../../shared/i18n/es.js';

const cite = [{ documentId: 'document:press-release', locator: 'line 24', quote: 'مجلس إدارة مستودع بيانات LexisNexis' }];
const node = (id: string, kind: 'Person' | 'Organization' | 'PublicBody', name: string): GraphNode => ({
  id,
  kind,
  name,
  aliases: [],
  status: 'reported',
  citations: cite,
});
const edge = (id: string, type: 'HOLDS_POSITION' | 'SITS_ON_BOARD' | 'PART_OF', source: string, target: string): GraphEdge =>
  ({ id, type, source, target, status: 'reported', citations: cite }) as GraphEdge;

const vincent = node('person:vincent-line', 'Person', 'Vincent Line');
const sheriff = node('public-body:denver-sheriff-department', 'PublicBody', 'Denver Sheriff Department');
const board = node('org:lexisnexis-data-warehouse-board', 'Organization', 'LexisNexis data-warehouse board');
const lexis = node('org:lexisnexis', 'Organization', 'LexisNexis');
const mesa = node('public-body:mesa-county-sheriff', 'PublicBody', "Mesa County Sheriff's Office");
const holds = edge('rel:vincent.holds.sheriff', 'HOLDS_POSITION', vincent.id, sheriff.id);
const seat = edge('rel:vincent.seat.board', 'SITS_ON_BOARD', vincent.id, board.id);
const partOf = edge('rel:board.part-of.lexis', 'PART_OF', board.id, lexis.id);
const other = edge('rel:mesa.part-of.lexis', 'PART_OF', mesa.id, lexis.id);

const finding = (over: Partial<Finding>): Finding => ({
  id: 'vendor-board-seat:1',
  pattern: 'vendor-board-seat',
  severity: 'high',
  title: 'Vincent Line sits on the board of LexisNexis, a contractor of City and County of Denver',
  explanation: 'Vincent Line … holds a $750,000 contract …',
  period: { from: '2020', to: null },
  qualifiers: ['dates-unknown', 'relies-on-inferred-link'],
  nodeIds: [vincent.id, sheriff.id, board.id, lexis.id],
  edgeIds: [holds.id, seat.id, partOf.id],
  citations: cite,
  ...over,
});
const seatFinding = finding({});
const interlock = finding({
  id: 'board-interlock:1',
  pattern: 'board-interlock',
  severity: 'medium',
  title: 'LexisNexis data-warehouse board and Denver Sheriff Department share Vincent Line',
  period: { from: null, to: null },
  nodeIds: [board.id, vincent.id, sheriff.id],
  edgeIds: [seat.id, holds.id],
});
const patterns: PatternInfo[] = [
  { id: 'board-interlock', name: 'Board interlock', description: 'Two bodies share a member.', severity: 'medium' },
  { id: 'vendor-board-seat', name: 'Vendor board seat', description: 'A seat at a contractor.', severity: 'high' },
];
const response: ConflictsResponse = {
  findings: [seatFinding, interlock],
  nodes: [vincent, sheriff, board, lexis, mesa],
  edges: [holds, seat, partOf, other],
  status: 'current',
  graphVersion: '5|audit:1',
  computedAt: null,
  progress: null,
  failedPatterns: [],
};

describe('finding wording', () => {
  it('names every qualifier in plain words, with an explanation for the tooltip', () => {
    const text = en.qualifiers;
    expect(text['relies-on-inferred-link'].label).toBe('relies on an inferred link');
    expect(text['relies-on-alleged-link'].label).toBe('relies on an alleged link');
    expect(text['single-source'].label).toBe('single source');
    expect(text['dates-unknown'].label).toBe('dates unknown');
    for (const q of FindingQualifier.options) {
      expect(text[q].label).not.toMatch(/-/);
      expect(text[q].explanation.length).toBeGreaterThan(40);
    }
  });

  it('reads a period the way the rest of the page does, and says when there is none', () => {
    expect(findingPeriod({ from: '2020', to: null })).toBe('since 2020');
    expect(findingPeriod({ from: '2017', to: '2020' })).toBe('2017 – 2020');
    expect(findingPeriod({ from: null, to: '2021' })).toBe('until 2021');
    expect(findingPeriod({ from: null, to: null })).toBe('undated');
    // Beside "dates unknown", no period is claimed: some fact has no dates, so the overlap is not known.
    expect(findingPeriod({ from: '2020', to: null }, undefined, ['dates-unknown', 'single-source'])).toBe('undated');
  });
});

describe('grouping findings by pattern', () => {
  it('puts the most severe patterns first and counts each', () => {
    const groups = groupFindings([interlock, seatFinding], patterns);
    expect(groups.map((g) => [g.pattern.name, g.findings.length])).toEqual([
      ['Vendor board seat', 1],
      ['Board interlock', 1],
    ]);
    expect(countByPattern([interlock, seatFinding, interlock])).toEqual(
      new Map([
        ['board-interlock', 2],
        ['vendor-board-seat', 1],
      ]),
    );
  });

  it('keeps a finding whose pattern the page does not know yet, under its id', () => {
    const groups = groupFindings([seatFinding], []);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.pattern).toMatchObject({ id: 'vendor-board-seat', name: 'vendor-board-seat', severity: 'high' });
  });
});

describe('a pattern that could not be computed over the whole graph', () => {
  const failure = {
    pattern: 'board-interlock',
    reason: "exceeded the database's transaction memory",
    cause: 'memory',
    at: '2025-01-01T00:00:00Z',
  } as const;

  it('is known by id, and makes the lists it may be missing from incomplete', () => {
    const failed = failedPatterns({ failedPatterns: [failure] });
    expect(failed.get('board-interlock')).toEqual(failure);
    expect(listIncomplete(failed, undefined)).toBe(true);
    expect(listIncomplete(failed, 'board-interlock')).toBe(true);
    expect(listIncomplete(failed, 'vendor-board-seat')).toBe(false);
    expect(listIncomplete(failedPatterns(response), undefined)).toBe(false);
    expect(failedPatterns(undefined).size).toBe(0);
  });

  it('is named, with why, in every language the page speaks', () => {
    for (const words of [en, es, ar]) {
      expect(words.conflicts.failedPattern).toContain('{{name}}');
      expect(words.conflicts.failedPattern).toContain('{{reason}}');
      expect(words.conflicts.failedError).toContain('{{detail}}');
      expect(words.conflicts.notComputed).not.toMatch(/\d/);
    }
    expect(new Set([en, es, ar].map((w) => w.conflicts.failedPattern)).size).toBe(3);
  });
});

describe('findings before the first computation over the whole graph', () => {
  it('are not computed yet while no graph version is reflected, not when one is or for one entity’s money', () => {
    expect(notComputedYet({ graphVersion: null })).toBe(true);
    expect(notComputedYet({ graphVersion: '12|audit:1' })).toBe(false);
    // One entity's money flows carry no graph version at all: computed when asked.
    expect(notComputedYet({})).toBe(false);
    expect(notComputedYet(undefined)).toBe(false);
  });
});

describe('a finding on the canvas', () => {
  it('takes exactly its own nodes and edges out of the shared evidence subgraph', () => {
    const patch = findingPatch(response, seatFinding);
    expect(patch.nodes.map((n) => n.id)).toEqual(seatFinding.nodeIds);
    expect(patch.edges.map((e) => e.id)).toEqual(seatFinding.edgeIds);
    expect(patch.nodes).not.toContainEqual(mesa);
  });

  it('merges the evidence, selects the finding, highlights it, frames it and lays it out in layers', () => {
    const state = explorerReducer(INITIAL_STATE, {
      type: 'showFinding',
      finding: seatFinding,
      patch: findingPatch(response, seatFinding),
    });
    expect([...state.view.nodes.keys()]).toEqual(seatFinding.nodeIds);
    expect(state.view.edges.size).toBe(3);
    expect(state.selection).toEqual({ kind: 'finding', finding: seatFinding });
    expect(state.spotlight).toEqual(findingSpotlight(seatFinding));
    expect(state.frame).toEqual({ seq: INITIAL_STATE.frame.seq + 1, ids: seatFinding.nodeIds });
    expect(state.layout.mode).toBe('hierarchy');

    // Shown again: nothing new to place, so the reader's arrangement stays; the view is framed again.
    const again = explorerReducer(state, {
      type: 'showFinding',
      finding: seatFinding,
      patch: findingPatch(response, seatFinding),
    });
    expect(again.layout).toBe(state.layout);
    expect(again.frame.seq).toBe(state.frame.seq + 1);
  });

  it('lights up exactly the finding and dims everything else', () => {
    const withMesa = explorerReducer(INITIAL_STATE, { type: 'merged', patch: { nodes: [mesa, lexis], edges: [other] } });
    const state = explorerReducer(withMesa, {
      type: 'showFinding',
      finding: interlock,
      patch: findingPatch(response, interlock),
    });
    const classes = new Map(toElements(state.view, { highlight: state.spotlight }).map((e) => [e.data.id, e.classes.split(' ')]));
    const lit = [...classes].filter(([, c]) => c.includes('highlighted')).map(([id]) => id);
    expect(lit.sort()).toEqual([...interlock.nodeIds, ...interlock.edgeIds].sort());
    expect(classes.get(mesa.id)).toContain('dimmed');
    expect(classes.get(lexis.id)).toContain('dimmed');
    expect(classes.get(other.id)).toContain('dimmed');
  });

  it('keeps one highlight at a time: a finding clears a path result, paths and Clear clear the finding', () => {
    const withPath = explorerReducer(INITIAL_STATE, {
      type: 'pathsFound',
      response: { paths: [{ nodeIds: [vincent.id, board.id], edgeIds: [seat.id] }], nodes: [vincent, board], edges: [seat] },
      maxHops: 4,
    });
    const ends = explorerReducer(withPath, { type: 'setPathEnd', end: 'from', id: vincent.id });
    const shown = explorerReducer(ends, {
      type: 'showFinding',
      finding: seatFinding,
      patch: findingPatch(response, seatFinding),
    });
    expect(shown.path.result).toBeUndefined();
    expect(shown.path.from).toBe(vincent.id);

    const pathsAgain = explorerReducer(shown, {
      type: 'pathsFound',
      response: { paths: [], nodes: [], edges: [] },
      maxHops: 4,
    });
    expect(pathsAgain.spotlight).toBeUndefined();

    const cleared = explorerReducer(shown, { type: 'clearSpotlight' });
    expect(cleared.spotlight).toBeUndefined();
    expect(cleared.view).toBe(shown.view);
    expect(explorerReducer(cleared, { type: 'clearSpotlight' })).toBe(cleared);
    expect(explorerReducer(shown, { type: 'clearCanvas' }).spotlight).toBeUndefined();
  });

  it('keeps the finding in the side panel when a node is removed from the canvas', () => {
    const shown = explorerReducer(INITIAL_STATE, {
      type: 'showFinding',
      finding: seatFinding,
      patch: findingPatch(response, seatFinding),
    });
    expect(explorerReducer(shown, { type: 'removeNode', id: lexis.id }).selection).toEqual(shown.selection);
  });
});
