/**
 * Stored findings in Neo4j (docs/adr/0021): how a finding record becomes a `:Finding` node and back, and
 * the reads and writes of the findings state. Every process reads and writes the same nodes, so any
 * number of app processes serve the same findings.
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import type { FailedPattern, Severity } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { findingTitle, type FindingRecord } from '../conflicts/findings.js';
import type { PatternDefinition } from '../conflicts/pattern-files.js';
import { earliest, factSpan, latest } from '../conflicts/period.js';

/** The one `:FindingsState` node, as stored. */
export interface FindingsState {
  /** The generation served: findings of other generations are being built or removed. 0: none yet. */
  generation: number;
  /** The graph version (services/graph-version.ts) the served findings reflect. */
  graphVersion?: string | null;
  /** Where in the audit trail the served findings are: every entry before `cursorAt`, and `seenIds`. */
  cursorAt: string;
  seenIds: string[];
  fullOwner?: string | null;
  fullUntil?: string | null;
  incrementalOwner?: string | null;
  incrementalUntil?: string | null;
  /** A full recomputation's progress (JSON of FullProgress) while one runs. */
  progress?: string | null;
  /** An update that only a full recomputation can make (an import) was seen at this time... */
  fullRequestedAt?: string | null;
  /** ...and the served generation was computed from the graph as it was at this time. */
  fullComputedFrom?: string | null;
  /** `ConflictService.queriesFingerprint` of the pattern files the served generation was computed with. */
  patternsFingerprint?: string | null;
  /** The patterns that failed over the whole graph in the served generation (JSON of FailedPattern[]). */
  failedPatterns?: string | null;
  computedAt?: string | null;
}

export interface FullProgress {
  startedAt: string;
  patternsDone: number;
  patternsTotal: number;
  findings: number;
  /** The patterns that failed so far, counted in `patternsDone` (absent in the progress of older versions). */
  failed?: FailedPattern[];
}

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Titles in the order of a person reading them: accents and case matter after the letters. */
export function titleSortKey(title: string): string {
  return title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** `order` of a stored finding: its generation, then severity, then title, then id (see findings-page.cypher). */
export function orderKey(generation: number, severity: Severity, title: string, id: string): string {
  return `${generationPrefix(generation)}${RANK[severity]}\u0001${titleSortKey(title)}\u0001${id}`;
}

export function generationPrefix(generation: number): string {
  return `${String(generation).padStart(9, '0')}|`;
}

const OPEN_END = '9999-99-99';

/**
 * Per row of a record, the latest day any of its facts starts and the earliest it ends: the row held on
 * a date when no fact started after it and none ended before it (period.ts `heldOn`), which a query can test.
 */
export function rowBounds(record: FindingRecord): { rowFrom: string[]; rowTo: string[] } {
  const rowFrom: string[] = [];
  const rowTo: string[] = [];
  for (const row of record.rows) {
    let from = '';
    let to = OPEN_END;
    for (const fact of row.timed) {
      const { start, end } = factSpan(fact);
      if (start !== null && earliest(start) > from) from = earliest(start);
      if (end !== null && latest(end) < to) to = latest(end);
    }
    rowFrom.push(from);
    rowTo.push(to);
  }
  return { rowFrom, rowTo };
}

/** The bounds of `asOf` findings-page compares rows with; nulls when no date is asked for. */
export function asOfBounds(asOf: string | undefined): { asOfFrom: string | null; asOfTo: string | null } {
  return asOf ? { asOfFrom: earliest(asOf), asOfTo: latest(asOf) } : { asOfFrom: null, asOfTo: null };
}

/** Whether a finding has a row that held within `asOf`'s bounds, as findings-page tests it in the database. */
export function heldWithin(finding: Pick<StoredFinding, 'rowFrom' | 'rowTo'>, bounds: ReturnType<typeof asOfBounds>): boolean {
  const { asOfFrom, asOfTo } = bounds;
  if (asOfFrom === null || asOfTo === null) return true;
  return finding.rowFrom.some((from, i) => from <= asOfTo && (finding.rowTo[i] ?? '') >= asOfFrom);
}

export interface StoredFinding {
  id: string;
  pattern: string;
  generation: number;
  order: string;
  key: string[];
  members: string[];
  rowFrom: string[];
  rowTo: string[];
  record: string;
  /**
   * A `money-flow` finding's rows' facts (JSON), apart from its record: the Money tab's table reads only
   * these, a fraction of the records' size (findings-money-flows.cypher). Null for other patterns.
   */
  facts: string | null;
}

/** The pattern whose stored facts make the Money tab's table. */
export const MONEY_FLOW = 'money-flow';

/**
 * A record as a node, ordered by its pattern's severity and the English title of all its rows (as
 * `findingOf(pattern, record)` writes it); null when no row of it stands.
 */
export function storedFinding(
  generation: number,
  pattern: PatternDefinition,
  record: FindingRecord,
  key: string[],
): StoredFinding | null {
  const title = findingTitle(pattern, record);
  if (title === null) return null;
  return {
    id: record.id,
    pattern: record.pattern,
    generation,
    order: orderKey(generation, pattern.severity, title, record.id),
    key,
    members: record.nodes.map((n) => n.id),
    ...rowBounds(record),
    record: JSON.stringify(record),
    facts: record.pattern === MONEY_FLOW ? JSON.stringify(record.rows.map((row) => row.facts)) : null,
  };
}

/**
 * The stored records read, leaving out the missing ones: Neo4j reads what is committed, so a finding an
 * update removes while a page is read can be found by the index and then lack its record (the answer is
 * then marked updating and the next ask has it whole).
 */
export function recordTexts(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string');
}

/** The stored records of the findings of `generation` with these ids, by id (absent ids left out). */
export async function storedRecords(tx: ManagedTransaction, generation: number, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher('queries/findings-by-id'), { ids, generation: int(generation) });
  return new Map(
    result.records.flatMap((r) => {
      const record: unknown = r.get('record');
      return typeof record === 'string' ? [[String(r.get('id')), record] as const] : [];
    }),
  );
}

export async function readState(tx: ManagedTransaction): Promise<FindingsState | null> {
  const row = (await tx.run(cypher('queries/findings-state'))).records[0];
  return row ? (row.get('state') as FindingsState) : null;
}

/** Findings per pattern from a query returning `pattern` and `count` rows (findings-counts and its kin). */
export async function readPatternCounts(
  tx: ManagedTransaction,
  query: string,
  parameters: Record<string, unknown>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const r of (await tx.run(query, parameters)).records) counts[String(r.get('pattern'))] = Number(r.get('count'));
  return counts;
}

/**
 * Asks for a full recomputation (findings-request-full); false when nothing is computed yet, in which
 * case the first computation is due anyway.
 */
export async function requestFullRecomputation(tx: ManagedTransaction, now: string): Promise<boolean> {
  const row = (await tx.run(cypher('queries/findings-request-full'), { now })).records[0];
  return Number(row?.get('requested') ?? 0) > 0;
}

export async function createFindings(tx: ManagedTransaction, findings: StoredFinding[]): Promise<void> {
  if (findings.length) await tx.run(cypher('queries/findings-create'), { findings });
}

export async function deleteFindings(tx: ManagedTransaction, generation: number, ids: string[]): Promise<void> {
  if (ids.length) await tx.run(cypher('queries/findings-delete'), { ids, generation: int(generation) });
}

export interface AuditMark {
  id: string;
  at: string;
  entityIds: string[] | null;
  summary: string | null;
}

/**
 * The audit entries from `since` on that are not in `seenIds` (oldest first, at most `limit`), and the
 * seen ones that still exist, with their times (so the maintainer can drop those past its window).
 */
export async function auditSince(
  tx: ManagedTransaction,
  since: string,
  seenIds: readonly string[],
  limit: number,
): Promise<{ entries: AuditMark[]; seen: Pick<AuditMark, 'id' | 'at'>[] }> {
  const row = (await tx.run(cypher('queries/findings-audit-since'), { since, seenIds, limit: int(limit) })).records[0];
  return {
    entries: (row?.get('entries') as AuditMark[] | undefined) ?? [],
    seen: (row?.get('seen') as Pick<AuditMark, 'id' | 'at'>[] | undefined) ?? [],
  };
}
