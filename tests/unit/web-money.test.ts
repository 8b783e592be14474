/** The page's model of money: table wording, line widths, and the graph each money-flow row stands for. */
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode, MoneyFlowRow } from '../../schemas/index.js';
import {
  INITIAL_STATE,
  MONEY_MAX_WIDTH,
  MONEY_MIN_WIDTH,
  citationsOf,
  combineGraphs,
  edgeLabel,
  explorerReducer,
  flowElements,
  largestAmount,
  missingChains,
  moneyEdgeWidth,
  moneyPatch,
  moneyPeriod,
  moneyRowKey,
  moneyRowText,
  moneySpotlight,
  moneyTotals,
  ownershipChain,
  toElements,
} from '../../web/src/model/index.js';

const cite = (locator: string) => [{ documentId: 'document:press-release', locator, quote: `quote at ${locator}` }];
const party = (id: string, kind: 'Organization' | 'PublicBody', name: string): GraphNode => ({
  id,
  kind,
  name,
  aliases: [],
  status: 'reported',
  citations: cite('line 1'),
});
const contract = (id: string, amount?: number): GraphNode => ({
  id,
  kind: 'Contract',
  name: id,
  aliases: [],
  status: 'reported',
  citations: cite('line 2'),
  ...(amount === undefined ? {} : { amount, currency: 'USD' }),
});
const link = (type: 'BUYER_OF' | 'AWARDED_TO' | 'SUBSIDIARY_OF', source: string, target: string, locator = 'line 3'): GraphEdge =>
  ({ id: `rel:${source}.${type}.${target}`, type, source, target, status: 'reported', citations: cite(locator) }) as GraphEdge;

const denver = party('public-body:city-of-denver', 'PublicBody', 'City and County of Denver');
const ice = party('public-body:ice', 'PublicBody', 'U.S. Immigration and Customs Enforcement');
const lexis = party('org:lexisnexis', 'Organization', 'LexisNexis');
const appriss = party('org:appriss-solutions', 'Organization', 'Appriss Solutions');
const denverDeal = contract('contract:denver-lexisnexis', 750_000);
const iceDeal = contract('contract:ice-lexisnexis', 22_100_000);
const apprissDeal = contract('contract:ice-appriss');
const edges = [
  link('BUYER_OF', denver.id, denverDeal.id, 'line 26'),
  link('AWARDED_TO', denverDeal.id, lexis.id, 'line 26'),
  link('BUYER_OF', ice.id, iceDeal.id, 'line 16'),
  link('AWARDED_TO', iceDeal.id, lexis.id, 'line 16'),
  link('BUYER_OF', ice.id, apprissDeal.id, 'line 18'),
  link('AWARDED_TO', apprissDeal.id, appriss.id, 'line 18'),
];
/** What /api/conflicts?pattern=money-flow answers: money edges only, no ownership. */
const evidence: Graph = { nodes: [denver, ice, lexis, appriss, denverDeal, iceDeal, apprissDeal], edges };
const subsidiary = link('SUBSIDIARY_OF', appriss.id, lexis.id, 'line 18');

const row = (over: Partial<MoneyFlowRow>): MoneyFlowRow => ({
  payer: { id: denver.id, name: denver.name },
  payee: { id: lexis.id, name: lexis.name },
  totals: [{ currency: 'USD', amount: 750_000 }],
  total: 750_000,
  currency: 'USD',
  count: 1,
  unknownCount: 0,
  undisclosed: 0,
  sharedCount: 0,
  from: '2020',
  to: '2020',
  contractIds: [denverDeal.id],
  paymentIds: [],
  ...over,
});
const denverRow = row({});
/** ICE -> LexisNexis rolled up: its own contract plus Appriss's, whose amount is unknown. */
const rolledUp = row({
  payer: { id: ice.id, name: ice.name },
  totals: [{ currency: 'USD', amount: 22_100_000 }],
  total: 22_100_000,
  count: 2,
  unknownCount: 1,
  undisclosed: 1,
  from: null,
  to: null,
  contractIds: [iceDeal.id, apprissDeal.id],
});

describe('money table wording', () => {
  it('formats totals, counts and date ranges', () => {
    expect(moneyRowText(denverRow)).toEqual({
      total: '$750,000',
      contracts: '1 contract',
      undisclosed: undefined,
      shared: undefined,
      period: '2020',
    });
    expect(moneyRowText(rolledUp)).toEqual({
      total: '$22,100,000',
      contracts: '2 contracts',
      undisclosed: '1 undisclosed',
      shared: undefined,
      period: 'undated',
    });
    const payments = row({ count: 3, paymentIds: ['rel:p1', 'rel:p2'], sharedCount: 1 });
    expect(moneyRowText(payments)).toMatchObject({ contracts: '2 payments · 1 contract', shared: '1 shared with other payees' });
  });

  it('never shows $0 for flows whose amounts are unknown, and never adds up different currencies', () => {
    const unknown = row({ totals: [], total: undefined, currency: undefined, unknownCount: 1, undisclosed: 1 });
    expect(moneyRowText(unknown).total).toBe('undisclosed');
    // All of them undisclosed: the total says so, no separate "1 undisclosed" note.
    expect(moneyRowText(unknown).undisclosed).toBeUndefined();
    const mixed = row({
      totals: [
        { currency: 'EUR', amount: 40_000 },
        { currency: 'USD', amount: 5_000 },
        { currency: null, amount: 12 },
      ],
      total: undefined,
      currency: undefined,
      count: 3,
    });
    expect(moneyRowText(mixed).total).toBe('€40,000 + $5,000 + 12 (currency not given)');
    expect(moneyRowText(row({ totals: [{ currency: 'EUR', amount: 1000 }] })).total).toBe('€1,000');
  });

  it('reads date ranges', () => {
    expect(moneyPeriod('2017', '2020')).toBe('2017 – 2020');
    expect(moneyPeriod('2020', '2020')).toBe('2020');
    expect(moneyPeriod('2017', null)).toBe('since 2017');
    expect(moneyPeriod(null, '2020')).toBe('until 2020');
    expect(moneyPeriod(null, null)).toBe('undated');
  });
});

describe('money edge width', () => {
  it('scales with the amount against the largest contract shown, between a floor and a cap', () => {
    expect(moneyEdgeWidth(22_100_000, 22_100_000)).toBe(MONEY_MAX_WIDTH);
    const small = moneyEdgeWidth(750_000, 22_100_000);
    expect(small).toBeCloseTo(MONEY_MIN_WIDTH + (MONEY_MAX_WIDTH - MONEY_MIN_WIDTH) * Math.sqrt(750_000 / 22_100_000));
    expect(small).toBeGreaterThan(MONEY_MIN_WIDTH);
    expect(small).toBeLessThan(MONEY_MAX_WIDTH / 2);
    expect(moneyEdgeWidth(1_000_000, 2_000_000)).toBeLessThan(moneyEdgeWidth(1_500_000, 2_000_000));
  });

  it('gives unknown amounts the floor: undisclosed is not the same as small, the label says which', () => {
    expect(moneyEdgeWidth(undefined, 22_100_000)).toBe(MONEY_MIN_WIDTH);
    expect(moneyEdgeWidth(0, 22_100_000)).toBe(MONEY_MIN_WIDTH);
    expect(moneyEdgeWidth(500, 0)).toBe(MONEY_MIN_WIDTH);
  });

  it('is what the canvas draws, scaled to the largest contract on it', () => {
    expect(largestAmount(evidence.nodes)).toBe(22_100_000);
    const view = explorerReducer(INITIAL_STATE, { type: 'merged', patch: evidence }).view;
    const width = new Map(toElements(view).flatMap((e) => (e.group === 'edges' ? [[e.data.id, e.data.width]] : [])));
    expect(width.get(edges[2]?.id ?? '')).toBe(MONEY_MAX_WIDTH);
    expect(width.get(edges[0]?.id ?? '')).toBeCloseTo(moneyEdgeWidth(750_000, 22_100_000));
    expect(width.get(edges[4]?.id ?? '')).toBe(MONEY_MIN_WIDTH);
  });
});

describe('payments in the money table', () => {
  it('light up the payer, the payment and the payee, and the chain up to a rolled-up parent', () => {
    const paid = {
      id: 'rel:donation',
      type: 'PAID',
      source: denver.id,
      target: appriss.id,
      amount: 5000,
      currency: 'EUR',
      paymentKind: 'donation',
      status: 'reported',
      citations: cite('line 9'),
    } as GraphEdge;
    const pool: Graph = { nodes: evidence.nodes, edges: [...evidence.edges, paid, subsidiary] };
    const rolled = row({ contractIds: [denverDeal.id], paymentIds: [paid.id], count: 2 });
    const flow = flowElements(rolled, pool);
    expect(flow.edgeIds).toEqual(expect.arrayContaining([paid.id, subsidiary.id]));
    expect(flow.nodeIds).toEqual(expect.arrayContaining([denver.id, appriss.id, lexis.id, denverDeal.id]));
    expect(missingChains([rolled], { nodes: pool.nodes, edges: [...evidence.edges, paid] })).toContainEqual({
      vendor: appriss.id,
      parent: lexis.id,
    });
    // A payment's own amount weighs its line, against the largest amount on the canvas, and labels it there.
    expect(largestAmount(pool.nodes, pool.edges)).toBe(22_100_000);
    expect(edgeLabel(paid, new Map(), { amount: false })).toBe('PAID · €5,000');
  });

  it('sums every currency apart, the largest first as the server sends them', () => {
    expect(
      moneyTotals([
        { currency: 'EUR', amount: 40_589_689.15 },
        { currency: 'USD', amount: 750_000 },
      ]),
    ).toBe('€40,589,689 + $750,000');
  });
});

describe('the graph behind a money-flow row', () => {
  it('is payer, contracts and payee with their money edges, in reading order', () => {
    expect(flowElements(denverRow, evidence)).toEqual({
      nodeIds: [denver.id, denverDeal.id, lexis.id],
      edgeIds: [edges[0]?.id, edges[1]?.id],
    });
  });

  it('asks for the ownership chain a rolled-up row needs, once, and then follows it', () => {
    expect(missingChains([denverRow], evidence)).toEqual([]);
    expect(missingChains([rolledUp, rolledUp], evidence)).toEqual([{ vendor: appriss.id, parent: lexis.id }]);
    const pool = combineGraphs([evidence, { nodes: [appriss, lexis], edges: [subsidiary] }]);
    expect(missingChains([rolledUp], pool)).toEqual([]);
    const flow = flowElements(rolledUp, pool);
    expect(flow.nodeIds).toEqual([ice.id, iceDeal.id, apprissDeal.id, lexis.id, appriss.id]);
    expect(flow.edgeIds).toContain(subsidiary.id);
    expect(flow.edgeIds).toHaveLength(5);
  });

  it('finds ownership chains upward only, shortest first', () => {
    const parent = link('SUBSIDIARY_OF', lexis.id, 'org:relx');
    expect(ownershipChain(appriss.id, 'org:relx', [parent, subsidiary])?.map((e) => e.id)).toEqual([subsidiary.id, parent.id]);
    expect(ownershipChain(appriss.id, appriss.id, [])).toEqual([]);
    expect(ownershipChain(lexis.id, appriss.id, [subsidiary])).toBeUndefined();
  });

  it('puts every row on the canvas, each element once, laid out left to right and framed', () => {
    const patch = moneyPatch([denverRow, row({ ...denverRow })], evidence);
    expect(patch.nodes.map((n) => n.id).sort()).toEqual([denver.id, denverDeal.id, lexis.id].sort());
    const state = explorerReducer(INITIAL_STATE, { type: 'showMoney', patch });
    expect(state.layout).toEqual({ seq: INITIAL_STATE.layout.seq + 1, mode: 'flow' });
    expect(state.spotlight).toBeUndefined();
    expect([...state.frame.ids].sort()).toEqual(patch.nodes.map((n) => n.id).sort());
  });

  it('lights up one row; a row already drawn keeps its place', () => {
    const all = explorerReducer(INITIAL_STATE, { type: 'showMoney', patch: moneyPatch([denverRow], evidence) });
    const spotlight = moneySpotlight(denverRow, evidence);
    const lit = explorerReducer(all, {
      type: 'showMoney',
      patch: moneyPatch([denverRow], evidence),
      spotlight,
      select: { kind: 'flow', row: denverRow, edgeIds: [...spotlight.edgeIds] },
    });
    expect(lit.layout).toBe(all.layout);
    expect(lit.spotlight).toMatchObject({ source: 'money', id: moneyRowKey(denverRow) });
    expect(lit.selection).toMatchObject({ kind: 'flow', row: denverRow });
    expect(lit.frame.ids).toEqual([denver.id, denverDeal.id, lexis.id]);
  });

  it('lists the sources of a flow, each quote once', () => {
    const pool = combineGraphs([evidence, { nodes: [], edges: [subsidiary] }]);
    const flow = flowElements(rolledUp, pool).edgeIds.map((id) => pool.edges.find((e) => e.id === id));
    const quotes = citationsOf(flow.filter((e): e is GraphEdge => e !== undefined));
    expect(quotes.map((c) => c.locator)).toEqual(['line 16', 'line 18']);
  });
});
