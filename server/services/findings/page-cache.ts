/**
 * Pages of stored findings built once and kept in this process's memory while the findings are current,
 * the per-pattern counts of the findings on a date, and the Money tab's table.
 *
 * Every reader who opens the Conflicts panel asks for the same first page, and building one (parsing a
 * hundred records, writing their explanations, gathering their evidence) costs far more than reading it.
 * A page of the served generation only changes when the findings do, which is either another generation
 * being served or an edit being taken in; both change the key (the generation, and the graph version the
 * findings state says it reflects), which each ask reads from Neo4j: a read that started after the ask
 * arrived, shared by the asks that arrive together (shared-read.ts). So a page is never served for a
 * state of the findings older than the ask, and any number of processes stay correct without telling
 * one another (docs/scaling.md).
 *
 * Only pages asked for while the findings are `current` are kept: while an update runs, the findings
 * change under a state that does not (yet) say so.
 */
import { LRUCache } from 'lru-cache';
import type { ConflictsResponse, FindingsStatus } from '../../../schemas/index.js';
import type { MoneyTable } from '../conflicts/money.js';

/** A page without its status, which is worked out again on every ask (it depends on the time). */
export type BuiltPage = Omit<ConflictsResponse, keyof FindingsStatus>;

/** Everything a page depends on besides the stored findings. */
export interface PageAsk {
  pattern?: string | undefined;
  entity?: string | undefined;
  asOf?: string | undefined;
  offset: number;
  limit: number;
  lang?: string | undefined;
}

/**
 * The Money tab's table made from the stored findings: which generation it was read from, what its reader
 * is told of them, and whether it is of the one state its key names (then it may be kept).
 */
export interface MadeMoneyTable {
  table: MoneyTable;
  rollup: boolean;
  generation: number;
  status: FindingsStatus;
  keep: boolean;
}

/** Findings, nodes and edges kept in all (about 1 KB each): a few tens of MB at most. */
const MAX_ELEMENTS = 40_000;
/** A page larger than this (an ask for every finding at once) is built each time rather than kept. */
const MAX_PAGE_ELEMENTS = 5_000;

const elementsOf = (page: BuiltPage) => page.findings.length + page.nodes.length + page.edges.length;

export class FindingsPageCache {
  private readonly pages = new LRUCache<string, BuiltPage>({
    maxSize: MAX_ELEMENTS,
    sizeCalculation: (page) => Math.max(1, elementsOf(page)),
  });
  /** Counts per pattern on a date, by `countsKeyOf`: a few patterns each, so a count of them is enough. */
  private readonly counts = new LRUCache<string, Record<string, number>>({ max: 200 });
  /**
   * The Money tab's whole table, by `moneyKeyOf`: every payer–payee row (285k at 1M relationships, a few
   * hundred MB), so only the newest one made with rollup and the newest without are kept. Until the next
   * one is made, the newest is what a reader is shown, marked as updating (FindingsService.moneyFlows).
   */
  private readonly moneyTables = new Map<string, { table: MadeMoneyTable; started: number }>();
  /** Makings started so far: a making started earlier never replaces the table of one started later. */
  private moneyMakings = 0;
  /** Tables being made, by key: readers who open the tab together wait for one making, not one each. */
  private readonly moneyMaking = new Map<string, Promise<MadeMoneyTable>>();

  /** The key of a page of the findings as the state read now describes them. */
  static keyOf(generation: number, reflected: string | null | undefined, ask: PageAsk): string {
    return JSON.stringify([
      generation,
      reflected ?? null,
      ask.pattern ?? null,
      ask.entity ?? null,
      ask.asOf ?? null,
      ask.offset,
      ask.limit,
      ask.lang ?? null,
    ]);
  }

  /**
   * The key of the per-pattern counts of all findings on a date: counting them tests every finding's
   * dates (seconds at 1M relationships), and every page and pattern tab of that date shows the same counts.
   */
  static countsKeyOf(generation: number, reflected: string | null | undefined, asOf: string): string {
    return JSON.stringify(['counts', generation, reflected ?? null, asOf]);
  }

  /** The key of the Money tab's table of the findings as the state read now describes them. */
  static moneyKeyOf(generation: number, reflected: string | null | undefined, rollup: boolean): string {
    return JSON.stringify(['money', generation, reflected ?? null, rollup]);
  }

  /**
   * The key of a table made while the findings are `updating`: never the key of a current state, since
   * an update may be writing findings under a state that does not say so yet. Such a table is only ever
   * shown as `updating` (as the newest), so readers polling during a recomputation share one making.
   */
  static updatingMoneyKeyOf(generation: number, reflected: string | null | undefined, rollup: boolean): string {
    return JSON.stringify(['money-updating', generation, reflected ?? null, rollup]);
  }

  get(key: string): BuiltPage | undefined {
    return this.pages.get(key);
  }

  keep(key: string, page: BuiltPage): void {
    if (elementsOf(page) <= MAX_PAGE_ELEMENTS) this.pages.set(key, page);
  }

  countsOn(key: string): Record<string, number> | undefined {
    return this.counts.get(key);
  }

  keepCounts(key: string, counts: Record<string, number>): void {
    this.counts.set(key, counts);
  }

  /** The table kept under `key`, if that one is kept. */
  keptMoneyTable(key: string): MadeMoneyTable | undefined {
    return this.moneyTables.get(key)?.table;
  }

  /** The newest table kept, rolled up or not, whatever state of the findings it was made for. */
  newestMoneyTable(rollup: boolean): MadeMoneyTable | undefined {
    return [...this.moneyTables.values()].find((kept) => kept.table.rollup === rollup)?.table;
  }

  private keepMoneyTable(key: string, table: MadeMoneyTable, started: number): void {
    const same = [...this.moneyTables].filter(([, kept]) => kept.table.rollup === table.rollup);
    if (same.some(([, kept]) => kept.started > started)) return;
    for (const [other] of same) this.moneyTables.delete(other);
    this.moneyTables.set(key, { table, started });
  }

  /**
   * The table under `key`: kept, being made for another reader, or made now by `make`, which says
   * whether it may be kept (whether the findings it read were still in the state `key` names). One
   * making per key at a time; a failed one is not kept, so the next ask tries again.
   */
  async moneyTableFor(key: string, make: () => Promise<MadeMoneyTable>): Promise<MadeMoneyTable> {
    const kept = this.moneyTables.get(key);
    if (kept) return kept.table;
    const making = this.moneyMaking.get(key);
    if (making) return making;
    const started = ++this.moneyMakings;
    const made = make().then((table) => {
      if (table.keep) this.keepMoneyTable(key, table, started);
      return table;
    });
    this.moneyMaking.set(key, made);
    try {
      return await made;
    } finally {
      this.moneyMaking.delete(key);
    }
  }
}
