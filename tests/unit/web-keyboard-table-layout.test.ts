/**
 * The explorer's model for keyboard movement between neighbours, selecting neighbours, the sortable
 * table, where new nodes are set down, path type choice, the renderer chosen by size, and wording.
 */
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../schemas/index.js';
import {
  ENGLISH,
  FAN_RADIUS,
  INITIAL_STATE,
  ariaSort,
  connectionRows,
  edgeLabel,
  entityRows,
  explorerReducer,
  formatPeriod,
  mergeGraph,
  moneyRowText,
  neighbourIds,
  neighbourInDirection,
  nextSort,
  pathTypes,
  seedPlacement,
  sortRows,
  toElements,
} from '../../web/src/model/index.js';
import type { ExplorerState, Wording } from '../../web/src/model/index.js';
import { LARGE_FROM, WEBGL_FROM, rendererChoice, rendererOptions, tuningFor } from '../../web/src/canvas/renderer.js';

const cite = (documentId: string, locator = 'line 1') => ({ documentId, locator, quote: 'words' });
const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode =>
  ({ id, kind: 'Organization', name: id, aliases: [], status: 'reported', citations: [], ...extra }) as GraphNode;
const edge = (id: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge =>
  ({ id, type: 'SUPPLIES_DATA_TO', source, target, status: 'reported', citations: [cite('document:a')], ...extra }) as GraphEdge;

/** A star: hub in the middle, one neighbour in each direction, and one far off to the upper right. */
const HUB = { x: 0, y: 0 };
const AROUND = [
  { id: 'east', position: { x: 200, y: 10 } },
  { id: 'west', position: { x: -180, y: -20 } },
  { id: 'north', position: { x: 15, y: -150 } },
  { id: 'south', position: { x: -10, y: 160 } },
];

describe('moving the selection with arrow keys', () => {
  it('goes to the neighbour lying that way on screen (y grows downwards)', () => {
    expect(neighbourInDirection(HUB, AROUND, 'right')).toBe('east');
    expect(neighbourInDirection(HUB, AROUND, 'left')).toBe('west');
    expect(neighbourInDirection(HUB, AROUND, 'up')).toBe('north');
    expect(neighbourInDirection(HUB, AROUND, 'down')).toBe('south');
  });

  it('prefers a neighbour straight ahead to a nearer one off to the side', () => {
    const candidates = [
      { id: 'near-diagonal', position: { x: 80, y: -70 } },
      { id: 'far-ahead', position: { x: 300, y: 5 } },
    ];
    expect(neighbourInDirection(HUB, candidates, 'right')).toBe('far-ahead');
  });

  it('still moves when no neighbour lies within the cone, to the one closest in angle', () => {
    const onlyBehind = [
      { id: 'behind-up', position: { x: -100, y: -120 } },
      { id: 'behind', position: { x: -200, y: 0 } },
    ];
    expect(neighbourInDirection(HUB, onlyBehind, 'right')).toBe('behind-up');
    expect(neighbourInDirection(HUB, [], 'right')).toBeUndefined();
  });

  it('lists the neighbours on the canvas once each, whichever way the edges point', () => {
    const view = mergeGraph(
      { nodes: new Map(), edges: new Map() },
      {
        nodes: [node('a'), node('b'), node('c'), node('d')],
        edges: [edge('e1', 'a', 'b'), edge('e2', 'c', 'a'), edge('e3', 'a', 'b', { type: 'OPERATES' }), edge('e4', 'b', 'd')],
      },
    ).view;
    expect(neighbourIds(view, 'a').sort()).toEqual(['b', 'c']);
    expect(neighbourIds(view, 'a', (id) => id !== 'c')).toEqual(['b']);
  });
});

describe('select neighbours', () => {
  const start: ExplorerState = explorerReducer(INITIAL_STATE, {
    type: 'merged',
    patch: {
      nodes: [node('a'), node('b'), node('c'), node('d')],
      edges: [edge('e1', 'a', 'b'), edge('e2', 'c', 'a'), edge('e3', 'c', 'd')],
    },
  });

  it('selects the node and marks it with its neighbours, drawn with their own class', () => {
    const state = explorerReducer(start, { type: 'selectNeighbours', id: 'a', neighbours: ['b', 'c', 'not-on-canvas'] });
    expect(state.selection).toEqual({ kind: 'node', id: 'a' });
    expect([...state.marked].sort()).toEqual(['a', 'b', 'c']);
    const marked = toElements(state.view, { marked: state.marked })
      .filter((e) => e.group === 'nodes' && e.classes.split(' ').includes('marked'))
      .map((e) => e.data.id);
    expect(marked.sort()).toEqual(['a', 'b', 'c']);
  });

  it('removes the marked nodes in one step that undo brings back', () => {
    const marked = explorerReducer(start, { type: 'selectNeighbours', id: 'a', neighbours: ['b', 'c'] });
    const removed = explorerReducer(marked, { type: 'removeMarked' });
    expect([...removed.view.nodes.keys()]).toEqual(['d']);
    expect(removed.marked.size).toBe(0);
    expect(removed.selection).toBeNull();
    const undone = explorerReducer(removed, { type: 'undo' });
    expect([...undone.view.nodes.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('forgets marks of nodes taken off the canvas some other way, and clears on request', () => {
    const marked = explorerReducer(start, { type: 'selectNeighbours', id: 'a', neighbours: ['b', 'c'] });
    expect([...explorerReducer(marked, { type: 'removeNode', id: 'b' }).marked].sort()).toEqual(['a', 'c']);
    expect(explorerReducer(marked, { type: 'clearMarked' }).marked.size).toBe(0);
  });
});

describe('the sortable table', () => {
  const view = mergeGraph(
    { nodes: new Map(), edges: new Map() },
    {
      nodes: [
        node('z', { name: 'Zeta' }),
        node('a', { name: 'Álvaro' }),
        node('m', { name: 'mesa' }),
        node('doc', { kind: 'Document', name: 'Doc' } as Partial<GraphNode>),
      ],
      edges: [
        edge('e1', 'z', 'a', { start: '2020', citations: [cite('document:a'), cite('document:b')] }),
        edge('e2', 'a', 'm', { start: '2017' }),
        edge('e3', 'm', 'z'),
        edge('e4', 'a', 'doc', { type: 'MENTIONS', start: '2019' }),
      ],
    },
  ).view;

  it('sorts names in the reader’s language, ignoring case and accents, either way', () => {
    const rows = entityRows(view);
    const names = (dir: 'ascending' | 'descending') => sortRows(rows, dir, (r) => r.node.name).map((r) => r.node.name);
    expect(names('ascending')).toEqual(['Álvaro', 'Doc', 'mesa', 'Zeta']);
    expect(names('descending')).toEqual(['Zeta', 'mesa', 'Doc', 'Álvaro']);
  });

  it('sorts counts as numbers and keeps the canvas order among equals', () => {
    const rows = entityRows(view);
    expect(rows.find((r) => r.id === 'a')?.connections).toBe(3);
    const byDegree = sortRows(rows, 'descending', (r) => r.connections).map((r) => r.id);
    expect(byDegree).toEqual(['a', 'z', 'm', 'doc']);
  });

  it('puts connections without a date last in both directions', () => {
    const rows = connectionRows(view);
    expect(sortRows(rows, 'ascending', (r) => r.start).map((r) => r.id)).toEqual(['e2', 'e4', 'e1', 'e3']);
    expect(sortRows(rows, 'descending', (r) => r.start).map((r) => r.id)).toEqual(['e1', 'e4', 'e2', 'e3']);
    expect(connectionRows(view).find((r) => r.id === 'e1')?.sources).toBe(2);
  });

  it('reads digits as numbers: line 9 before line 24', () => {
    const rows = [{ l: 'line 24' }, { l: 'line 9' }, { l: 'line 100' }];
    expect(sortRows(rows, 'ascending', (r) => r.l).map((r) => r.l)).toEqual(['line 9', 'line 24', 'line 100']);
  });

  it('flips the sorted column and starts another ascending; aria-sort says which', () => {
    const first = nextSort<'name' | 'kind'>(undefined, 'name');
    expect(first).toEqual({ key: 'name', direction: 'ascending' });
    const flipped = nextSort(first, 'name');
    expect(flipped.direction).toBe('descending');
    expect(nextSort(flipped, 'kind')).toEqual({ key: 'kind', direction: 'ascending' });
    expect(ariaSort(flipped, 'name')).toBe('descending');
    expect(ariaSort(flipped, 'kind')).toBe('none');
    expect(ariaSort(undefined, 'kind')).toBe('none');
  });
});

describe('where new nodes are set down', () => {
  const placed = new Map([
    ['hub', { x: 100, y: 50 }],
    ['other', { x: -400, y: 0 }],
  ]);

  it('fans targets of the anchor out to its right and sources to its left, at the fan radius', () => {
    const plan = seedPlacement({
      added: ['t1', 't2', 's1'],
      placed,
      edges: [
        { source: 'hub', target: 't1' },
        { source: 'hub', target: 't2' },
        { source: 's1', target: 'hub' },
      ],
      center: { x: 0, y: 0 },
    });
    for (const id of ['t1', 't2']) {
      const at = plan.get(id);
      expect(at && at.x).toBeGreaterThan(100);
      expect(at && Math.hypot(at.x - 100, at.y - 50)).toBeCloseTo(FAN_RADIUS);
    }
    expect(plan.get('t1')).not.toEqual(plan.get('t2'));
    expect(plan.get('s1')?.x).toBeLessThan(100);
    // Nodes already placed are not in the plan: nothing that was on the canvas moves.
    expect(plan.has('hub') || plan.has('other')).toBe(false);
  });

  it('puts a node with no placed neighbour by the middle of the view, and a first node right on it', () => {
    const plan = seedPlacement({ added: ['lonely'], placed, edges: [], center: { x: 10, y: 20 } });
    expect(Math.hypot((plan.get('lonely')?.x ?? 0) - 10, (plan.get('lonely')?.y ?? 0) - 20)).toBeCloseTo(FAN_RADIUS);
    const first = seedPlacement({ added: ['only'], placed: new Map(), edges: [], center: { x: 10, y: 20 } });
    expect(first.get('only')).toEqual({ x: 10, y: 20 });
  });
});

describe('path options', () => {
  it('starts a chosen set from what the preset allowed and toggles one type at a time', () => {
    const money = explorerReducer(INITIAL_STATE, { type: 'setPathPreset', only: 'money' });
    const withRoles = explorerReducer(money, { type: 'togglePathType', relType: 'SITS_ON_BOARD' });
    expect(withRoles.path.only).toBe('custom');
    expect(pathTypes(withRoles.path, withRoles.filter.hiddenCategories)).toEqual([
      'SITS_ON_BOARD',
      'BUYER_OF',
      'AWARDED_TO',
      'PAID',
    ]);
    const withoutBuyer = explorerReducer(withRoles, { type: 'togglePathType', relType: 'BUYER_OF' });
    expect(pathTypes(withoutBuyer.path, withoutBuyer.filter.hiddenCategories)).toEqual(['SITS_ON_BOARD', 'AWARDED_TO', 'PAID']);
  });

  it('keeps the chosen types and hop limit when the ends are cleared', () => {
    const chosen = explorerReducer(explorerReducer(INITIAL_STATE, { type: 'togglePathType', relType: 'MENTIONS' }), {
      type: 'setMaxHops',
      maxHops: 2,
    });
    const withEnd = explorerReducer(chosen, { type: 'setPathEnd', end: 'from', id: 'a' });
    const cleared = explorerReducer(withEnd, { type: 'clearPaths' });
    expect(cleared.path.from).toBeUndefined();
    expect(cleared.path.maxHops).toBe(2);
    expect(cleared.path.types?.has('MENTIONS')).toBe(true);
  });
});

describe('the renderer chosen by size', () => {
  it('reads ?renderer= and ignores anything else', () => {
    expect(rendererChoice('?renderer=webgl')).toBe('webgl');
    expect(rendererChoice('?ids=a&renderer=canvas')).toBe('canvas');
    expect(rendererChoice('?renderer=vulkan')).toBe('auto');
    expect(rendererChoice('')).toBe('auto');
  });

  it('turns the performance options on for large graphs and WebGL on for very large ones', () => {
    expect(tuningFor('auto', 40, true)).toEqual({ large: false, webgl: false });
    expect(tuningFor('auto', LARGE_FROM, true)).toEqual({ large: true, webgl: false });
    expect(tuningFor('auto', WEBGL_FROM, true)).toEqual({ large: true, webgl: true });
    expect(tuningFor('canvas', WEBGL_FROM * 5, true)).toEqual({ large: true, webgl: false });
    expect(tuningFor('webgl', 10, true)).toEqual({ large: true, webgl: true });
  });

  it('falls back to the 2D canvas where the browser has no WebGL 2', () => {
    expect(tuningFor('webgl', 10, false)).toEqual({ large: false, webgl: false });
    expect(tuningFor('auto', WEBGL_FROM * 2, false).webgl).toBe(false);
  });

  it('does not switch back and forth around a threshold', () => {
    const on = tuningFor('auto', WEBGL_FROM, true);
    expect(tuningFor('auto', WEBGL_FROM - 10, true, on).webgl).toBe(true);
    expect(tuningFor('auto', Math.floor(WEBGL_FROM * 0.7), true, on).webgl).toBe(false);
  });

  it('gives Cytoscape the options that matter for each', () => {
    expect(rendererOptions({ large: false, webgl: false })).toMatchObject({ hideEdgesOnViewport: false, motionBlur: false });
    expect(rendererOptions({ large: true, webgl: false })).toMatchObject({ hideEdgesOnViewport: true, textureOnViewport: true });
    expect(rendererOptions({ large: true, webgl: true }).renderer).toEqual({ name: 'canvas', webgl: true });
  });
});

describe('labels in the reader’s language', () => {
  const spanish: Wording = {
    ...ENGLISH,
    locale: 'es-ES',
    type: (type) => (type === 'HOLDS_POSITION' ? 'OCUPA EL CARGO' : type),
    status: (status) => (status === 'alleged' ? 'presunto' : status),
    former: 'anterior',
    present: 'hoy',
    since: (date) => `desde ${date}`,
    contracts: (count) => `${count} contratos`,
  };

  it('words the edge label, the period and money in the given language', () => {
    const role = edge('r', 'p', 'o', {
      type: 'HOLDS_POSITION',
      role: 'Sheriff',
      current: false,
      status: 'alleged',
    } as Partial<GraphEdge>);
    expect(edgeLabel(role, new Map(), { words: spanish })).toBe('OCUPA EL CARGO · Sheriff · anterior · presunto');
    expect(edgeLabel(role, new Map())).toBe('HOLDS POSITION · Sheriff · former · alleged');
    expect(formatPeriod({ start: '2019', current: true }, spanish)).toBe('2019 – hoy');
    expect(formatPeriod({ start: '2019' }, spanish)).toBe('desde 2019');
    const row = {
      payer: { id: 'a', name: 'A', kind: 'PublicBody' },
      payee: { id: 'b', name: 'B', kind: 'Organization' },
      totals: [{ currency: 'USD', amount: 750000 }],
      total: 750000,
      currency: 'USD',
      count: 2,
      unknownCount: 0,
      undisclosed: 0,
      sharedCount: 0,
      from: '2020',
      to: '2020',
      contractIds: ['contract:a', 'contract:b'],
      paymentIds: [],
    } as unknown as Parameters<typeof moneyRowText>[0];
    const text = moneyRowText(row, spanish);
    expect(text.contracts).toBe('2 contratos');
    expect(text.total.replace(/\s/g, ' ')).toBe('750.000 US$');
  });
});
