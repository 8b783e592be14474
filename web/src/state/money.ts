/**
 * Putting money flows on the canvas. The table rows come from /api/money-flows; the nodes and edges
 * they stand for come from the money-flow pattern's evidence subgraph, plus, for rows rolled up to
 * a parent company, the ownership chain from the vendor to that parent (asked for as a path).
 */
import { useRef, useState } from 'react';
import type { Dispatch } from 'react';
import type { Graph, MoneyFlowRow } from '../../../schemas/index.js';
import { api } from '../api/client.js';
import { combineGraphs, flowElements, missingChains, moneyPatch, moneySpotlight } from '../model/index.js';
import type { ExplorerAction } from '../model/index.js';

/** Deep enough for any ownership the rollup itself follows (it looks at most 3 levels up). */
const CHAIN_HOPS = 3;

export function useMoneyCanvas(dispatch: Dispatch<ExplorerAction>, fail: (error: unknown) => void) {
  const [busy, setBusy] = useState(false);
  // The data is read-only for the session: one evidence request, however often the reader clicks.
  const evidenceRef = useRef<Promise<Graph> | undefined>(undefined);

  function evidence(): Promise<Graph> {
    if (!evidenceRef.current) {
      const pending = api.conflicts({ pattern: 'money-flow' });
      evidenceRef.current = pending;
      // A failure must not stick: the next click asks again.
      pending.catch(() => {
        evidenceRef.current = undefined;
      });
    }
    return evidenceRef.current;
  }

  async function poolFor(rows: readonly MoneyFlowRow[]): Promise<Graph> {
    const base = await evidence();
    const chains = await Promise.all(
      missingChains(rows, base).map(({ vendor, parent }) =>
        api.paths({ from: vendor, to: parent, types: ['SUBSIDIARY_OF'], maxHops: CHAIN_HOPS }),
      ),
    );
    return combineGraphs([base, ...chains]);
  }

  async function run(task: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  /** "Show on canvas": every row's payer, contracts and payee, laid out left to right. */
  const showAll = (rows: readonly MoneyFlowRow[]) =>
    run(async () => {
      const pool = await poolFor(rows);
      dispatch({ type: 'showMoney', patch: moneyPatch(rows, pool) });
    });

  /** A row: its flow on the canvas and lit up, its totals and sources in the side panel. */
  const showRow = (row: MoneyFlowRow) =>
    run(async () => {
      const pool = await poolFor([row]);
      dispatch({
        type: 'showMoney',
        patch: moneyPatch([row], pool),
        spotlight: moneySpotlight(row, pool),
        select: { kind: 'flow', row, edgeIds: flowElements(row, pool).edgeIds },
      });
    });

  return { showAll, showRow, busy };
}
