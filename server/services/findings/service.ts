/**
 * `GET /api/conflicts` from the stored findings (docs/adr/0021): a page read along an index, the findings
 * rebuilt from their records (with `asOf`, from the rows that held then), and the state: which graph
 * version they reflect and whether an update is running. No pattern runs here; asking starts the
 * maintainer, which brings the findings up to date in the background.
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { ConflictsResponse, FindingsStatus, Language } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { readTransaction } from '../../db/transactions.js';
import { findingOf, type FindingRecord } from '../conflicts/findings.js';
import type { ConflictService } from '../conflicts/service.js';
import { graphVersion } from '../graph-version.js';
import { FindingsMaintainer } from './maintainer.js';
import { asOfBounds, generationPrefix, readState, type FindingsState, type FullProgress } from './store.js';

export interface ConflictsQueryInput {
  pattern?: string | undefined;
  entity?: string | undefined;
  asOf?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  /** The language titles and explanations are written in (default English). */
  lang?: Language | undefined;
}

/** Findings on a page when no `limit` is given: all, as before, up to a bound a page can hold. */
const ALL = 100_000;

export class FindingsService {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly conflicts: ConflictService,
    readonly maintainer: FindingsMaintainer,
  ) {}

  /** Whether the stored findings are current, which graph version they reflect, and a running recomputation's progress. */
  async status(): Promise<FindingsStatus> {
    const { state, version } = await readTransaction(this.driver, this.database, async (tx) => ({
      state: await readState(tx),
      version: await graphVersion(tx),
    }));
    this.maintainer.request();
    return statusOf(state, version);
  }

  async answer(query: ConflictsQueryInput): Promise<ConflictsResponse> {
    // An unknown pattern is a 404 before anything is read.
    if (query.pattern) this.conflicts.pattern(query.pattern);
    const offset = query.cursor ? Number(query.cursor) : 0;
    const limit = query.limit ?? ALL;
    const bounds = asOfBounds(query.asOf);
    const { state, version, records, total } = await readTransaction(this.driver, this.database, async (tx) => {
      const state = await readState(tx);
      const version = await graphVersion(tx);
      if (!state?.generation) return { state, version, records: [] as string[], total: 0 };
      const page = query.entity
        ? await this.ofEntity(tx, state.generation, query.entity, query.pattern, bounds)
        : await this.page(tx, state.generation, query.pattern, bounds, offset, limit);
      return { state, version, ...page };
    });
    this.maintainer.request();

    const findings: ConflictsResponse['findings'] = [];
    const nodes = new Map<string, ConflictsResponse['nodes'][number]>();
    const edges = new Map<string, ConflictsResponse['edges'][number]>();
    const slice = query.entity ? records.slice(offset, offset + limit) : records;
    for (const text of slice) {
      const record = JSON.parse(text) as FindingRecord;
      const pattern = this.conflicts.all().find((p) => p.id === record.pattern);
      const built = pattern && findingOf(pattern, record, query.asOf, query.lang);
      if (!built) continue; // a pattern file removed since, or (rarely) no row held on asOf
      findings.push(built.finding);
      for (const n of built.nodes) nodes.set(n.id, n);
      for (const e of built.edges) edges.set(e.id, e);
    }
    const end = offset + slice.length;
    return {
      findings,
      nodes: [...nodes.values()],
      edges: [...edges.values()],
      total,
      nextCursor: end < total ? String(end) : null,
      ...statusOf(state, version),
    };
  }

  private async page(
    tx: ManagedTransaction,
    generation: number,
    pattern: string | undefined,
    bounds: ReturnType<typeof asOfBounds>,
    offset: number,
    limit: number,
  ): Promise<{ records: string[]; total: number }> {
    const parameters = { prefix: generationPrefix(generation), pattern: pattern ?? null, ...bounds };
    const rows = await tx.run(cypher('queries/findings-page'), { ...parameters, offset: int(offset), limit: int(limit) });
    const count = await tx.run(cypher('queries/findings-count'), parameters);
    return {
      records: rows.records.map((r) => String(r.get('record'))),
      total: Number(count.records[0]?.get('total') ?? 0),
    };
  }

  private async ofEntity(
    tx: ManagedTransaction,
    generation: number,
    entity: string,
    pattern: string | undefined,
    bounds: ReturnType<typeof asOfBounds>,
  ): Promise<{ records: string[]; total: number }> {
    const rows = await tx.run(cypher('queries/findings-of-entity'), {
      entity,
      generation: int(generation),
      pattern: pattern ?? null,
      ...bounds,
    });
    const records = rows.records.map((r) => String(r.get('record')));
    return { records, total: records.length };
  }
}

export function statusOf(state: FindingsState | null, version: string): FindingsStatus {
  const now = new Date().toISOString();
  const fullRunning = Boolean(state?.fullOwner && state.fullUntil && state.fullUntil > now);
  const current =
    Boolean(state?.generation) && state?.graphVersion === version && !FindingsMaintainer.fullDue(state) && !fullRunning;
  const progress = fullRunning && state?.progress ? (JSON.parse(state.progress) as FullProgress) : null;
  return {
    status: current ? 'current' : 'updating',
    graphVersion: state?.generation ? (state.graphVersion ?? null) : null,
    computedAt: state?.computedAt ?? null,
    progress: progress && {
      startedAt: progress.startedAt,
      done: progress.patternsDone,
      total: progress.patternsTotal,
      findings: progress.findings,
    },
  };
}
