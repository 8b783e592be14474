/**
 * Money flows from the `money-flow` pattern's facts: one row per payer and payee with a total per
 * currency, and the overall totals, where a payment to two payees (or a contract awarded to two vendors)
 * is counted once, not once per row. Pure.
 */
import type { MoneyFlowRow, MoneyFlowsResponse, MoneyTotal } from '../../../schemas/index.js';

interface Flow {
  id: string;
  group: string;
  amount: number | null;
  currency: string | null;
}

export function moneyFlowsOf(facts: readonly Record<string, unknown>[], entity?: string): MoneyFlowsResponse {
  const flowsOf = (f: Record<string, unknown>) => (f.flowList as Flow[] | undefined) ?? [];
  // How many rows each payment or contract appears in: more than one means its amount is shared.
  const rowsPerGroup = new Map<string, number>();
  for (const f of facts)
    for (const group of new Set(flowsOf(f).map((flow) => flow.group)))
      rowsPerGroup.set(group, (rowsPerGroup.get(group) ?? 0) + 1);

  const rows: MoneyFlowRow[] = facts
    .map((f) => {
      const flows = flowsOf(f);
      const totals = ((f.totals as MoneyTotal[] | undefined) ?? []).map((t) => ({
        currency: t.currency ?? null,
        amount: rounded(t.amount),
      }));
      const known = totals.filter((t) => t.currency !== null);
      const unknownCount = Number(f.unknown ?? 0);
      return {
        payer: { id: String(f.payerId), name: String(f.payer) },
        payee: { id: String(f.payeeId), name: String(f.payee) },
        totals,
        ...(totals.length === 1 && known.length === 1
          ? { total: known[0]?.amount ?? 0, currency: known[0]?.currency ?? '' }
          : {}),
        count: Number(f.count ?? 0),
        unknownCount,
        undisclosed: unknownCount,
        sharedCount: flows.filter((flow) => (rowsPerGroup.get(flow.group) ?? 0) > 1).length,
        from: typeof f.from === 'string' ? f.from : null,
        to: typeof f.to === 'string' ? f.to : null,
        contractIds: (f.contractIds as string[] | undefined) ?? [],
        paymentIds: (f.paymentIds as string[] | undefined) ?? [],
      };
    })
    .filter((row) => !entity || row.payer.id === entity || row.payee.id === entity)
    .sort(
      (a, b) => largest(b) - largest(a) || a.payer.name.localeCompare(b.payer.name) || a.payee.name.localeCompare(b.payee.name),
    );

  // Overall: each payment or contract once, whatever the number of rows it appears in.
  const kept = new Set(rows.map((r) => `${r.payer.id}>${r.payee.id}`));
  const groups = new Map<string, Flow>();
  for (const f of facts) {
    if (!kept.has(`${String(f.payerId)}>${String(f.payeeId)}`)) continue;
    for (const flow of flowsOf(f)) groups.set(flow.group, flow);
  }
  const sums = new Map<string | null, number>();
  let unknownCount = 0;
  for (const flow of groups.values()) {
    if (flow.amount === null || flow.amount === undefined) unknownCount += 1;
    else sums.set(flow.currency ?? null, (sums.get(flow.currency ?? null) ?? 0) + flow.amount);
  }
  const totals = [...sums.entries()].map(([currency, amount]) => ({ currency, amount: rounded(amount) })).sort(largestFirst);
  return { rows, totals, unknownCount };
}

/** Sums of decimal amounts carry binary noise (0.1 + 0.2); no source gives amounts finer than this. */
function rounded(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

/** Totals in a stable order: the largest first, an amount without a currency last. */
function largestFirst(a: MoneyTotal, b: MoneyTotal): number {
  return (
    Number(a.currency === null) - Number(b.currency === null) ||
    b.amount - a.amount ||
    String(a.currency).localeCompare(String(b.currency))
  );
}

function largest(row: MoneyFlowRow): number {
  return Math.max(0, ...row.totals.map((t) => t.amount));
}
