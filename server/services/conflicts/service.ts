/**
 * Runs conflict patterns against the graph: each pattern in its own read transaction, rows turned into
 * findings by `buildFindings`. Patterns are loaded once per service; the files are the source of truth.
 * Whole-graph answers (no entity) are kept per graph version, the last four selections of patterns and
 * dates: one of them is a scan of the whole graph.
 */
import type { Driver } from 'neo4j-driver';
import type { ConflictsResponse, MoneyFlowsResponse, PatternInfo } from '../../../schemas/index.js';
import { NotFoundError } from '../graph-repository.js';
import { buildFindings, bySeverityThenTitle, type PatternRow } from './findings.js';
import { moneyFlowsOf } from './money.js';
import { loadPatterns, type PatternDefinition } from './pattern-files.js';
import { readTransaction } from '../../db/transactions.js';
import { graphVersion, VersionedMemo } from '../graph-version.js';

interface Evaluation {
  findings: ConflictsResponse['findings'];
  nodes: Map<string, ConflictsResponse['nodes'][number]>;
  edges: Map<string, ConflictsResponse['edges'][number]>;
}

export class ConflictService {
  private readonly patterns: PatternDefinition[];
  private readonly wholeGraphMemo = new VersionedMemo<Evaluation>(4);

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    patterns: PatternDefinition[] = loadPatterns(),
  ) {
    this.patterns = patterns;
  }

  /**
   * Plans and compiles every pattern once, one after another, so the first Conflicts request does not
   * pay for it: planning these queries takes seconds each on a cold database (far more than running
   * them), and all of them at once on a busy machine can pass the query time cap. Each runs for an id no
   * entity has (which reads nothing) and is planned for the whole graph without running.
   */
  async warmUp(): Promise<void> {
    for (const pattern of this.patterns) {
      await this.rows(pattern, { entity: 'warm-up:nothing' });
      await readTransaction(this.driver, this.database, (tx) =>
        tx.run(`EXPLAIN ${pattern.query}`, { rollup: false, ...pattern.parameters, entity: null }),
      );
    }
  }

  list(): PatternInfo[] {
    return this.patterns.map(({ id, name, description, severity }) => ({ id, name, description, severity }));
  }

  private pattern(id: string): PatternDefinition {
    const pattern = this.patterns.find((p) => p.id === id);
    if (!pattern) throw new NotFoundError('pattern', id);
    return pattern;
  }

  private async rows(pattern: PatternDefinition, parameters: Record<string, unknown>): Promise<PatternRow[]> {
    return readTransaction(this.driver, this.database, async (tx) => {
      const result = await tx.run(pattern.query, { rollup: false, ...pattern.parameters, ...parameters });
      return result.records.map((r) => r.toObject() as unknown as PatternRow);
    });
  }

  async findings(query: {
    pattern?: string | undefined;
    entity?: string | undefined;
    asOf?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Promise<ConflictsResponse> {
    const selected = query.pattern ? [this.pattern(query.pattern)] : this.patterns;
    const all = query.entity
      ? await this.evaluate(selected, { entity: query.entity, asOf: query.asOf })
      : await this.wholeGraph(selected, query.asOf);
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

  /**
   * Every finding of the whole graph is a scan of it (seconds on 100k relationships): kept until the
   * graph changes, so the next page, another visitor or the Conflicts tab opened again costs nothing.
   */
  private async wholeGraph(selected: PatternDefinition[], asOf: string | undefined): Promise<Evaluation> {
    const version = await readTransaction(this.driver, this.database, graphVersion);
    const key = `${selected.map((p) => p.id).join(',')}|${asOf ?? ''}`;
    return this.wholeGraphMemo.get(key, version, () => this.evaluate(selected, { asOf }));
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

  /** Who pays whom, from the `money-flow` pattern's facts (see money.ts). */
  async moneyFlows(query: { entity?: string | undefined; rollup: boolean }): Promise<MoneyFlowsResponse> {
    const rows = await this.rows(this.pattern('money-flow'), { rollup: query.rollup, entity: query.entity ?? null });
    return moneyFlowsOf(
      rows.map((r) => r.facts),
      query.entity,
    );
  }
}
