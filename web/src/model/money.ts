/**
 * Who pays whom: the money table's wording and the part of the graph each row stands for. A row is a
 * payer and a payee with the payments and contracts between them; on the canvas that is payer -> paid
 * -> payee and payer -> contract -> vendor, and when rolled up to a parent company, the receiver ->
 * subsidiary of -> ... -> payee.
 */
import {
  moneyRowKey,
  type Graph,
  type GraphEdge,
  type MoneyFlowRow,
  type MoneyFlowsResponse,
  type MoneyTotal,
} from '../../../schemas/index.js';
import type { GraphPatch, Spotlight } from './types.js';
import { formatAmount } from '../../../shared/presentation/labels.js';
import { ENGLISH } from '../../../shared/presentation/wording.js';
import type { Wording } from '../../../shared/presentation/wording.js';

export interface MoneyRowText {
  /**
   * One total per currency, "€40,000 + $5,000" (never added together); "undisclosed" when no flow
   * gives an amount; never a misleading "$0".
   */
  readonly total: string;
  /** "2 payments · 1 contract". */
  readonly contracts: string;
  /** "1 undisclosed" when some counted flows have no amount in the sources. */
  readonly undisclosed: string | undefined;
  /** "1 shared with other payees" when an amount is that of one payment to several. */
  readonly shared: string | undefined;
  readonly period: string;
}

export function moneyRowText(row: MoneyFlowRow, words: Wording = ENGLISH): MoneyRowText {
  const payments = row.paymentIds.length;
  const contracts = row.count - payments;
  return {
    total: row.totals.length === 0 ? words.undisclosed : moneyTotals(row.totals, words),
    contracts: [payments > 0 ? words.payments(payments) : '', contracts > 0 || payments === 0 ? words.contracts(contracts) : '']
      .filter(Boolean)
      .join(' · '),
    undisclosed: row.unknownCount > 0 && row.totals.length > 0 ? words.undisclosedCount(row.unknownCount) : undefined,
    shared: row.sharedCount > 0 ? words.sharedCount(row.sharedCount) : undefined,
    period: moneyPeriod(row.from, row.to, words),
  };
}

/** Totals per currency, largest first, joined with "+"; an amount without a currency says so. */
export function moneyTotals(totals: readonly MoneyTotal[], words: Wording = ENGLISH): string {
  return totals
    .map(
      (t) =>
        formatAmount(t.amount, t.currency ?? undefined, words.locale) + (t.currency === null ? ` (${words.noCurrency})` : ''),
    )
    .join(' + ');
}

/** "2020", "2017 – 2020", "since 2017", "until 2020", or "undated". */
export function moneyPeriod(from: string | null, to: string | null, words: Wording = ENGLISH): string {
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return words.since(from);
  if (to) return words.until(to);
  return words.undated;
}

/** Identifies a row (and the spotlight of its flow) across reloads of the table. */
export { moneyRowKey };

export interface FlowElements {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/**
 * The elements one row stands for, found in `pool` (the money-flow evidence plus any ownership
 * chains): payer, its payments (PAID edges) and BUYER_OF edges to the row's contracts, the contracts,
 * their AWARDED_TO edges, the receivers, and the SUBSIDIARY_OF chain from each receiver up to the
 * payee. Nodes are listed in reading order (payer, contracts, receivers, parents) so a fresh layout
 * seeds them left to right.
 */
export function flowElements(row: MoneyFlowRow, pool: Graph): FlowElements {
  const contracts = new Set(row.contractIds);
  const payments = new Set(row.paymentIds);
  const paid = pool.edges.filter((e) => e.type === 'PAID' && payments.has(e.id));
  const bought = pool.edges.filter((e) => e.type === 'BUYER_OF' && e.source === row.payer.id && contracts.has(e.target));
  const awarded = pool.edges.filter((e) => e.type === 'AWARDED_TO' && contracts.has(e.source));
  const receivers = [...new Set([...paid, ...awarded].map((e) => e.target))];
  const chains = receivers.map((receiver) => ownershipChain(receiver, row.payee.id, pool.edges) ?? []);
  const nodeIds = [row.payer.id, ...row.contractIds, ...receivers, ...chains.flat().map((e) => e.target), row.payee.id];
  const edgeIds = [...paid, ...bought, ...awarded, ...chains.flat()].map((e) => e.id);
  return { nodeIds: [...new Set(nodeIds)], edgeIds: [...new Set(edgeIds)] };
}

/**
 * The SUBSIDIARY_OF edges leading from a company up to one of its parents, shortest first; [] when
 * they are the same company, undefined when the pool holds no such chain (yet).
 */
export function ownershipChain(from: string, to: string, edges: readonly GraphEdge[]): GraphEdge[] | undefined {
  const up = edges.filter((e) => e.type === 'SUBSIDIARY_OF');
  const via = new Map<string, GraphEdge[]>([[from, []]]);
  const queue = [from];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const chain = via.get(id) ?? [];
    if (id === to) return chain;
    for (const edge of up) {
      if (edge.source !== id || via.has(edge.target)) continue;
      via.set(edge.target, [...chain, edge]);
      queue.push(edge.target);
    }
  }
  return undefined;
}

/**
 * Vendor -> parent pairs whose ownership chain the pool lacks. The money-flow evidence links each
 * contract to the vendor it was awarded to; a rolled-up row names the vendor's parent instead, and the
 * link between the two has to be asked for separately.
 */
export function missingChains(rows: readonly MoneyFlowRow[], pool: Graph): { vendor: string; parent: string }[] {
  const wanted = new Map<string, { vendor: string; parent: string }>();
  for (const row of rows) {
    const contracts = new Set(row.contractIds);
    const payments = new Set(row.paymentIds);
    for (const edge of pool.edges) {
      const reaches =
        (edge.type === 'AWARDED_TO' && contracts.has(edge.source)) || (edge.type === 'PAID' && payments.has(edge.id));
      if (!reaches || edge.target === row.payee.id) continue;
      if (ownershipChain(edge.target, row.payee.id, pool.edges) === undefined)
        wanted.set(`${edge.target}>${row.payee.id}`, { vendor: edge.target, parent: row.payee.id });
    }
  }
  return [...wanted.values()];
}

/** Several answers as one graph, each node and edge once. */
export function combineGraphs(graphs: readonly Graph[]): Graph {
  const nodes = new Map(graphs.flatMap((g) => g.nodes).map((n) => [n.id, n]));
  const edges = new Map(graphs.flatMap((g) => g.edges).map((e) => [e.id, e]));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The pages of the Money tab's table loaded so far as one: their rows in order, and their evidence as one graph. */
export interface MoneyTableView {
  readonly rows: readonly MoneyFlowRow[];
  readonly evidence: Graph;
  /** The newest page's: rows in all pages, the overall totals, and the state of the findings. */
  readonly answer: MoneyFlowsResponse;
}

export function joinMoneyPages(pages: readonly MoneyFlowsResponse[]): MoneyTableView | undefined {
  const newest = pages.at(-1);
  if (!newest) return undefined;
  // A row already shown keeps its place if the table changed between pages.
  const rows = new Map<string, MoneyFlowRow>();
  for (const page of pages) for (const row of page.rows) if (!rows.has(moneyRowKey(row))) rows.set(moneyRowKey(row), row);
  return {
    rows: [...rows.values()],
    evidence: combineGraphs(pages.map((p) => ({ nodes: p.nodes ?? [], edges: p.edges ?? [] }))),
    answer: newest,
  };
}

/** What "Show on canvas" adds: every row's flow, each element once. */
export function moneyPatch(rows: readonly MoneyFlowRow[], pool: Graph): GraphPatch {
  const nodeIds = new Set<string>();
  const edgeIds = new Set<string>();
  for (const row of rows) {
    const flow = flowElements(row, pool);
    flow.nodeIds.forEach((id) => nodeIds.add(id));
    flow.edgeIds.forEach((id) => edgeIds.add(id));
  }
  return {
    nodes: pool.nodes.filter((n) => nodeIds.has(n.id)),
    edges: pool.edges.filter((e) => edgeIds.has(e.id)),
  };
}

export function moneySpotlight(row: MoneyFlowRow, pool: Graph): Spotlight {
  const flow = flowElements(row, pool);
  return { source: 'money', id: moneyRowKey(row), nodeIds: new Set(flow.nodeIds), edgeIds: new Set(flow.edgeIds) };
}
