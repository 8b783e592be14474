/**
 * Conflict-of-interest findings as the page shows them: severity order, periods,
 * grouping by pattern, and the part of an answer's evidence subgraph that belongs to one finding.
 */
import type {
  ConflictsResponse,
  FailedPattern,
  Finding,
  FindingQualifier,
  Graph,
  PatternInfo,
  Period,
  Severity,
} from '../../../schemas/index.js';
import type { GraphPatch, Spotlight } from './types.js';
import { formatPeriod } from '../../../shared/presentation/labels.js';
import { ENGLISH } from '../../../shared/presentation/wording.js';
import type { Wording } from '../../../shared/presentation/wording.js';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2, info: 3 };

/** "since 2020", "2017 – 2020", or "undated" when the sources give no dates for the overlap. */
export function findingPeriod(period: Period, words: Wording = ENGLISH, qualifiers: readonly FindingQualifier[] = []): string {
  // When some fact has no dates, when everything held at once is not known: no period ("since 2020") is
  // claimed beside "dates unknown"; the span of the dated facts stays in the API's `period`.
  if (qualifiers.includes('dates-unknown')) return words.undated;
  return formatPeriod({ start: period.from ?? undefined, end: period.to ?? undefined }, words) || words.undated;
}

export interface FindingGroup {
  readonly pattern: PatternInfo;
  readonly findings: readonly Finding[];
}

/**
 * Findings grouped under their pattern, most severe patterns first, each group keeping the server's
 * order. A finding whose pattern the page does not know yet (patterns still loading, or a pattern
 * added on the server) still shows, under its id, rather than vanishing.
 */
export function groupFindings(findings: readonly Finding[], patterns: readonly PatternInfo[]): FindingGroup[] {
  const known = new Map(patterns.map((p) => [p.id, p]));
  const groups = new Map<string, { pattern: PatternInfo; findings: Finding[] }>();
  for (const finding of findings) {
    const pattern = known.get(finding.pattern) ?? {
      id: finding.pattern,
      name: finding.pattern,
      description: '',
      severity: finding.severity,
    };
    const group = groups.get(pattern.id) ?? { pattern, findings: [] };
    group.findings.push(finding);
    groups.set(pattern.id, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.pattern.severity] - SEVERITY_RANK[b.pattern.severity] || a.pattern.name.localeCompare(b.pattern.name),
  );
}

/** How many findings each pattern has, for the pattern picker. */
export function countByPattern(findings: readonly Finding[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.pattern, (counts.get(f.pattern) ?? 0) + 1);
  return counts;
}

/**
 * The patterns the stored findings lack because they failed over the whole graph, by id: their counts
 * are not the number of their findings, and no list of them is complete.
 */
export function failedPatterns(
  response: Pick<ConflictsResponse, 'failedPatterns'> | undefined,
): ReadonlyMap<string, FailedPattern> {
  return new Map((response?.failedPatterns ?? []).map((f) => [f.pattern, f]));
}

/**
 * Nothing is stored yet to count or list from: the first computation over the whole graph is under way
 * (ADR 0041). The answer's counts are then not the number of findings: none is shown as 0.
 */
export function notComputedYet(answer: { readonly graphVersion?: string | null } | undefined): boolean {
  return answer?.graphVersion === null;
}

/**
 * Whether the list asked for may lack findings because a pattern failed: all patterns while any failed,
 * or one pattern that failed. Then "no findings" must not be said.
 */
export function listIncomplete(failed: ReadonlyMap<string, FailedPattern>, pattern: string | undefined): boolean {
  return pattern ? failed.has(pattern) : failed.size > 0;
}

/**
 * The pages of findings loaded so far as one answer: their findings in order (each once), the evidence of
 * all of them, and the state and counts of the newest page. Undefined before the first page.
 */
export function joinPages(pages: readonly ConflictsResponse[]): ConflictsResponse | undefined {
  const newest = pages.at(-1);
  if (!newest) return undefined;
  const findings = new Map<string, Finding>();
  const nodes = new Map<string, ConflictsResponse['nodes'][number]>();
  const edges = new Map<string, ConflictsResponse['edges'][number]>();
  for (const page of pages) {
    for (const f of page.findings) if (!findings.has(f.id)) findings.set(f.id, f);
    for (const n of page.nodes) nodes.set(n.id, n);
    for (const e of page.edges) edges.set(e.id, e);
  }
  return { ...newest, findings: [...findings.values()], nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The nodes and edges of one finding, taken from an answer whose evidence subgraph covers every
 * finding it returned. Nodes come first in the finding's own order so the layout seeds them in the
 * order the explanation reads.
 */
export function findingPatch(evidence: Graph, finding: Finding): GraphPatch {
  const nodes = new Map(evidence.nodes.map((n) => [n.id, n]));
  const edges = new Map(evidence.edges.map((e) => [e.id, e]));
  return {
    nodes: finding.nodeIds.flatMap((id) => nodes.get(id) ?? []),
    edges: finding.edgeIds.flatMap((id) => edges.get(id) ?? []),
  };
}

export function findingSpotlight(finding: Finding): Spotlight {
  return { source: 'finding', id: finding.id, nodeIds: new Set(finding.nodeIds), edgeIds: new Set(finding.edgeIds) };
}
