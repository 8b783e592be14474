/** Conflict-of-interest findings and money flows, as the API returns them. */
import { z } from 'zod';
import { BooleanFlag, Citation, EntityId, PartialDate } from './common.js';
import { GraphEdge, GraphNode } from './graph.js';
import { Language } from './language.js';

/** The reader's language for pattern names and findings' words; without it, the request's Accept-Language. */
const Lang = Language.optional().describe(
  'the language of pattern names, titles and explanations (en, es, ar); default: the first of Accept-Language we speak, else en',
);
export const PatternsQuery = z.object({ lang: Lang });
export type PatternsQuery = z.infer<typeof PatternsQuery>;

export const Severity = z.enum(['high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Why a finding deserves a second look before it is printed. */
export const FindingQualifier = z.enum([
  'dates-unknown', // some fact in the evidence has no dates, so the overlap in time cannot be checked
  'relies-on-inferred-link', // some link in the evidence is inferred, not stated by a source
  'relies-on-alleged-link', // some link in the evidence is alleged
  'single-source', // every fact in the evidence rests on the same single document
]);
export type FindingQualifier = z.infer<typeof FindingQualifier>;

export const PatternId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a pattern id such as vendor-board-seat');

export const PatternInfo = z.object({
  id: PatternId,
  name: z.string(),
  description: z.string(),
  severity: Severity,
});
export type PatternInfo = z.infer<typeof PatternInfo>;
export const PatternsResponse = z.object({ patterns: z.array(PatternInfo) });

/** The time in which every dated fact of a finding held at once; null ends are open or unknown. */
export const Period = z.object({ from: PartialDate.nullable(), to: PartialDate.nullable() });
export type Period = z.infer<typeof Period>;

export const Finding = z.object({
  /** Stable across runs: derived from the pattern and the entities that make the finding. */
  id: z.string(),
  pattern: PatternId,
  severity: Severity,
  title: z.string(),
  explanation: z.string(),
  period: Period,
  qualifiers: z.array(FindingQualifier),
  nodeIds: z.array(EntityId),
  edgeIds: z.array(EntityId),
  /** Union of the citations of every edge used, each once. */
  citations: z.array(Citation),
});
export type Finding = z.infer<typeof Finding>;

/** The `cursor` of a paged answer: the `nextCursor` of the page before. */
const Cursor = z
  .string()
  .regex(/^\d{1,9}$/, 'must be the nextCursor of a previous answer')
  .optional()
  .describe('the nextCursor of the previous page');

export const ConflictsQuery = z.object({
  lang: Lang,
  pattern: PatternId.optional(),
  entity: EntityId.optional(),
  asOf: PartialDate.optional().describe('only findings whose facts all held on this date'),
  limit: z.coerce.number().int().min(1).max(5000).optional().describe('at most this many findings (default: all)'),
  cursor: Cursor,
});
export type ConflictsQuery = z.infer<typeof ConflictsQuery>;

/**
 * A pattern that could not be run over the whole graph in a full recomputation: its stored findings are
 * not all there is (only edits since added some), so its count must not read as the number of findings.
 */
export const FailedPattern = z.object({
  pattern: PatternId,
  /** Why, in plain English: the database's transaction memory, the time cap, or the database's error. */
  reason: z.string(),
  /** `memory` and `timeout` for a page to word in the reader's language; `error` for anything else. */
  cause: z.enum(['memory', 'timeout', 'error']),
  /** When it failed. */
  at: z.string(),
});
export type FailedPattern = z.infer<typeof FailedPattern>;

/** A full recomputation of the stored findings under way: patterns done of all, findings written so far. */
export const FindingsProgress = z.object({
  startedAt: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  findings: z.number().int(),
  /** The patterns of this recomputation that failed so far (counted in `done`). */
  failed: z.array(FailedPattern),
});
export type FindingsProgress = z.infer<typeof FindingsProgress>;

/** Where the stored findings stand (docs/adr/0021). */
export const FindingsStatus = z.object({
  /** `current`: they reflect the graph as it is; `updating`: a change is being taken in (the answer is the one before it). */
  status: z.enum(['current', 'updating']),
  /** The graph version (entity count and newest audit entry) the findings reflect; null before the first computation. */
  graphVersion: z.string().nullable(),
  /** When they were last brought up to date. */
  computedAt: z.string().nullable(),
  /** While every pattern is being run over the whole graph (after an import): how far it is. */
  progress: FindingsProgress.nullable(),
  /**
   * The patterns the served findings lack because they failed over the whole graph in the last full
   * recomputation (the findings of one entity still compute them); empty when none did.
   */
  failedPatterns: z.array(FailedPattern),
});
export type FindingsStatus = z.infer<typeof FindingsStatus>;

export const ConflictsResponse = z.object({
  findings: z.array(Finding),
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** Findings in all pages; `nextCursor` asks for the next page (null on the last). */
  total: z.number().int().optional(),
  nextCursor: z.string().nullable().optional(),
  /** Findings per pattern id under the same `entity` and `asOf` (whatever `pattern` asks for): a pattern picker's counts. */
  patternCounts: z.record(PatternId, z.number().int()).optional(),
  ...FindingsStatus.shape,
  /**
   * True when no findings were stored yet (the first computation over the whole graph is under way) and
   * these, of the `entity` asked about, were computed when asked, from the graph of `graphVersion`.
   */
  computedNow: z.boolean().optional(),
});
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;

const Party = z.object({ id: EntityId, name: z.string() });

/** A sum of amounts in one currency; amounts in different currencies are never added up. */
export const MoneyTotal = z.object({
  currency: z.string().nullable().describe('ISO 4217 code; null for amounts the sources give without a currency'),
  amount: z.number(),
});
export type MoneyTotal = z.infer<typeof MoneyTotal>;

export const MoneyFlowRow = z.object({
  payer: Party,
  payee: Party,
  /** One total per currency, of the flows whose amount is known. Empty when none is. */
  totals: z.array(MoneyTotal),
  /** The total and its currency, only when exactly one currency is known (never 0 for "unknown" or "mixed"). */
  total: z.number().optional(),
  currency: z.string().optional(),
  /** Contracts and payments counted. */
  count: z.number().int(),
  /** Flows counted whose amount the sources do not give. */
  unknownCount: z.number().int(),
  /** The same as `unknownCount`, under its earlier name. */
  undisclosed: z.number().int(),
  /**
   * Flows whose amount is that of one payment or contract with several payees (or payers): counted in
   * full here and in the other rows, once in the overall totals.
   */
  sharedCount: z.number().int(),
  from: PartialDate.nullable(),
  to: PartialDate.nullable(),
  contractIds: z.array(EntityId),
  /** The PAID relationships counted. */
  paymentIds: z.array(EntityId),
});
export type MoneyFlowRow = z.infer<typeof MoneyFlowRow>;

/** A row by its payer and payee: unique within one answer, and the same for the same flow on every page. */
export function moneyRowKey(row: Pick<MoneyFlowRow, 'payer' | 'payee'>): string {
  return `${row.payer.id}>${row.payee.id}`;
}

export const MoneyFlowsQuery = z.object({
  entity: EntityId.optional(),
  rollup: BooleanFlag.default(false).describe('count a subsidiary’s contracts and payments as its ultimate parent’s'),
  limit: z.coerce.number().int().min(1).max(5000).optional().describe('at most this many rows, the largest first (default: all)'),
  cursor: Cursor,
  evidence: BooleanFlag.default(false).describe(
    'with the evidence subgraph (`nodes`, `edges`) of the rows on this page: the payers, contracts, payees and the links between them',
  ),
});
export type MoneyFlowsQuery = z.infer<typeof MoneyFlowsQuery>;

export const MoneyFlowsResponse = z.object({
  /** The rows of this page, the largest total first. */
  rows: z.array(MoneyFlowRow),
  /** Rows in all pages; `nextCursor` asks for the next page (null on the last). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  /** All rows of all pages together, each payment or contract counted once, one total per currency. */
  totals: z.array(MoneyTotal),
  /** Payments and contracts (each once, in all pages) whose amount the sources do not give. */
  unknownCount: z.number().int(),
  /** With `evidence`: what the rows of this page rest on. */
  nodes: z.array(GraphNode).optional(),
  edges: z.array(GraphEdge).optional(),
  /**
   * Without `entity`, the flows come from the stored `money-flow` findings (docs/adr/0025): whether they
   * are current and the graph version they reflect, as in /api/conflicts. Absent for one entity's flows,
   * which are computed when asked.
   */
  status: FindingsStatus.shape.status.optional(),
  graphVersion: FindingsStatus.shape.graphVersion.optional(),
});
export type MoneyFlowsResponse = z.infer<typeof MoneyFlowsResponse>;
