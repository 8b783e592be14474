/** The explorer's model layer: merging answers, labels, element classes, paths and the reducer. */
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, PathsResponse } from '../../schemas/index.js';
import {
  EMPTY_VIEW,
  INITIAL_STATE,
  MONEY_MAX_WIDTH,
  MONEY_MIN_WIDTH,
  PLAIN_EDGE_WIDTH,
  amendmentsNewestFirst,
  edgeFromDetail,
  edgeLabel,
  edgeWidth,
  explorerReducer,
  formatAmount,
  formatPeriod,
  groupRelationships,
  mergeGraph,
  nodeLabel,
  pathHighlight,
  pathHops,
  removeNodes,
  shortQualifier,
  textDirection,
  toElements,
  visibleTypes,
} from '../../web/src/model/index.js';

const cite = [
  {
    documentId: 'document:press-release-sanctuary-sabotage',
    locator: 'line 24',
    quote: 'اجلس على مجلس إدارة مستودع بيانات LexisNexis',
  },
];

const vincent: GraphNode = {
  id: 'person:vincent-line',
  kind: 'Person',
  name: 'Vincent Line',
  aliases: [],
  status: 'reported',
  citations: cite,
};
const sheriff: GraphNode = {
  id: 'public-body:denver-sheriff-department',
  kind: 'PublicBody',
  name: 'Denver Sheriff Department',
  aliases: [],
  status: 'reported',
  citations: cite,
};
const board: GraphNode = {
  id: 'org:lexisnexis-data-warehouse-board',
  kind: 'Organization',
  name: 'LexisNexis data-warehouse board',
  aliases: [],
  status: 'reported',
  citations: cite,
};
const denver: GraphNode = {
  id: 'public-body:city-of-denver',
  kind: 'PublicBody',
  name: 'City and County of Denver',
  aliases: [],
  status: 'reported',
  citations: cite,
};
const contract: GraphNode = {
  id: 'contract:denver-lexisnexis-data-services-2020',
  kind: 'Contract',
  name: 'City of Denver–LexisNexis data-services contract (2020)',
  aliases: [],
  status: 'reported',
  citations: cite,
  amount: 750000,
  currency: 'USD',
};
const holds: GraphEdge = {
  id: 'rel:vincent-line.holds-position.denver-sheriff-department',
  type: 'HOLDS_POSITION',
  source: vincent.id,
  target: sheriff.id,
  role: "Chief of operations (oversees Denver's jails)",
  current: true,
  status: 'reported',
  citations: cite,
};
const seat: GraphEdge = {
  id: 'rel:vincent-line.sits-on-board.lexisnexis-data-warehouse-board',
  type: 'SITS_ON_BOARD',
  source: vincent.id,
  target: board.id,
  status: 'reported',
  citations: cite,
};
const buys: GraphEdge = {
  id: 'rel:denver.buyer-of.contract',
  type: 'BUYER_OF',
  source: denver.id,
  target: contract.id,
  status: 'reported',
  citations: cite,
};

const neighbourhood = { nodes: [vincent, sheriff, board], edges: [holds, seat] };

describe('mergeGraph', () => {
  it('adds new nodes and edges and reports which ones are new', () => {
    const { view, addedNodeIds, addedEdgeIds } = mergeGraph(EMPTY_VIEW, neighbourhood);
    expect([...view.nodes.keys()]).toEqual([vincent.id, sheriff.id, board.id]);
    expect([...view.edges.keys()]).toEqual([holds.id, seat.id]);
    expect(addedNodeIds).toHaveLength(3);
    expect(addedEdgeIds).toHaveLength(2);
  });

  it('merging the same answer twice does not duplicate and keeps the same view object', () => {
    const once = mergeGraph(EMPTY_VIEW, neighbourhood).view;
    const twice = mergeGraph(once, {
      nodes: neighbourhood.nodes.map((n) => ({ ...n })),
      edges: neighbourhood.edges.map((e) => ({ ...e })),
    });
    expect(twice.view).toBe(once);
    expect(twice.view.nodes.size).toBe(3);
    expect(twice.view.edges.size).toBe(2);
    expect(twice.addedNodeIds).toEqual([]);
    expect(twice.addedEdgeIds).toEqual([]);
  });

  it('refreshes a node that comes back with more fields without counting it as new', () => {
    const once = mergeGraph(EMPTY_VIEW, { nodes: [vincent], edges: [] }).view;
    const richer = { ...vincent, description: 'Chief of operations' };
    const result = mergeGraph(once, { nodes: [richer], edges: [] });
    expect(result.view).not.toBe(once);
    expect(result.view.nodes.get(vincent.id)).toEqual(richer);
    expect(result.addedNodeIds).toEqual([]);
  });

  it('drops edges whose ends are not on the canvas (Cytoscape refuses dangling edges)', () => {
    const { view } = mergeGraph(EMPTY_VIEW, { nodes: [vincent], edges: [holds] });
    expect(view.edges.size).toBe(0);
  });

  it('removeNodes takes the edges touching them too', () => {
    const view = removeNodes(mergeGraph(EMPTY_VIEW, neighbourhood).view, [sheriff.id]);
    expect([...view.nodes.keys()]).toEqual([vincent.id, board.id]);
    expect([...view.edges.keys()]).toEqual([seat.id]);
  });
});

describe('labels', () => {
  const nodes = mergeGraph(EMPTY_VIEW, { nodes: [vincent, sheriff, board, denver, contract], edges: [] }).view.nodes;

  it('names the type in words and adds the role, without the parenthetical aside', () => {
    expect(edgeLabel(holds, nodes)).toBe('HOLDS POSITION · Chief of operations');
    expect(edgeLabel(seat, nodes)).toBe('SITS ON BOARD');
    expect(edgeLabel({ ...seat, seat: 'Board member' }, nodes)).toBe('SITS ON BOARD · Board member');
  });

  it('says "former" when the source says the role ended', () => {
    const former: GraphEdge = { ...holds, role: 'Sheriff', current: false };
    expect(edgeLabel(former, nodes)).toBe('HOLDS POSITION · Sheriff · former');
    expect(edgeLabel({ ...holds, role: 'Sheriff', current: undefined }, nodes)).toBe('HOLDS POSITION · Sheriff');
  });

  it('marks inferred facts so they are not read as reported', () => {
    expect(edgeLabel({ ...seat, status: 'inferred', inferredFrom: 'lines 24 and 26' }, nodes)).toBe('SITS ON BOARD · inferred');
  });

  it('puts the contract amount on money edges and on the contract node', () => {
    // No currency in the source: the number alone, never dressed up as dollars.
    expect(formatAmount(750000, undefined)).toBe('750,000');
    expect(formatAmount(22_100_000, 'USD')).toBe('$22,100,000');
    expect(formatAmount(1000, 'EUR')).toBe('€1,000');
    expect(edgeLabel(buys, nodes)).toBe('BUYER OF · $750,000');
    expect(nodeLabel(contract)).toBe('City of Denver–LexisNexis data-services contract (2020)\n$750,000');
  });

  it('weights money edges by amount against the largest contract shown, and leaves others thin', () => {
    expect(edgeWidth(holds, nodes)).toBe(PLAIN_EDGE_WIDTH);
    // Alone on the canvas, the $750,000 contract is the largest: the heaviest line.
    expect(edgeWidth(buys, nodes)).toBe(MONEY_MAX_WIDTH);
    const bigger: GraphNode = { ...contract, id: 'contract:ice-lexisnexis', amount: 22_100_000 };
    const withBigger = new Map(nodes).set(bigger.id, bigger);
    expect(edgeWidth(buys, withBigger)).toBeLessThan(MONEY_MAX_WIDTH);
    expect(edgeWidth(buys, withBigger)).toBeGreaterThan(MONEY_MIN_WIDTH);
    // The amount is on the contract caption, so the canvas label leaves it off; text views keep it.
    expect(edgeLabel(buys, nodes, { amount: false })).toBe('BUYER OF');
  });

  it('says a contract amount is undisclosed rather than leaving it blank', () => {
    const { amount: _amount, ...unknown } = contract;
    expect(nodeLabel(unknown)).toBe('City of Denver–LexisNexis data-services contract (2020)\namount undisclosed');
    expect(edgeLabel(buys, new Map([[contract.id, unknown]]))).toBe('BUYER OF');
  });

  it('cuts long qualifiers for the canvas only', () => {
    expect(shortQualifier('Personal records and real-time jail-booking data')).toMatch(
      /^Personal records and real-time jail.*…$/,
    );
    expect(shortQualifier('(only an aside)')).toBe('(only an aside)');
  });

  it('formats periods', () => {
    expect(formatPeriod({ start: '2017', end: '2020' })).toBe('2017 – 2020');
    expect(formatPeriod({ start: '2019', current: true })).toBe('2019 – present');
    expect(formatPeriod({ end: '2021' })).toBe('until 2021');
    expect(formatPeriod({})).toBe('');
  });

  it('finds the direction of a quote from its first strong character', () => {
    expect(textDirection('اجلس على مجلس إدارة LexisNexis')).toBe('rtl');
    expect(textDirection('“LexisNexis” اجلس')).toBe('ltr');
    expect(textDirection('24 — ICE')).toBe('ltr');
  });
});

describe('toElements', () => {
  const view = mergeGraph(EMPTY_VIEW, { nodes: [vincent, sheriff, board], edges: [{ ...holds, current: false }, seat] }).view;

  it('turns kind, category and former into classes Cytoscape styles by', () => {
    const elements = toElements(view);
    const person = elements.find((e) => e.data.id === vincent.id);
    const former = elements.find((e) => e.data.id === holds.id);
    expect(person?.classes).toBe('kind-Person');
    expect(former?.classes.split(' ')).toEqual(expect.arrayContaining(['cat-role', 'former']));
    expect(former?.group).toBe('edges');
    // Nodes first: Cytoscape needs an edge's ends to exist when the edge is added.
    expect(elements.map((e) => e.group)).toEqual(['nodes', 'nodes', 'nodes', 'edges', 'edges']);
  });

  it('highlights a path and dims everything else', () => {
    const highlight = pathHighlight([{ nodeIds: [vincent.id, board.id], edgeIds: [seat.id] }]);
    const byId = new Map(toElements(view, { highlight }).map((e) => [e.data.id, e.classes.split(' ')]));
    expect(byId.get(vincent.id)).toContain('highlighted');
    expect(byId.get(seat.id)).toContain('highlighted');
    expect(byId.get(sheriff.id)).toContain('dimmed');
    expect(byId.get(holds.id)).toContain('dimmed');
  });

  it('dims nothing without a highlight, and hides what the legend switched off', () => {
    const filter = { hiddenKinds: new Set(['PublicBody'] as const), hiddenCategories: new Set<never>() };
    const byId = new Map(toElements(view, { filter }).map((e) => [e.data.id, e.classes.split(' ')]));
    expect([...byId.values()].flat()).not.toContain('dimmed');
    expect(byId.get(sheriff.id)).toContain('hidden');
    // An edge to a hidden node is hidden with it.
    expect(byId.get(holds.id)).toContain('hidden');
    expect(byId.get(seat.id)).not.toContain('hidden');
  });

  it('marks the selection', () => {
    const elements = toElements(view, { selection: { kind: 'edge', id: seat.id } });
    expect(elements.find((e) => e.data.id === seat.id)?.classes).toContain('selected');
    expect(elements.filter((e) => e.classes.includes('selected'))).toHaveLength(1);
  });
});

describe('paths', () => {
  const view = mergeGraph(EMPTY_VIEW, { nodes: [vincent, board, denver, contract], edges: [seat, buys] }).view;

  it('narrows the highlight to one path when asked', () => {
    const paths = [
      { nodeIds: ['a', 'b'], edgeIds: ['ab'] },
      { nodeIds: ['a', 'c'], edgeIds: ['ac'] },
    ];
    expect([...pathHighlight(paths).edgeIds]).toEqual(['ab', 'ac']);
    expect([...pathHighlight(paths, 1).nodeIds]).toEqual(['a', 'c']);
  });

  it('reads hops in path order and notices when a hop goes against the arrow', () => {
    const hops = pathHops({ nodeIds: [contract.id, denver.id], edgeIds: [buys.id] }, view);
    expect(hops).toHaveLength(1);
    expect(hops[0]).toMatchObject({ from: contract.id, to: denver.id, forward: false });
    expect(pathHops({ nodeIds: [vincent.id, board.id], edgeIds: [seat.id] }, view)[0]?.forward).toBe(true);
  });
});

describe('entity detail adapters', () => {
  const rel = {
    id: seat.id,
    type: 'SITS_ON_BOARD' as const,
    source: vincent.id,
    target: board.id,
    properties: { seat: 'Board member', current: true, status: 'reported' },
    citations: cite,
  };

  it('flattens a detail relationship into an edge through the shared schema', () => {
    expect(edgeFromDetail(rel)).toMatchObject({
      id: seat.id,
      type: 'SITS_ON_BOARD',
      seat: 'Board member',
      current: true,
      status: 'reported',
    });
  });

  it('refuses a relationship the schema rejects instead of drawing it half-known', () => {
    expect(edgeFromDetail({ ...rel, properties: {} })).toBeUndefined();
  });

  it('groups relationships by type in the given order', () => {
    const holdsRel = { ...rel, id: holds.id, type: 'HOLDS_POSITION' as const };
    const groups = groupRelationships([rel, holdsRel], ['HOLDS_POSITION', 'SITS_ON_BOARD']);
    expect(groups.map((g) => g.type)).toEqual(['HOLDS_POSITION', 'SITS_ON_BOARD']);
  });

  it("lists a contract's amendments newest first, a partial date before the days it spans, undated ones last", () => {
    // As stored: oldest first, an undated one among them.
    const stored = [
      { date: '2023', description: 'some time in 2023' },
      { date: '2023-01-09', description: 'licences added' },
      { description: 'no date given' },
      { date: '2024-03-01', description: 'extended' },
      { date: '2022-12-01', description: 'support extended' },
    ];
    expect(amendmentsNewestFirst(stored).map((a) => a.description)).toEqual([
      'extended',
      'licences added',
      'some time in 2023',
      'support extended',
      'no date given',
    ]);
    expect(stored[0]?.description).toBe('some time in 2023');
  });
});

describe('explorerReducer', () => {
  const withNeighbourhood = explorerReducer(INITIAL_STATE, {
    type: 'merged',
    patch: neighbourhood,
    select: { kind: 'node', id: vincent.id },
  });

  it('merges and selects', () => {
    expect(withNeighbourhood.view.nodes.size).toBe(3);
    expect(withNeighbourhood.selection).toEqual({ kind: 'node', id: vincent.id });
    expect(explorerReducer(withNeighbourhood, { type: 'merged', patch: neighbourhood })).toBe(withNeighbourhood);
  });

  it('starts with source links off, so Expand does not ask for them', () => {
    expect(visibleTypes(INITIAL_STATE.filter.hiddenCategories)).not.toContain('MENTIONS');
    expect(visibleTypes(INITIAL_STATE.filter.hiddenCategories)).toContain('SITS_ON_BOARD');
    const shown = explorerReducer(INITIAL_STATE, { type: 'toggleCategory', category: 'provenance' });
    expect(visibleTypes(shown.filter.hiddenCategories)).toContain('MENTIONS');
  });

  it('shift-picks fill the start, then the end', () => {
    const one = explorerReducer(withNeighbourhood, { type: 'pickPathEnd', id: vincent.id });
    const two = explorerReducer(one, { type: 'pickPathEnd', id: board.id });
    expect(two.path).toMatchObject({ from: vincent.id, to: board.id });
    const swapped = explorerReducer(two, { type: 'swapPathEnds' });
    expect(swapped.path).toMatchObject({ from: board.id, to: vincent.id });
  });

  it('stores found paths, shortest first, adds their elements, and asks for a top-down layout', () => {
    const response: PathsResponse = {
      paths: [
        { nodeIds: [vincent.id, sheriff.id, board.id], edgeIds: [holds.id, 'x'] },
        { nodeIds: [vincent.id, board.id], edgeIds: [seat.id] },
      ],
      nodes: [vincent, board],
      edges: [seat],
    };
    const found = explorerReducer(INITIAL_STATE, { type: 'pathsFound', response, maxHops: 4 });
    expect(found.path.result?.paths[0]?.edgeIds).toEqual([seat.id]);
    expect(found.view.edges.has(seat.id)).toBe(true);
    expect(found.layout).toEqual({ seq: INITIAL_STATE.layout.seq + 1, mode: 'hierarchy' });
    const cleared = explorerReducer(found, { type: 'clearPaths' });
    expect(cleared.path.result).toBeUndefined();
    expect(cleared.view).toBe(found.view);
  });

  it('remembers the hop limit of an empty answer for "No path within N hops"', () => {
    const none = explorerReducer(INITIAL_STATE, {
      type: 'pathsFound',
      response: { paths: [], nodes: [], edges: [] },
      maxHops: 2,
    });
    expect(none.path.result).toEqual({ paths: [], maxHops: 2 });
    expect(none.layout).toBe(INITIAL_STATE.layout);
  });

  it('removing the selected node clears the selection and any path end on it', () => {
    const picked = explorerReducer(withNeighbourhood, { type: 'setPathEnd', end: 'from', id: vincent.id });
    const removed = explorerReducer(picked, { type: 'removeNode', id: vincent.id });
    expect(removed.selection).toBeNull();
    expect(removed.path.from).toBeUndefined();
    expect(removed.view.edges.size).toBe(0);
  });
});

describe('edge labels on a busy canvas', () => {
  const hub: GraphNode = { ...board, id: 'org:hub', name: 'Hub' };
  const spokes: GraphNode[] = Array.from({ length: 14 }, (_, i) => ({ ...vincent, id: `person:spoke-${i}`, name: `Spoke ${i}` }));
  const edges: GraphEdge[] = spokes.map((p, i) => ({ ...seat, id: `rel:spoke-${i}`, source: p.id, target: hub.id }));
  const busy = mergeGraph(EMPTY_VIEW, { nodes: [hub, ...spokes], edges }).view;
  const quiet = (elements: ReturnType<typeof toElements>) =>
    elements.filter((e) => e.classes.split(' ').includes('quiet')).map((e) => e.data.id);

  it('labels every edge on a small canvas', () => {
    expect(quiet(toElements(mergeGraph(EMPTY_VIEW, neighbourhood).view))).toEqual([]);
  });

  it('keeps labels only around the selection once edges would overlap', () => {
    expect(quiet(toElements(busy))).toHaveLength(14);
    const aroundSpoke = quiet(toElements(busy, { selection: { kind: 'node', id: 'person:spoke-3' } }));
    expect(aroundSpoke).toHaveLength(13);
    expect(aroundSpoke).not.toContain('rel:spoke-3');
    expect(quiet(toElements(busy, { selection: { kind: 'node', id: hub.id } }))).toEqual([]);
    expect(quiet(toElements(busy, { selection: { kind: 'edge', id: 'rel:spoke-5' } }))).not.toContain('rel:spoke-5');
  });
});
