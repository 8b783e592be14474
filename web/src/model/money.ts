/**
 * Who pays whom: the money table's wording and the part of the graph each row stands for. A row is a
 * payer and a payee with the contracts between them; on the canvas that is payer -> contract -> vendor,
 * and when contracts are rolled up to a parent company, vendor -> subsidiary of -> ... -> payee.
 */
import type { Graph, GraphEdge, MoneyFlowRow } from '../../../schemas/index.js';
import type { GraphPatch, Spotlight } from './types.js';
import { formatAmount } from './labels.js';
import { ENGLISH } from './wording.js';
import type { Wording } from './wording.js';

export interface MoneyRowText {
  /** "$750,000"; "undisclosed" when no contract gives an amount; never a misleading "$0". */
  readonly total: string;
  readonly contracts: string;
  /** "1 undisclosed" when some counted contracts have no amount in the sources. */
  readonly undisclosed: string | undefined;
  readonly period: string;
}

export function moneyRowText(row: MoneyFlowRow, words: Wording = ENGLISH): MoneyRowText {
  return {
    total: moneyTotal(row, words),
    contracts: words.contracts(row.count),
    undisclosed: row.undisclosed > 0 && row.undisclosed < row.count ? words.undisclosedCount(row.undisclosed) : undefined,
    period: moneyPeriod(row.from, row.to, words),
  };
}

function moneyTotal(row: MoneyFlowRow, words: Wording): string {
  if (row.undisclosed >= row.count) return words.undisclosed;
  // The server never adds amounts in different currencies; it then reports no currency and no total.
  if (row.currency === null) return words.mixedCurrencies;
  return formatAmount(row.total, row.currency, words.locale);
}

/** "2020", "2017 – 2020", "since 2017", "until 2020", or "undated". */
export function moneyPeriod(from: string | null, to: string | null, words: Wording = ENGLISH): string {
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return words.since(from);
  if (to) return words.until(to);
  return words.undated;
}

/** Identifies a row (and the spotlight of its flow) across reloads of the table. */
export function moneyRowKey(row: Pick<MoneyFlowRow, 'payer' | 'payee'>): string {
  return `${row.payer.id}>${row.payee.id}`;
}

export interface FlowElements {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
}

/**
 * The elements one row stands for, found in `pool` (the money-flow evidence plus any ownership
 * chains): payer, its BUYER_OF edges to the row's contracts, the contracts, their AWARDED_TO edges,
 * the vendors, and the SUBSIDIARY_OF chain from each vendor up to the payee. Nodes are listed in
 * reading order (payer, contracts, vendors, parents) so a fresh layout seeds them left to right.
 */
export function flowElements(row: MoneyFlowRow, pool: Graph): FlowElements {
  const contracts = new Set(row.contractIds);
  const bought = pool.edges.filter((e) => e.type === 'BUYER_OF' && e.source === row.payer.id && contracts.has(e.target));
  const awarded = pool.edges.filter((e) => e.type === 'AWARDED_TO' && contracts.has(e.source));
  const vendors = [...new Set(awarded.map((e) => e.target))];
  const chains = vendors.map((vendor) => ownershipChain(vendor, row.payee.id, pool.edges) ?? []);
  const nodeIds = [row.payer.id, ...row.contractIds, ...vendors, ...chains.flat().map((e) => e.target), row.payee.id];
  const edgeIds = [...bought, ...awarded, ...chains.flat()].map((e) => e.id);
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
    for (const edge of pool.edges) {
      if (edge.type !== 'AWARDED_TO' || !contracts.has(edge.source) || edge.target === row.payee.id) continue;
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
