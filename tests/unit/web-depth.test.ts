/** The explorer's model for time, filters, deep links, undo/redo, collapsing and names. */
import { describe, expect, it } from 'vitest';
import { ViewState } from '../../schemas/index.js';
import type { GraphEdge, GraphNode } from '../../schemas/index.js';
import {
  EMPTY_VIEW,
  INITIAL_STATE,
  collapseNode,
  dateRange,
  decodeViewQuery,
  edgePasses,
  encodeViewQuery,
  explorerReducer,
  isUndated,
  localName,
  mergeGraph,
  pathTypes,
  record,
  redo,
  sliderYears,
  sourceCount,
  toElements,
  undo,
  validAt,
} from '../../web/src/model/index.js';
import type { ExplorerState, Filter, History } from '../../web/src/model/index.js';

const TODAY = '2026-11-28';
const cite = (documentId: string) => ({ documentId, locator: 'line 1', quote: 'words' });

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode =>
  ({
    id,
    kind: 'Organization',
    name: id,
    aliases: [],
    status: 'reported',
    citations: [cite('document:a')],
    ...extra,
  }) as GraphNode;
const edge = (id: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge =>
  ({ id, type: 'SUPPLIES_DATA_TO', source, target, status: 'reported', citations: [cite('document:a')], ...extra }) as GraphEdge;

describe('partial dates', () => {
  it('reads a year, a month and a day as the range of days they can mean', () => {
    expect(dateRange('2020')).toEqual({ first: '2020-01-01', last: '2020-12-31' });
    expect(dateRange('2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29' });
    expect(dateRange('2021-02')).toEqual({ first: '2021-02-01', last: '2021-02-28' });
    expect(dateRange('2020-04-20')).toEqual({ first: '2020-04-20', last: '2020-04-20' });
  });

  it('hides a fact only when it certainly did not hold', () => {
    const contract = { start: '2020' };
    expect(validAt(contract, '2019', TODAY)).toBe(false);
    expect(validAt(contract, '2019-12-31', TODAY)).toBe(false);
    // "2020" may mean 1 January: a contract starting "2020-06" may still hold at some moment of 2020.
    expect(validAt({ start: '2020-06' }, '2020', TODAY)).toBe(true);
    expect(validAt(contract, '2020-01-01', TODAY)).toBe(true);
    expect(validAt({ start: '2017', end: '2019-03' }, '2019', TODAY)).toBe(true);
    expect(validAt({ start: '2017', end: '2019-03' }, '2019-04-01', TODAY)).toBe(false);
    expect(validAt({}, '1990', TODAY)).toBe(true);
  });

  it('treats a former role without an end as over by today but unknown before', () => {
    const former = { current: false };
    expect(validAt(former, '2020', TODAY)).toBe(true);
    expect(validAt(former, '2026', TODAY)).toBe(false);
    expect(validAt(former, TODAY, TODAY)).toBe(false);
    expect(validAt({ current: true }, '2026', TODAY)).toBe(true);
  });

  it('knows undated facts and spans the slider from the earliest year to this one', () => {
    expect(isUndated({ current: false })).toBe(true);
    expect(isUndated({ end: '2019' })).toBe(false);
    expect(sliderYears([{ start: '2020' }, { start: '2017', end: '2018-05' }, {}], 2022)).toEqual([
      2017, 2018, 2019, 2020, 2021, 2022,
    ]);
    expect(sliderYears([], 2022)).toEqual([2022]);
  });
});

describe('filters', () => {
  const a = node('org:a');
  const b = node('org:b');
  const contract = node('contract:c', { kind: 'Contract', start: '2020' } as Partial<GraphNode>);
  const dated = edge('rel:dated', a.id, b.id, { start: '2020' });
  const twoSources = edge('rel:two', a.id, b.id, {
    citations: [cite('document:a'), cite('document:a'), cite('document:b')],
  });
  const alleged = edge('rel:alleged', a.id, b.id, { status: 'alleged' });
  const view = mergeGraph(EMPTY_VIEW, { nodes: [a, b, contract], edges: [dated, twoSources, alleged] }).view;
  const base: Filter = { hiddenKinds: new Set(), hiddenCategories: new Set() };
  const hidden = (filter: Filter) =>
    toElements(view, { filter, today: TODAY })
      .filter((e) => e.classes.split(' ').includes('hidden'))
      .map((e) => e.data.id);

  it('counts distinct documents, not quotes', () => {
    expect(sourceCount(twoSources)).toBe(2);
    expect(edgePasses(twoSources, { ...base, minSources: 2 }, TODAY)).toBe(true);
    expect(hidden({ ...base, minSources: 2 })).toEqual(['rel:dated', 'rel:alleged']);
  });

  it('filters by status and by type', () => {
    expect(hidden({ ...base, hiddenStatuses: new Set(['alleged']) })).toEqual(['rel:alleged']);
    expect(hidden({ ...base, hiddenTypes: new Set(['SUPPLIES_DATA_TO']) })).toEqual(['rel:dated', 'rel:two', 'rel:alleged']);
  });

  it('hides entities and relationships that had not started by the as-of date, and marks undated ones', () => {
    expect(hidden({ ...base, asOf: '2019' })).toEqual(['contract:c', 'rel:dated']);
    const elements = toElements(view, { filter: { ...base, asOf: '2019' }, today: TODAY });
    expect(elements.find((e) => e.data.id === 'rel:two')?.classes).toContain('undated');
    expect(hidden({ ...base, asOf: '2019', hideUndated: true })).toEqual(['contract:c', 'rel:dated', 'rel:two', 'rel:alleged']);
    // Without a date nothing is marked uncertain: most facts in the data carry no dates.
    expect(toElements(view, { filter: base, today: TODAY }).some((e) => e.classes.includes('undated'))).toBe(false);
  });
});

describe('a link to the view', () => {
  it('round-trips the view through the address query', () => {
    const view = ViewState.parse({
      ids: ['person:vincent-line', 'org:lexisnexis'],
      positions: { 'person:vincent-line': { x: -120.5, y: 40 }, 'org:lexisnexis': { x: 310.2, y: -0.1 } },
      viewport: { zoom: 1.2345, x: 10.5, y: -20 },
      pinned: ['org:lexisnexis'],
      selection: { kind: 'edge', id: 'rel:vincent-line.sits-on-board.x' },
      filters: {
        hiddenKinds: ['Document'],
        hiddenCategories: ['law', 'provenance'],
        hiddenTypes: ['MEMBER_OF'],
        hiddenStatuses: ['alleged', 'inferred'],
        minSources: 2,
        hideUndated: true,
      },
      asOf: '2020-04',
      layout: 'concentric',
      center: 'person:vincent-line',
      path: {
        from: 'person:vincent-line',
        to: 'public-body:ice',
        maxHops: 5,
        only: 'custom',
        types: ['SITS_ON_BOARD'],
        found: true,
        focus: 1,
      },
      lit: { kind: 'finding', id: 'vendor-board-seat:0123456789abcdef', entity: 'person:vincent-line' },
    });
    const query = encodeViewQuery(view);
    expect(decodeViewQuery(query)).toEqual(view);
    // Ids keep their colons and lists their commas: a link a person can read.
    expect(query).toContain('ids=person:vincent-line,org:lexisnexis');
    const money = ViewState.parse({
      ids: ['org:a'],
      filters: { hiddenCategories: ['provenance'] },
      lit: { kind: 'money', payer: 'org:a', payee: 'org:b', rollup: true },
    });
    expect(decodeViewQuery(encodeViewQuery(money))).toEqual(money);
  });

  it('restores the defaults from an empty query and ignores what it does not know', () => {
    const decoded = decodeViewQuery(
      '?asOf=yesterday&layout=spiral&hideKinds=Person,Alien&minSources=-3&sel=x&view=a_b_c&pos=1_2',
    );
    expect(decoded.asOf).toBeUndefined();
    expect(decoded.layout).toBe('force');
    expect(decoded.filters?.hiddenKinds).toEqual(['Person']);
    expect(decoded.filters?.minSources).toBeUndefined();
    expect(decoded.selection).toBeUndefined();
    expect(decoded.viewport).toBeUndefined();
    expect(decoded.positions).toBeUndefined();
    expect(decodeViewQuery('').filters?.hiddenCategories).toEqual([...INITIAL_STATE.filter.hiddenCategories]);
    const noneHidden = encodeViewQuery(ViewState.parse({ filters: { hiddenCategories: [] } }));
    expect(decodeViewQuery(noneHidden).filters?.hiddenCategories).toEqual([]);
    // One malformed id does not cost the rest of the link.
    const partly = decodeViewQuery('ids=org:a,NOT AN ID,org:b&pos=1_2*3_4*5_6&pins=org:b');
    expect(partly.ids).toEqual(['org:a', 'org:b']);
    expect(partly.positions).toEqual({ 'org:a': { x: 1, y: 2 }, 'org:b': { x: 5, y: 6 } });
    expect(partly.pinned).toEqual(['org:b']);
  });

  it('reads links made before positions and viewports were kept', () => {
    const old = decodeViewQuery(
      '?ids=person%3Avincent-line%2Corg%3Alexisnexis&sel=n%3Aperson%3Avincent-line&hideCats=provenance&layout=flow',
    );
    expect(old.ids).toEqual(['person:vincent-line', 'org:lexisnexis']);
    expect(old.selection).toEqual({ kind: 'node', id: 'person:vincent-line' });
    expect(old.layout).toBe('flow');
    expect(old.positions).toBeUndefined();
  });
});

describe('undo and redo', () => {
  it('walks back and forth and drops the redo branch on a new change', () => {
    let history: History<number> = record({ past: [], future: [] }, 1);
    history = record(history, 2);
    const back = undo(history, 3);
    expect(back?.value).toBe(2);
    const forth = redo(back?.history ?? history, 2);
    expect(forth?.value).toBe(3);
    const branched = record(back?.history ?? history, 2);
    expect(branched.future).toEqual([]);
    expect(undo({ past: [], future: [] }, 1)).toBeUndefined();
    expect(redo({ past: [], future: [] }, 1)).toBeUndefined();
  });

  it('keeps a bounded history', () => {
    let history: History<number> = { past: [], future: [] };
    for (let i = 0; i < 10; i++) history = record(history, i, 3);
    expect(history.past).toEqual([7, 8, 9]);
  });

  it('undoes canvas changes in the reducer, not selections or filters', () => {
    const a = node('org:a');
    const b = node('org:b');
    let state: ExplorerState = explorerReducer(INITIAL_STATE, { type: 'merged', patch: { nodes: [a], edges: [] } });
    state = explorerReducer(state, { type: 'merged', patch: { nodes: [b], edges: [edge('rel:ab', a.id, b.id)] } });
    state = explorerReducer(state, { type: 'select', selection: { kind: 'node', id: b.id } });
    state = explorerReducer(state, { type: 'setFilter', patch: { asOf: '2020' } });
    expect(state.history.past).toHaveLength(2);
    state = explorerReducer(state, { type: 'undo' });
    expect([...state.view.nodes.keys()]).toEqual([a.id]);
    // The selected node left the canvas with the step, so the selection goes too.
    expect(state.selection).toBeNull();
    expect(state.filter.asOf).toBe('2020');
    state = explorerReducer(state, { type: 'redo' });
    expect([...state.view.nodes.keys()]).toEqual([a.id, b.id]);
    expect(explorerReducer(INITIAL_STATE, { type: 'undo' })).toBe(INITIAL_STATE);
  });
});

describe('collapsing an expansion', () => {
  it('removes the neighbours that hang only on the node and keeps those tied elsewhere', () => {
    const hub = node('org:hub');
    const leaf = node('org:leaf');
    const shared = node('org:shared');
    const other = node('org:other');
    const view = mergeGraph(EMPTY_VIEW, {
      nodes: [hub, leaf, shared, other],
      edges: [edge('rel:1', hub.id, leaf.id), edge('rel:2', hub.id, shared.id), edge('rel:3', other.id, shared.id)],
    }).view;
    expect([...collapseNode(view, hub.id).nodes.keys()]).toEqual([hub.id, shared.id, other.id]);
    const state = explorerReducer({ ...INITIAL_STATE, view }, { type: 'collapse', id: hub.id });
    expect(state.view.nodes.has(leaf.id)).toBe(false);
  });
});

describe('names by language', () => {
  it('shows an Arabic-script alias in Arabic and the canonical name otherwise', () => {
    const vincent = { name: 'Vincent Line', aliases: ['V. Line', 'فنسنت لاين'] };
    expect(localName(vincent, 'ar')).toBe('فنسنت لاين');
    expect(localName(vincent, 'es')).toBe('Vincent Line');
    expect(localName({ name: 'ICE', aliases: [] }, 'ar')).toBe('ICE');
  });
});

describe('path presets', () => {
  it('limits a path search to money or data flows, or to what the legend shows', () => {
    expect(pathTypes({ only: 'money' }, new Set())).toEqual(['BUYER_OF', 'AWARDED_TO', 'PAID']);
    expect(pathTypes({ only: 'data' }, new Set(['data']))).toEqual(['OPERATES', 'SUPPLIES_DATA_TO']);
    expect(pathTypes({ only: 'all' }, new Set(['provenance']))).not.toContain('MENTIONS');
    const state = explorerReducer(INITIAL_STATE, { type: 'setPathPreset', only: 'money' });
    expect(explorerReducer(state, { type: 'clearPaths' }).path.only).toBe('money');
  });
});
