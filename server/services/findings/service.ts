/**
 * `GET /api/conflicts` from the stored findings (docs/adr/0021): a page read along an index, the findings
 * rebuilt from their records (with `asOf`, from the rows that held then), and the state: which graph
 * version they reflect and whether an update is running. No pattern runs here; asking starts the
 * maintainer, which brings the findings up to date in the background.
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  moneyRowKey,
  type ConflictsResponse,
  type FailedPattern,
  type FindingsStatus,
  type Language,
  type MoneyFlowRow,
  type MoneyFlowsResponse,
} from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { readTransaction, writeTransaction } from '../../db/transactions.js';
import { withKeptPart } from '../../json-bytes.js';
import { findingId, findingOf, type FindingRecord } from '../conflicts/findings.js';
import { moneyFlowsOf, moneyPage, type MoneyTable } from '../conflicts/money.js';
import type { ConflictService } from '../conflicts/service.js';
import { graphVersion } from '../graph-version.js';
import { SharedRead } from '../shared-read.js';
import { inSlices, untilDone, type Sliced } from '../sliced.js';
import { FindingsMaintainer, type Log, type Seen } from './maintainer.js';
import { readMoneyFacts, storedTableSteps } from './money-facts.js';
import { FindingsPageCache, type BuiltPage, type MadeMoneyTable, type PageAsk } from './page-cache.js';
import { readEntityPage, totalOf, type FindingsPage } from './entity-page.js';
import { patternFailure } from './failures.js';
import {
  MONEY_FLOW,
  asOfBounds,
  generationPrefix,
  heldWithin,
  readPatternCounts,
  readState,
  recordTexts,
  requestFullRecomputation,
  storedFinding,
  storedRecords,
  type FindingsState,
  type FullProgress,
  type StoredFinding,
} from './store.js';

export interface ConflictsQueryInput {
  pattern?: string | undefined;
  entity?: string | undefined;
  asOf?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  /** The language titles and explanations are written in (default English). */
  lang?: Language | undefined;
}

export interface MoneyFlowsAsk {
  rollup: boolean;
  limit?: number | undefined;
  cursor?: string | undefined;
  /** With the evidence subgraph of the page's rows. */
  evidence?: boolean | undefined;
}

/** Findings on a page when no `limit` is given: all, as before, up to a bound a page can hold. */
const ALL = 100_000;

export class FindingsService {
  private readonly pages = new FindingsPageCache();
  /** The findings state as every reader asking now is told it: one read for all who ask together. */
  private readonly states = new SharedRead(() => readTransaction(this.driver, this.database, (tx) => this.readStatus(tx)));

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly conflicts: ConflictService,
    readonly maintainer: FindingsMaintainer,
    private readonly log: Log = () => undefined,
    /** The cap of a request's queries (INTERLOCK_QUERY_TIMEOUT_MS): one entity's findings computed now run under it. */
    private readonly requestCapMs?: number,
  ) {}

  /** Whether the stored findings are current, which graph version they reflect, and a running recomputation's progress. */
  async status(): Promise<FindingsStatus> {
    const now = await this.states.now();
    this.maintainer.request(now);
    return now.status;
  }

  /**
   * Asks for every pattern to run over the whole graph again, as after an import: for changes made outside
   * Interlock that only changed properties, which nothing else shows. Answers the status as it is then
   * (`updating`, until the recomputation is served).
   */
  async recompute(): Promise<FindingsStatus> {
    const now = await writeTransaction(this.driver, this.database, async (tx) => {
      await requestFullRecomputation(tx, new Date().toISOString());
      return this.readStatus(tx);
    });
    this.maintainer.request(now);
    return now.status;
  }

  /** The findings state and what it says to a reader now: current or updating, and the graph version reflected. */
  private async readStatus(tx: ManagedTransaction): Promise<Seen & { status: FindingsStatus }> {
    const state = await readState(tx);
    const version = await graphVersion(tx);
    return { state, version, status: statusOf(state, version, this.conflicts.queriesFingerprint) };
  }

  async answer(query: ConflictsQueryInput): Promise<ConflictsResponse> {
    // An unknown pattern is a 404 before anything is read.
    if (query.pattern) this.conflicts.pattern(query.pattern);
    const ask = { ...query, offset: query.cursor ? Number(query.cursor) : 0, limit: query.limit ?? ALL };
    // A page built for the findings as they are now (page-cache.ts) is served without reading them again.
    const now = await this.states.now();
    this.maintainer.request(now);
    const keptNow = this.keptPage(now, ask)?.page;
    if (keptNow) return withKeptPart(now.status, keptNow);
    const bounds = asOfBounds(query.asOf);
    const nothingRead = { records: [] as string[], total: 0, patternCounts: {} };
    const read = await readTransaction(this.driver, this.database, async (tx) => {
      const { state, status, version } = await this.readStatus(tx);
      if (!state?.generation) return { status, version, none: true, key: null, kept: undefined, ...nothingRead };
      const { key, page: kept } = this.keptPage({ state, status }, ask) ?? { key: null, page: undefined };
      if (kept) return { status, version, none: false, key, kept, ...nothingRead };
      const countsKey =
        status.status === 'current' && query.asOf
          ? FindingsPageCache.countsKeyOf(state.generation, state.graphVersion, query.asOf)
          : null;
      const page = query.entity
        ? await readEntityPage(tx, {
            generation: state.generation,
            entity: query.entity,
            pattern: query.pattern,
            bounds,
            offset: ask.offset,
            limit: ask.limit,
          })
        : await this.page(tx, state.generation, query.pattern, bounds, ask.offset, ask.limit, countsKey);
      return { status, version, none: false, key, kept, ...page };
    });
    if (read.none && query.entity) return this.entityNow({ ...query, entity: query.entity }, ask, read.status, read.version);
    if (read.kept) return withKeptPart(read.status, read.kept);
    const built = this.build(read.records, ask.offset, read.total, read.patternCounts, query);
    if (read.key !== null) this.pages.keep(read.key, built);
    return withKeptPart(read.status, built);
  }

  /**
   * One entity's findings before any are stored (the first whole-graph computation after a large load
   * takes minutes at 1M relationships): computed now, with each pattern's form for one entity, the form an
   * edit's findings come from, instead of answered as none. Every pattern runs, so the counts per pattern
   * are there whichever `pattern` is asked for; the findings are in the order stored ones are read in, and
   * `asOf` keeps those with a row held on the date, as stored ones are kept. A pattern that fails for this
   * entity (past the request's cap) is named in `failedPatterns`, so its absence never reads as none. Told
   * as `computedNow`, of the graph version read before the patterns ran; `status` and `progress` say the
   * whole graph is still being computed (ADR 0041).
   */
  private async entityNow(
    query: ConflictsQueryInput & { entity: string },
    ask: { offset: number; limit: number },
    status: FindingsStatus,
    version: string,
  ): Promise<ConflictsResponse> {
    const patterns = this.conflicts.all();
    const runs = await Promise.allSettled(patterns.map((p) => this.conflicts.records(p, query.entity, this.requestCapMs)));
    const bounds = asOfBounds(query.asOf);
    const found: StoredFinding[] = [];
    const failedPatterns: FailedPattern[] = [];
    for (const [i, run] of runs.entries()) {
      const pattern = patterns[i]!;
      if (run.status === 'rejected') {
        const failure = patternFailure(run.reason, this.requestCapMs ?? 0);
        if (!failure) throw run.reason;
        failedPatterns.push({ pattern: pattern.id, ...failure, at: new Date().toISOString() });
        continue;
      }
      for (const record of run.value) {
        // Ordered as the maintainer stores it.
        const stored = storedFinding(0, pattern, record, []);
        if (stored && heldWithin(stored, bounds)) found.push(stored);
      }
    }
    found.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const patternCounts: Record<string, number> = {};
    for (const f of found) patternCounts[f.pattern] = (patternCounts[f.pattern] ?? 0) + 1;
    const asked = query.pattern ? found.filter((f) => f.pattern === query.pattern) : found;
    const records = asked.slice(ask.offset, ask.offset + ask.limit).map((f) => f.record);
    const page = await inSlices(this.buildSteps(records, ask.offset, asked.length, patternCounts, query));
    return { ...status, graphVersion: version, failedPatterns, computedNow: true, ...page };
  }

  /**
   * Where the page asked for is kept for the findings in the state read (only while they are `current`),
   * and the page if it is kept; null while there is nothing to keep it for.
   */
  private keptPage(
    { state, status }: { state: FindingsState | null; status: FindingsStatus },
    ask: PageAsk,
  ): { key: string; page: BuiltPage | undefined } | null {
    if (!state?.generation || status.status !== 'current') return null;
    const key = FindingsPageCache.keyOf(state.generation, state.graphVersion, ask);
    return { key, page: this.pages.get(key) };
  }

  /** The findings of a page's stored records (from `offset` on), with their evidence merged into one subgraph. */
  private build(
    records: readonly string[],
    offset: number,
    total: number,
    patternCounts: Record<string, number>,
    query: ConflictsQueryInput,
  ): BuiltPage {
    return untilDone(this.buildSteps(records, offset, total, patternCounts, query));
  }

  /** `build` pausing after each finding (sliced.ts): a hub's evidence is thousands of nodes. */
  private *buildSteps(
    records: readonly string[],
    offset: number,
    total: number,
    patternCounts: Record<string, number>,
    query: ConflictsQueryInput,
  ): Sliced<BuiltPage> {
    const findings: ConflictsResponse['findings'] = [];
    const nodes = new Map<string, ConflictsResponse['nodes'][number]>();
    const edges = new Map<string, ConflictsResponse['edges'][number]>();
    for (const text of records) {
      const record = JSON.parse(text) as FindingRecord;
      const pattern = this.conflicts.all().find((p) => p.id === record.pattern);
      const built = pattern && findingOf(pattern, record, query.asOf, query.lang);
      if (!built) continue; // a pattern file removed since, or (rarely) no row held on asOf
      findings.push(built.finding);
      for (const n of built.nodes) nodes.set(n.id, n);
      for (const e of built.edges) edges.set(e.id, e);
      yield;
    }
    const end = offset + records.length;
    return {
      findings,
      nodes: [...nodes.values()],
      edges: [...edges.values()],
      total,
      patternCounts,
      nextCursor: end < total ? String(end) : null,
    };
  }

  /**
   * Who pays whom over the whole graph, from the stored `money-flow` findings (computed without rollup);
   * with `rollup`, each payee's flows counted towards its top parent company, looked up per payee. No
   * pattern runs over the whole graph here. The whole table (every row, the overall totals) is made once
   * per state of the findings and kept while they are current, like pages; a page of it is cut from it,
   * and with `evidence` the evidence of that page's rows is read from their stored findings. One
   * entity's flows are computed when asked (ConflictService).
   */
  async moneyFlows(query: MoneyFlowsAsk): Promise<MoneyFlowsResponse> {
    const now = await this.states.now();
    this.maintainer.request(now);
    const { state } = now;
    const read = {
      status: now.status,
      generation: state?.generation ?? 0,
      current: this.moneyKey(state, now.status, query.rollup),
      key: this.tableKey(state, now.status, query.rollup),
    };
    const made = await this.moneyTable(query.rollup, read);
    // A kept table is of the state this ask read; one made now may be of a later state, and says so.
    const { status, graphVersion: reflected } = made.keep ? read.status : made.status;
    const { table, generation } = made;
    const page = moneyPage(table, query);
    if (!query.evidence) return { ...page, status, graphVersion: reflected };
    const records = await readTransaction(this.driver, this.database, (tx) => sourceRecords(tx, generation, table, page.rows));
    const { nodes, edges } = await inSlices(this.buildSteps(records, 0, 0, {}, {}));
    return { ...page, nodes, edges, status, graphVersion: reflected };
  }

  /**
   * The table to answer from: the one kept for the findings as they are; or, while the findings take in a
   * change or the table of the change is made (8-16 s at 1M after every edit), the newest one kept of the
   * same generation, told as `updating` with the graph version it reflects, the page asking again until
   * it is current; or, when none is kept, one made now for this reader (and for all who ask meanwhile).
   */
  private async moneyTable(
    rollup: boolean,
    read: { status: FindingsStatus; generation: number; current: string | null; key: string | null },
  ): Promise<MadeMoneyTable> {
    if (read.generation === 0 || read.key === null)
      return { table: moneyFlowsOf([]), rollup, generation: 0, status: read.status, keep: false };
    const { key } = read;
    const kept = read.current === null ? undefined : this.pages.keptMoneyTable(key);
    if (kept) return kept;
    const make = () => this.pages.moneyTableFor(key, () => this.readMoneyTable(rollup, key));
    const newest = this.pages.newestMoneyTable(rollup);
    if (newest?.generation !== read.generation) return make();
    // Made in the background for the state now, unless the findings are updating (one kept as the newest).
    if (read.current !== null)
      make().catch((error: unknown) => this.log('making the Money table failed; the next ask tries again', error));
    return { ...newest, keep: false, status: { ...read.status, status: 'updating', graphVersion: newest.status.graphVersion } };
  }

  /** Where a table read of the findings in this state is kept: under its state, or while they are updating, to be shown as such. */
  private tableKey(state: FindingsState | null, status: FindingsStatus, rollup: boolean): string | null {
    if (!state?.generation) return null;
    return (
      this.moneyKey(state, status, rollup) ?? FindingsPageCache.updatingMoneyKeyOf(state.generation, status.graphVersion, rollup)
    );
  }

  /** Where the Money tab's table of the findings in this state is kept; null while they are updating. */
  private moneyKey(state: FindingsState | null, status: FindingsStatus, rollup: boolean): string | null {
    return state?.generation && status.status === 'current'
      ? FindingsPageCache.moneyKeyOf(state.generation, state.graphVersion, rollup)
      : null;
  }

  /**
   * The whole table of the stored money flows, read in chunks (money-facts.ts) and made after the reads
   * (seconds at 1M relationships, in slices). It is of one state of the findings only if that state was
   * the same before the first chunk and after the last: otherwise (an edit taken in, another generation
   * served) it is read again, and after the last attempt it is told as `updating`. It may be kept under
   * `key` if that one state is the one `key` names (`tableKey`).
   */
  private async readMoneyTable(rollup: boolean, key: string): Promise<MadeMoneyTable> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.states.now();
      const generation = before.state?.generation ?? 0;
      const stored = generation ? await readMoneyFacts(this.driver, this.database, generation, rollup) : null;
      const after = await this.states.now();
      const settled = sameFindings(before.state, after.state);
      if (!settled && attempt < MONEY_READ_ATTEMPTS) continue;
      return {
        table: stored ? await inSlices(storedTableSteps(stored)) : moneyFlowsOf([]),
        rollup,
        generation,
        status: settled ? after.status : { ...after.status, status: 'updating' },
        keep: settled && this.tableKey(after.state, after.status, rollup) === key,
      };
    }
  }

  private async page(
    tx: ManagedTransaction,
    generation: number,
    pattern: string | undefined,
    bounds: ReturnType<typeof asOfBounds>,
    offset: number,
    limit: number,
    /** Where the counts on the asked date are kept (page-cache.ts); null while the findings are updating. */
    countsKey: string | null = null,
  ): Promise<FindingsPage> {
    const prefix = generationPrefix(generation);
    const paging = { prefix, ...bounds, offset: int(offset), limit: int(limit) };
    const rows = pattern
      ? await tx.run(cypher('queries/findings-page-of-pattern'), { pattern, ...paging })
      : await tx.run(cypher('queries/findings-page'), paging);
    const patternCounts =
      (countsKey === null ? undefined : this.pages.countsOn(countsKey)) ?? (await this.counts(tx, generation, bounds));
    if (countsKey !== null) this.pages.keepCounts(countsKey, patternCounts);
    return {
      records: recordTexts(rows.records.map((r) => r.get('record'))),
      total: totalOf(patternCounts, pattern),
      patternCounts,
    };
  }

  /** Findings per pattern: the counts kept beside them, unless a date is asked for (then every finding's dates are tested). */
  private async counts(
    tx: ManagedTransaction,
    generation: number,
    bounds: ReturnType<typeof asOfBounds>,
  ): Promise<Record<string, number>> {
    return bounds.asOfFrom === null
      ? readPatternCounts(tx, cypher('queries/findings-counts'), { generation: int(generation) })
      : readPatternCounts(tx, cypher('queries/findings-count'), { prefix: generationPrefix(generation), ...bounds });
  }
}

export function statusOf(state: FindingsState | null, version: string, fingerprint?: string): FindingsStatus {
  const now = new Date().toISOString();
  const leaseHeld = Boolean(state?.fullOwner && state.fullUntil && state.fullUntil > now);
  const reported = leaseHeld && state?.progress ? (JSON.parse(state.progress) as FullProgress) : null;
  // Once its generation is served (findings-flip records when it started), a full run only removes the
  // generation it replaced, for minutes at 1M: the findings served are its own, and current.
  const fullRunning = leaseHeld && !(reported && state?.fullComputedFrom === reported.startedAt);
  const current =
    Boolean(state?.generation) &&
    state?.graphVersion === version &&
    !FindingsMaintainer.fullDue(state, fingerprint) &&
    !fullRunning;
  const progress = fullRunning ? reported : null;
  return {
    status: current ? 'current' : 'updating',
    graphVersion: state?.generation ? (state.graphVersion ?? null) : null,
    computedAt: state?.computedAt ?? null,
    progress: progress && {
      startedAt: progress.startedAt,
      done: progress.patternsDone,
      total: progress.patternsTotal,
      findings: progress.findings,
      failed: progress.failed ?? [],
    },
    failedPatterns: state?.generation && state.failedPatterns ? (JSON.parse(state.failedPatterns) as FailedPattern[]) : [],
  };
}

/** Reads of the Money table's facts tried when the findings keep changing under them. */
const MONEY_READ_ATTEMPTS = 3;

/** The same served findings: the same generation, taken in up to the same point of the audit trail. */
function sameFindings(a: FindingsState | null, b: FindingsState | null): boolean {
  return a?.generation === b?.generation && a?.graphVersion === b?.graphVersion && a?.cursorAt === b?.cursorAt;
}

/** The stored records of the findings the rows are made of: their evidence. */
async function sourceRecords(
  tx: ManagedTransaction,
  generation: number,
  table: MoneyTable,
  rows: readonly MoneyFlowRow[],
): Promise<string[]> {
  const ids = [
    ...new Set(rows.flatMap((row) => (table.sources.get(moneyRowKey(row)) ?? []).map((key) => findingId(MONEY_FLOW, key)))),
  ];
  return [...(await storedRecords(tx, generation, ids)).values()];
}
