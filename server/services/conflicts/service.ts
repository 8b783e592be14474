/**
 * Runs conflict patterns against the graph: each pattern in its own read transaction, rows turned into
 * findings by `buildFindings`. Patterns are loaded once per service; the files are the source of truth.
 * Requests never run a pattern over the whole graph: `GET /api/conflicts` answers from the stored
 * findings (services/findings/), which call `records` here, off the request path.
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import {
  moneyRowKey,
  type ConflictsResponse,
  type Language,
  type MoneyFlowsResponse,
  type PatternInfo,
} from '../../../schemas/index.js';
import { NotFoundError } from '../graph-repository.js';
import { inSlices } from '../sliced.js';
import {
  buildFindings,
  bySeverityThenTitle,
  findingRecordsSteps,
  recordShows,
  type FindingRecord,
  type PatternRow,
} from './findings.js';
import { compactPatternRows } from './compact-evidence.js';
import { moneyFactKey, moneyFlowsOf, moneyPage } from './money.js';
import { loadPatterns, type PatternDefinition } from './pattern-files.js';
import { openSession, readTransaction } from '../../db/transactions.js';

interface Evaluation {
  findings: ConflictsResponse['findings'];
  nodes: Map<string, ConflictsResponse['nodes'][number]>;
  edges: Map<string, ConflictsResponse['edges'][number]>;
}

export class ConflictService {
  private readonly patterns: PatternDefinition[];

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    patterns: PatternDefinition[] = loadPatterns(),
  ) {
    this.patterns = patterns;
    this.queriesFingerprint = fingerprintOf(patterns);
  }

  /**
   * A digest of what makes the stored records (the queries and their parameters, not the wording, which
   * is applied when findings are read): findings stored under another digest are recomputed.
   */
  readonly queriesFingerprint: string;

  /** The patterns, named and described in the reader's language. */
  list(language: Language = 'en'): PatternInfo[] {
    return this.patterns.map(({ id, texts, severity }) => ({
      id,
      name: texts[language].name,
      description: texts[language].description,
      severity,
    }));
  }

  /** Every pattern, as loaded from its file. */
  all(): readonly PatternDefinition[] {
    return this.patterns;
  }

  pattern(id: string): PatternDefinition {
    const pattern = this.patterns.find((p) => p.id === id);
    if (!pattern) throw new NotFoundError('pattern', id);
    return pattern;
  }

  /**
   * Runs every pattern for an id no entity has, in each form the app runs it for one entity (as written,
   * and wrapped by compact-evidence.ts as the maintainer runs it), so Neo4j has planned them before they
   * are needed. On a fresh JVM at 1M relationships planning one took 0.5–2.6 s (8.5 s for the eight), and
   * the first edit after a start waited for that before its finding showed. One after another, in the
   * background after the app listens (main.ts); nothing is found, nothing written.
   */
  async warmUp(): Promise<void> {
    const entity = 'warm-up:no-such-entity';
    for (const pattern of this.patterns) {
      await this.rows(pattern, { entity });
      await this.records(pattern, entity);
    }
  }

  private async rows(pattern: PatternDefinition, parameters: Record<string, unknown>): Promise<PatternRow[]> {
    return readTransaction(this.driver, this.database, async (tx) => {
      const whole = parameters.entity === null || parameters.entity === undefined;
      const query = whole ? (pattern.wholeGraphQuery ?? pattern.query) : pattern.query;
      const result = await tx.run(query, { rollup: false, ...pattern.parameters, entity: null, ...parameters });
      return result.records.map((r) => r.toObject() as unknown as PatternRow);
    });
  }

  /**
   * The records of one pattern's findings (findings.ts), over the whole graph (`entity` null) or those a
   * finding about `entity` can start from, which then only keeps the records whose evidence includes it.
   * Runs with `timeoutMs` as its cap: the whole-graph form runs in the background, past a request's cap.
   */
  async records(pattern: PatternDefinition, entity: string | null, timeoutMs?: number): Promise<FindingRecord[]> {
    const records = await this.recordsFrom(pattern, entity, timeoutMs);
    return entity === null ? records : records.filter((r) => recordShows(r, entity));
  }

  /**
   * Every record a run of the pattern for `entity` comes across (the whole graph when null), its evidence
   * including the entity or not: a contract past the five a finding shows still counts in its amount.
   * Whole only where the pattern starts at its key (`startsAtKey`), `entity` is the key's first id, or
   * `entity` is a contract the record shows and the pattern says so (`wholeForContract`).
   */
  async recordsFrom(pattern: PatternDefinition, entity: string | null, timeoutMs?: number): Promise<FindingRecord[]> {
    const session = openSession(this.driver, this.database, 'READ', { wholeResult: entity === null });
    try {
      const rows = await session.executeRead(
        async (tx) => {
          const query = entity === null ? (pattern.wholeGraphQuery ?? pattern.query) : pattern.query;
          return compactPatternRows(tx, query, { rollup: false, ...pattern.parameters, entity });
        },
        timeoutMs === undefined ? undefined : { timeout: timeoutMs },
      );
      // Seconds of grouping for a whole-graph pattern at 1M: in slices, so requests are answered meanwhile.
      return await inSlices(findingRecordsSteps(pattern, rows));
    } finally {
      await session.close();
    }
  }

  /**
   * Findings computed now from the graph, for one entity or (`entity` absent) the whole graph. The API
   * answers from stored findings instead; this is the same computation, for checking a pattern.
   */
  async findings(query: {
    pattern?: string | undefined;
    entity?: string | undefined;
    asOf?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Promise<Pick<ConflictsResponse, 'findings' | 'nodes' | 'edges' | 'total' | 'nextCursor'>> {
    const selected = query.pattern ? [this.pattern(query.pattern)] : this.patterns;
    const all = await this.evaluate(selected, { ...(query.entity ? { entity: query.entity } : {}), asOf: query.asOf });
    // A page of findings, in a stable order; the cursor is the offset of the next page.
    const offset = query.cursor ? Number(query.cursor) : 0;
    const end = query.limit === undefined ? all.findings.length : offset + query.limit;
    const page = all.findings.slice(offset, end);
    const nodes = new Map<string, ConflictsResponse['nodes'][number]>();
    const edges = new Map<string, ConflictsResponse['edges'][number]>();
    for (const finding of page) {
      for (const id of finding.nodeIds) nodes.set(id, all.nodes.get(id)!);
      for (const id of finding.edgeIds) edges.set(id, all.edges.get(id)!);
    }
    return {
      findings: page,
      nodes: [...nodes.values()],
      edges: [...edges.values()],
      total: all.findings.length,
      nextCursor: end < all.findings.length ? String(end) : null,
    };
  }

  /** The findings of the selected patterns, sorted, with the evidence they name. */
  private async evaluate(
    selected: PatternDefinition[],
    query: { entity?: string; asOf?: string | undefined },
  ): Promise<Evaluation> {
    const findings: ConflictsResponse['findings'] = [];
    const nodes = new Map<string, ConflictsResponse['nodes'][number]>();
    const edges = new Map<string, ConflictsResponse['edges'][number]>();
    // Patterns run side by side (each in its own read transaction); the database has more than one core.
    const rows = await Promise.all(selected.map((pattern) => this.rows(pattern, { entity: query.entity ?? null })));
    for (const [i, pattern] of selected.entries()) {
      const result = buildFindings(pattern, rows[i]!, { asOf: query.asOf });
      const patternNodes = new Map(result.nodes.map((n) => [n.id, n]));
      const patternEdges = new Map(result.edges.map((e) => [e.id, e]));
      for (const finding of result.findings) {
        if (query.entity && !finding.nodeIds.includes(query.entity)) continue;
        findings.push(finding);
        for (const id of finding.nodeIds) nodes.set(id, patternNodes.get(id)!);
        for (const id of finding.edgeIds) edges.set(id, patternEdges.get(id)!);
      }
    }
    findings.sort(bySeverityThenTitle);
    return { findings, nodes, edges };
  }

  /**
   * Who pays whom around one entity, from the `money-flow` pattern's facts (see money.ts). The whole
   * graph's flows are read from the stored findings (FindingsService.moneyFlows), never computed in a request.
   */
  async moneyFlows(query: {
    entity: string;
    rollup: boolean;
    limit?: number | undefined;
    cursor?: string | undefined;
    evidence?: boolean | undefined;
  }): Promise<MoneyFlowsResponse> {
    const pattern = this.pattern('money-flow');
    const rows = await this.rows(pattern, { rollup: query.rollup, entity: query.entity });
    const table = moneyFlowsOf(
      rows.map((r) => r.facts),
      query.entity,
    );
    const page = moneyPage(table, query);
    if (!query.evidence) return page;
    // The evidence of the page's rows: each pattern row makes one table row (moneyFlowsOf).
    const shown = new Set(page.rows.map(moneyRowKey));
    const { nodes, edges } = buildFindings(
      pattern,
      rows.filter((r) => shown.has(moneyFactKey(r.facts))),
    );
    return { ...page, nodes, edges };
  }
}

/**
 * How stored findings are laid out (services/findings/store.ts): raised when a change to it needs the
 * findings stored before to be recomputed (2: per-pattern counts kept beside the findings).
 */
const STORE_LAYOUT = 2;

function fingerprintOf(patterns: readonly PatternDefinition[]): string {
  const hash = createHash('sha256');
  hash.update(`store layout ${STORE_LAYOUT}`);
  for (const p of [...patterns].sort((a, b) => (a.id < b.id ? -1 : 1)))
    hash.update(
      JSON.stringify([p.id, withoutNotes(p.query), p.wholeGraphQuery ? withoutNotes(p.wholeGraphQuery) : null, p.parameters]),
    );
  return hash.digest('hex').slice(0, 16);
}

/**
 * A query without its comment lines, the header (`// @...`) kept: a reworded note changes no finding,
 * and at 1M relationships a recomputation takes over ten minutes.
 */
function withoutNotes(query: string): string {
  return query
    .split('\n')
    .filter((line) => !/^\s*\/\/(?!\s*@)/.test(line))
    .join('\n');
}
