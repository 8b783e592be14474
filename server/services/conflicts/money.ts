/**
 * Money flows from the `money-flow` pattern's facts: one row per payer and payee with a total per
 * currency, and the overall totals, where a payment to two payees (or a contract awarded to two vendors)
 * is counted once, not once per row. Pure.
 */
import { moneyRowKey, type MoneyFlowRow, type MoneyFlowsResponse, type MoneyTotal } from '../../../schemas/index.js';
import { sortedSteps, STEPS_PER_PAUSE, untilDone, type Sliced } from '../sliced.js';

interface Flow {
  id: string;
  kind?: string;
  date?: string | null;
  group: string;
  amount: number | null;
  currency: string | null;
}

/** Every row of a money-flows answer, before it is cut into pages, and the overall totals. */
export interface MoneyTable extends Pick<MoneyFlowsResponse, 'rows' | 'totals' | 'unknownCount'> {
  /**
   * The keys ([payer, receiver]) of the `money-flow` rows behind each row, by `moneyRowKey`: one, or with
   * rollup one per subsidiary of the payee paid. A stored finding's id is its pattern's and key's.
   */
  sources: ReadonlyMap<string, readonly (readonly [string, string])[]>;
}

/**
 * One page of a table: its rows from `cursor` (the offset; the start without one), at most `limit` of
 * them (all without one), with the overall totals.
 */
export function moneyPage(
  table: MoneyTable,
  ask: { cursor?: string | undefined; limit?: number | undefined },
): Pick<MoneyFlowsResponse, 'rows' | 'total' | 'nextCursor' | 'totals' | 'unknownCount'> {
  const offset = ask.cursor ? Number(ask.cursor) : 0;
  const rows = table.rows.slice(offset, offset + (ask.limit ?? table.rows.length));
  const end = offset + rows.length;
  return {
    rows,
    total: table.rows.length,
    nextCursor: end < table.rows.length ? String(end) : null,
    totals: table.totals,
    unknownCount: table.unknownCount,
  };
}

/** The key of the row a `money-flow` fact makes (moneyRowKey). */
export const moneyFactKey = (f: Record<string, unknown>) =>
  moneyRowKey({ payer: { id: String(f.payerId), name: '' }, payee: { id: String(f.payeeId), name: '' } });

/** Names in the order `localeCompare` gives, without making a collator per comparison. */
const names = new Intl.Collator();

/** The payments and contracts behind one fact (one payer and payee). */
const flowsOf = (f: Record<string, unknown>) => (f.flowList as Flow[] | undefined) ?? [];

export function moneyFlowsOf(facts: readonly Record<string, unknown>[], entity?: string): MoneyTable {
  return untilDone(moneyTableSteps(facts, entity));
}

/** `moneyFlowsOf` as work that pauses every few hundred facts (sliced.ts): a whole graph's table takes seconds. */
export function* moneyTableSteps(facts: readonly Record<string, unknown>[], entity?: string): Sliced<MoneyTable> {
  // How many rows each payment or contract appears in: more than one means its amount is shared.
  const rowsPerGroup = new Map<string, number>();
  for (const [i, f] of facts.entries()) {
    for (const group of new Set(flowsOf(f).map((flow) => flow.group)))
      rowsPerGroup.set(group, (rowsPerGroup.get(group) ?? 0) + 1);
    if (i % STEPS_PER_PAUSE === 0) yield;
  }

  const all: MoneyFlowRow[] = [];
  for (const [i, f] of facts.entries()) {
    all.push(rowOf(f, rowsPerGroup));
    if (i % STEPS_PER_PAUSE === 0) yield;
  }
  // The largest first, worked out once per row (a comparison would do it ~20 times at 285k rows).
  const sized = all
    .filter((row) => !entity || row.payer.id === entity || row.payee.id === entity)
    .map((row) => ({ row, size: largest(row) }));
  yield;
  const sorted = yield* sortedSteps(
    sized,
    (a, b) =>
      b.size - a.size || names.compare(a.row.payer.name, b.row.payer.name) || names.compare(a.row.payee.name, b.row.payee.name),
  );
  const rows = sorted.map(({ row }) => row);

  // Overall: each payment or contract once, whatever the number of rows it appears in.
  const kept = entity ? new Set(rows.map(moneyRowKey)) : null;
  const groups = new Map<string, Flow>();
  for (const [i, f] of facts.entries()) {
    if (i % STEPS_PER_PAUSE === 0) yield;
    if (kept && !kept.has(moneyFactKey(f))) continue;
    for (const flow of flowsOf(f)) groups.set(flow.group, flow);
  }
  const sums = new Map<string | null, number>();
  let unknownCount = 0;
  let summed = 0;
  for (const flow of groups.values()) {
    if (++summed % STEPS_PER_PAUSE === 0) yield;
    if (flow.amount === null || flow.amount === undefined) unknownCount += 1;
    else sums.set(flow.currency ?? null, (sums.get(flow.currency ?? null) ?? 0) + flow.amount);
  }
  const totals = [...sums.entries()].map(([currency, amount]) => ({ currency, amount: rounded(amount) })).sort(largestFirst);
  const sources = new Map<string, [string, string][]>();
  for (const [i, f] of facts.entries()) {
    if (i % STEPS_PER_PAUSE === 0) yield;
    const key = moneyFactKey(f);
    const receivers = (f.receiverIds as string[] | undefined) ?? [String(f.payeeId)];
    const keys = sources.get(key) ?? [];
    for (const receiver of receivers) keys.push([String(f.payerId), receiver]);
    sources.set(key, keys);
  }
  return { rows, totals, unknownCount, sources };
}

/** The table's row of one fact (one payer and payee). */
function rowOf(f: Record<string, unknown>, rowsPerGroup: ReadonlyMap<string, number>): MoneyFlowRow {
  const flows = flowsOf(f);
  // In the same stable order as the overall totals (the query gathers currencies in no set order).
  const totals = ((f.totals as MoneyTotal[] | undefined) ?? [])
    .map((t) => ({ currency: t.currency ?? null, amount: rounded(t.amount) }))
    .sort(largestFirst);
  const known = totals.filter((t) => t.currency !== null);
  const unknownCount = Number(f.unknown ?? 0);
  return {
    payer: { id: String(f.payerId), name: String(f.payer) },
    payee: { id: String(f.payeeId), name: String(f.payee) },
    totals,
    ...(totals.length === 1 && known.length === 1 ? { total: known[0]?.amount ?? 0, currency: known[0]?.currency ?? '' } : {}),
    count: Number(f.count ?? 0),
    unknownCount,
    undisclosed: unknownCount,
    sharedCount: flows.filter((flow) => (rowsPerGroup.get(flow.group) ?? 0) > 1).length,
    from: typeof f.from === 'string' ? f.from : null,
    to: typeof f.to === 'string' ? f.to : null,
    contractIds: (f.contractIds as string[] | undefined) ?? [],
    paymentIds: (f.paymentIds as string[] | undefined) ?? [],
  };
}

/** The top of a payee's group of companies (money-flow-rollup.cypher): where its flows count when rolled up. */
export interface RollupTop {
  id: string;
  name: string;
}

/**
 * The `money-flow` facts of payer → receiver pairs (computed without `$rollup`) regrouped per payer and
 * the receiver's top parent company, as the pattern computes them with `$rollup`: the flows of a payer's
 * rows that roll up to the same payee are one row, its totals, count, unknown count and span recomputed
 * from the flows themselves. Pure.
 */
export function rolledUpFacts(
  facts: readonly Record<string, unknown>[],
  tops: ReadonlyMap<string, RollupTop>,
): Record<string, unknown>[] {
  return untilDone(rolledUpSteps(facts, tops));
}

/** `rolledUpFacts` as work that pauses every few hundred facts (sliced.ts). */
export function* rolledUpSteps(
  facts: readonly Record<string, unknown>[],
  tops: ReadonlyMap<string, RollupTop>,
): Sliced<Record<string, unknown>[]> {
  const grouped = new Map<string, { payerId: string; payer: string; payee: RollupTop; receiverIds: string[]; flows: Flow[] }>();
  for (const [i, f] of facts.entries()) {
    if (i % STEPS_PER_PAUSE === 0) yield;
    const payeeId = String(f.payeeId);
    const payee = tops.get(payeeId) ?? { id: payeeId, name: String(f.payee) };
    const key = `${String(f.payerId)}\n${payee.id}`;
    const group = grouped.get(key) ?? { payerId: String(f.payerId), payer: String(f.payer), payee, receiverIds: [], flows: [] };
    group.receiverIds.push(payeeId);
    group.flows.push(...flowsOf(f));
    grouped.set(key, group);
  }
  const rolled: Record<string, unknown>[] = [];
  for (const { payerId, payer, payee, receiverIds, flows } of grouped.values()) {
    if (rolled.length % STEPS_PER_PAUSE === 0) yield;
    const sums = new Map<string, number>();
    for (const flow of flows)
      if (flow.amount !== null && flow.amount !== undefined)
        sums.set(flow.currency ?? '', (sums.get(flow.currency ?? '') ?? 0) + flow.amount);
    const dates = flows.map((flow) => flow.date).filter((d): d is string => typeof d === 'string');
    const unknown = flows.filter((flow) => flow.amount === null || flow.amount === undefined).length;
    rolled.push({
      payerId,
      payer,
      payeeId: payee.id,
      payee: payee.name,
      totals: [...sums.entries()].map(([currency, amount]) => ({ currency: currency === '' ? null : currency, amount })),
      count: flows.length,
      unknown: unknown === 0 ? null : unknown,
      from: dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : null,
      to: dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null,
      contractIds: flows.filter((flow) => flow.kind === 'contract').map((flow) => flow.id),
      paymentIds: flows.filter((flow) => flow.kind === 'payment').map((flow) => flow.id),
      flowList: flows,
      // The receivers rolled up into this payee: the stored rows this one is made of.
      receiverIds,
    });
  }
  return rolled;
}

/** Sums of decimal amounts carry binary noise (0.1 + 0.2); no source gives amounts finer than this. */
function rounded(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** Totals in a stable order: the largest first, an amount without a currency last. */
export function largestFirst(a: MoneyTotal, b: MoneyTotal): number {
  return (
    Number(a.currency === null) - Number(b.currency === null) ||
    b.amount - a.amount ||
    String(a.currency).localeCompare(String(b.currency))
  );
}

function largest(row: MoneyFlowRow): number {
  return Math.max(0, ...row.totals.map((t) => t.amount));
}
