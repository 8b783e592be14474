/**
 * Putting money flows on the canvas. The table rows come from /api/money-flows, each page with the
 * evidence subgraph of its rows (the nodes and edges they stand for), plus, for rows rolled up to a
 * parent company, the ownership chain from the vendor to that parent (asked for as a path).
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

  /** The rows' evidence, with the ownership chains a rolled-up row needs and the evidence lacks. */
  async function poolFor(rows: readonly MoneyFlowRow[], evidence: Graph): Promise<Graph> {
    const chains = await Promise.all(
      missingChains(rows, evidence).map(({ vendor, parent }) =>
        cache.fetchQuery(queries.paths(vendor, parent, CHAIN_HOPS, ['SUBSIDIARY_OF'])),
      ),
    );
    return combineGraphs([evidence, ...chains]);
  }

  async function flowOf(row: MoneyFlowRow, rollup: boolean, evidence: Graph): Promise<FlowView> {
    const pool = await poolFor([row], evidence);
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
    /** "Show on canvas": every row shown, its payer, contracts and payee, laid out left to right. */
    showAll: (rows: readonly MoneyFlowRow[], evidence: Graph) =>
      run(async () => {
        const pool = await poolFor(rows, evidence);
        dispatch({ type: 'showMoney', patch: moneyPatch(rows, pool) });
      }),

    /** A row: its flow on the canvas and lit up, its totals and sources in the side panel. */
    showRow: (row: MoneyFlowRow, rollup: boolean, evidence: Graph) =>
      run(async () => {
        const flow = await flowOf(row, rollup, evidence);
        dispatch({ type: 'showMoney', patch: flow.patch, spotlight: flow.spotlight, select: flow.selection });
      }),

    /**
     * The flow from payer to payee as the table would show it now (a link lights it again), found among
     * the payer's own flows, whichever page of the table it is on; undefined when gone.
     */
    async findFlow(payer: string, payee: string, rollup: boolean): Promise<FlowView | undefined> {
      const own = await cache.fetchQuery(queries.moneyFlowsOf(payer, rollup));
      const row = own.rows.find((r) => r.payer.id === payer && r.payee.id === payee);
      return row ? flowOf(row, rollup, { nodes: own.nodes ?? [], edges: own.edges ?? [] }) : undefined;
    },
  };
}
