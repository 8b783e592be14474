/**
 * Putting money flows on the canvas. The table rows come from /api/money-flows; the nodes and edges
 * they stand for come from the money-flow pattern's evidence subgraph, plus, for rows rolled up to
 * a parent company, the ownership chain from the vendor to that parent (asked for as a path).
 */
import type { Graph, MoneyFlowRow } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { queries } from '../../api/queries.js';
import { combineGraphs, flowElements, missingChains, moneyPatch, moneySpotlight } from '../../model/index.js';
import type { GraphPatch, Selection, Spotlight } from '../../model/index.js';
import type { EffectDeps } from './index.js';

/** Deep enough for any ownership the rollup itself follows (it looks at most 3 levels up). */
const CHAIN_HOPS = 3;

/** One row's flow: what to draw, what lights up, what the side panel reads. */
export interface FlowView {
  readonly patch: GraphPatch;
  readonly spotlight: Spotlight;
  readonly selection: Selection;
}

export function moneyEffects({ store, queries: cache }: EffectDeps) {
  const { dispatch } = store;

  async function poolFor(rows: readonly MoneyFlowRow[]): Promise<Graph> {
    const base = await cache.fetchQuery(queries.moneyEvidence());
    const chains = await Promise.all(
      missingChains(rows, base).map(({ vendor, parent }) =>
        cache.fetchQuery(queries.paths(vendor, parent, CHAIN_HOPS, ['SUBSIDIARY_OF'])),
      ),
    );
    return combineGraphs([base, ...chains]);
  }

  async function flowOf(row: MoneyFlowRow, rollup: boolean): Promise<FlowView> {
    const pool = await poolFor([row]);
    return {
      patch: moneyPatch([row], pool),
      spotlight: { ...moneySpotlight(row, pool), rollup },
      selection: { kind: 'flow', row, edgeIds: flowElements(row, pool).edgeIds },
    };
  }

  async function run(task: () => Promise<void>): Promise<void> {
    dispatch({ type: 'ui/moneyBusy', busy: true });
    try {
      await task();
    } catch (error) {
      dispatch({ type: 'ui/error', message: errorMessage(error) });
    } finally {
      dispatch({ type: 'ui/moneyBusy', busy: false });
    }
  }

  return {
    /** "Show on canvas": every row's payer, contracts and payee, laid out left to right. */
    showAll: (rows: readonly MoneyFlowRow[]) =>
      run(async () => {
        const pool = await poolFor(rows);
        dispatch({ type: 'showMoney', patch: moneyPatch(rows, pool) });
      }),

    /** A row: its flow on the canvas and lit up, its totals and sources in the side panel. */
    showRow: (row: MoneyFlowRow, rollup: boolean) =>
      run(async () => {
        const flow = await flowOf(row, rollup);
        dispatch({ type: 'showMoney', patch: flow.patch, spotlight: flow.spotlight, select: flow.selection });
      }),

    /** The flow from payer to payee as the table shows it now (a link lights it again); undefined when gone. */
    async findFlow(payer: string, payee: string, rollup: boolean): Promise<FlowView | undefined> {
      const { rows } = await cache.fetchQuery(queries.moneyFlows(rollup));
      const row = rows.find((r) => r.payer.id === payer && r.payee.id === payee);
      return row ? flowOf(row, rollup) : undefined;
    },
  };
}
