/**
 * Turns the rows a pattern returns into findings. Every pattern returns the same columns (see
 * cypher/patterns/README.md): `key` (ids that make the finding), `evidence` (paths), `timed` (facts that
 * must have held at the same time) and `facts` (values for the title and explanation). Rows with the
 * same key are one finding with the union of their evidence.
 */
import { createHash } from 'node:crypto';
import type { Citation, Finding, FindingQualifier, GraphEdge, GraphNode, Language } from '../../../schemas/index.js';
import { localName } from '../../../schemas/language.js';
import { localRole } from '../../../schemas/graph.js';
import { toGraphEdge, toGraphNode } from '../../db/mapping.js';
import type { PatternDefinition } from './pattern-files.js';
import { heldOn, overlap, type Dated } from './period.js';
import { STEPS_PER_PAUSE, untilDone, type Sliced } from '../sliced.js';
import { renderTemplate } from './template.js';

/** The parts of driver values we read (Node, Relationship, Path), kept structural for testing. */
export interface RawNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface RawRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}
export interface RawPath {
  start: RawNode;
  segments: { start: RawNode; relationship: RawRelationship; end: RawNode }[];
}
/** A span a pattern computed itself, e.g. from the earliest to the latest of several contracts. */
export type RawSpan = Dated;

export interface PatternRow {
  key: string[];
  evidence: RawPath[];
  timed: (RawNode | RawRelationship | RawSpan)[];
  facts: Record<string, unknown>;
}

const datedOf = (t: RawNode | RawRelationship | RawSpan): Dated =>
  'properties' in t && typeof t.properties === 'object' ? (t.properties as Dated) : (t as Dated);

export interface FindingsResult {
  findings: Finding[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function findingId(pattern: string, key: readonly string[]): string {
  return `${pattern}:${createHash('sha256').update(key.join('\n')).digest('hex').slice(0, 16)}`;
}

const kindOf = (node: RawNode) => node.labels.find((l) => l !== 'Entity') ?? 'Entity';

/** The dated existence (incorporation to dissolution) of the organisations and public bodies in the evidence. */
export function lifetimes(paths: readonly RawPath[]): Dated[] {
  const seen = new Map<string, Dated>();
  for (const node of paths.flatMap((p) => [p.start, ...p.segments.map((s) => s.end)])) {
    const kind = kindOf(node);
    const { start, end } = node.properties;
    if ((kind === 'Organization' || kind === 'PublicBody') && (typeof start === 'string' || typeof end === 'string'))
      seen.set(node.elementId, { start, end });
  }
  return [...seen.values()];
}

/**
 * Graph JSON of the nodes and relationships rows name, made once per element: over the whole graph the
 * same person or company is in thousands of rows, and mapping its stored properties each time was a
 * large part of a full recomputation.
 */
class EvidenceCache {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(node: RawNode): GraphNode {
    let graphNode = this.nodes.get(node.elementId);
    if (!graphNode) {
      graphNode = toGraphNode({ ...node.properties, kind: kindOf(node) });
      this.nodes.set(node.elementId, graphNode);
    }
    return graphNode;
  }

  /** A relationship whose ends have been mapped by `node` already. */
  edge(relationship: RawRelationship): GraphEdge {
    let edge = this.edges.get(relationship.elementId);
    if (!edge) {
      edge = toGraphEdge({
        ...relationship.properties,
        type: relationship.type,
        source: this.nodes.get(relationship.startNodeElementId)?.id,
        target: this.nodes.get(relationship.endNodeElementId)?.id,
      });
      this.edges.set(relationship.elementId, edge);
    }
    return edge;
  }
}

function evidenceGraph(paths: readonly RawPath[], cache: EvidenceCache): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  for (const path of paths) {
    const start = cache.node(path.start);
    nodes.set(start.id, start);
    for (const segment of path.segments) {
      for (const end of [cache.node(segment.start), cache.node(segment.end)]) nodes.set(end.id, end);
    }
  }
  const edges = new Map<string, GraphEdge>();
  for (const { relationship } of paths.flatMap((p) => p.segments)) {
    const edge = cache.edge(relationship);
    edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function qualifiersOf(edges: readonly GraphEdge[], datesUnknown: boolean): FindingQualifier[] {
  const qualifiers: FindingQualifier[] = [];
  if (datesUnknown) qualifiers.push('dates-unknown');
  if (edges.some((e) => e.status === 'inferred')) qualifiers.push('relies-on-inferred-link');
  if (edges.some((e) => e.status === 'alleged')) qualifiers.push('relies-on-alleged-link');
  const documents = new Set(edges.flatMap((e) => e.citations.map((c) => c.documentId)));
  if (documents.size === 1) qualifiers.push('single-source');
  return qualifiers;
}

function citationsOf(edges: readonly GraphEdge[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const c of edges.flatMap((e) => e.citations)) seen.set(`${c.documentId}\n${c.locator}\n${c.quote}`, c);
  return [...seen.values()];
}

/** Facts from several rows of one finding: a value all rows agree on stays single, others become lists. */
function mergeFacts(rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const name of new Set(rows.flatMap((r) => Object.keys(r)))) {
    const values = [
      ...new Set(
        rows
          .map((r) => r[name])
          .filter((v) => v !== null && v !== undefined)
          .map((v) => JSON.stringify(v)),
      ),
    ].map((v) => JSON.parse(v) as unknown);
    merged[name] = values.length <= 1 ? values[0] : values.flat();
  }
  return merged;
}

/** Relationship types as words inside a sentence, per language (the page's legend has the same words). */
export const TYPE_WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: {},
  es: {
    HOLDS_POSITION: 'ocupa un cargo en',
    SITS_ON_BOARD: 'forma parte del consejo de',
    MEMBER_OF: 'es miembro de',
    SUBSIDIARY_OF: 'es filial de',
    PART_OF: 'forma parte de',
    OPERATES: 'opera',
    SUPPLIES_DATA_TO: 'suministra datos a',
    BUYER_OF: 'es comprador de',
    AWARDED_TO: 'adjudicado a',
    RESTRICTS: 'impone restricciones a',
    PUBLISHED: 'publicó',
    QUOTED_IN: 'citado en',
    MENTIONS: 'menciona a',
    OWNS: 'es propietario de',
    SUCCEEDED_BY: 'le sucede',
    PAID: 'pagó a',
    FAMILY_OF: 'es familiar de',
    ASSOCIATE_OF: 'es allegado de',
    REPRESENTS: 'representa a',
    LOBBIES: 'hace lobby ante',
    SANCTIONED_BY: 'sancionado por',
    LINKED_TO: 'vinculado a',
  },
  ar: {
    HOLDS_POSITION: 'يشغل منصبًا في',
    SITS_ON_BOARD: 'عضو في مجلس إدارة',
    MEMBER_OF: 'عضو في',
    SUBSIDIARY_OF: 'شركة تابعة لـ',
    PART_OF: 'جزء من',
    OPERATES: 'يشغّل',
    SUPPLIES_DATA_TO: 'يزوّد بالبيانات',
    BUYER_OF: 'مشترٍ لـ',
    AWARDED_TO: 'مُنح إلى',
    RESTRICTS: 'يقيّد',
    PUBLISHED: 'نشر',
    QUOTED_IN: 'مقتبس في',
    MENTIONS: 'يذكر',
    OWNS: 'يملك',
    SUCCEEDED_BY: 'خلفه',
    PAID: 'دفع إلى',
    FAMILY_OF: 'قريب',
    ASSOCIATE_OF: 'مقرّب من',
    REPRESENTS: 'يمثّل',
    LOBBIES: 'يضغط على',
    SANCTIONED_BY: 'خاضع لعقوبات',
    LINKED_TO: 'مرتبط بـ',
  },
};

const INFERRED: Readonly<Record<Language, (link: string, reason: string | null) => string>> = {
  en: (link, reason) => ` The link "${link}" is inferred, not stated: ${reason ?? 'no reason recorded'}`,
  es: (link, reason) => ` El vínculo «${link}» es una inferencia, no lo afirma una fuente: ${reason ?? 'sin motivo registrado'}`,
  ar: (link, reason) => ` الصلة «${link}» مستنتجة ولا يذكرها مصدر صراحةً: ${reason ?? 'لم يُسجَّل سبب'}`,
};

/** U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE: a name of either direction inside a sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

function inferenceNotes(edges: readonly GraphEdge[], names: ReadonlyMap<string, string>, language: Language): string {
  // In the order of the edges' ids, so the notes read the same whatever order the evidence came in.
  return [...edges]
    .filter((e) => e.status === 'inferred')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((e) => {
      const verb = TYPE_WORDS[language][e.type] ?? e.type.toLowerCase().replaceAll('_', ' ');
      const link = `${names.get(e.source) ?? e.source} ${verb} ${names.get(e.target) ?? e.target}`;
      // The reason is the researchers' own text, kept as written.
      // (isolated inside a sentence of another language, so its direction cannot reorder the sentence).
      const reason = typeof e.inferredFrom !== 'string' ? null : language === 'en' ? e.inferredFrom : isolate(e.inferredFrom);
      return INFERRED[language](link, reason);
    })
    .join('');
}

/**
 * Facts name entities by their canonical name; a reader gets each entity under its name in their
 * language (the same alias the canvas shows), wherever a fact holds exactly that name.
 */
function localiseNames(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => localiseNames(v, names));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'kind' ? v : localiseNames(v, names)]));
  return value;
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2, info: 3 } as const;

const collator = new Intl.Collator('en');

export function bySeverityThenTitle(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || collator.compare(a.title, b.title);
}

/**
 * What a finding rests on, before any `asOf`: every row of it (its dated facts, its overlap, the ids of
 * its evidence and its facts) and the evidence subgraph. This is what is stored (services/findings/), so
 * a stored finding answers `asOf` exactly as a freshly computed one.
 */
export interface FindingRecord {
  id: string;
  pattern: string;
  /** The ids the pattern made the finding from (its rows' `key`). */
  key: string[];
  rows: {
    timed: Dated[];
    overlap: ReturnType<typeof overlap>;
    nodeIds: string[];
    edgeIds: string[];
    facts: Record<string, unknown>;
  }[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The dates of a fact, without the ones it lacks (absent or null mean the same to period.ts). */
const datedFields = (d: Dated): Dated => {
  const dated: Dated = {};
  for (const field of ['start', 'end', 'current', 'signedOn'] as const) if (d[field] != null) dated[field] = d[field];
  return dated;
};

/** Whether the record's evidence shows the entity (what a finding "about" an entity means). */
export function recordShows(record: FindingRecord, entity: string): boolean {
  return record.nodes.some((n) => n.id === entity);
}

/** Rows of one pattern grouped into finding records; rows whose facts never held at the same time are dropped. */
export function findingRecords(pattern: PatternDefinition, rows: Iterable<PatternRow>): FindingRecord[] {
  return untilDone(findingRecordsSteps(pattern, rows));
}

/**
 * `findingRecords` as work that pauses every few hundred rows (sliced.ts): a whole-graph pattern at 1M
 * relationships returns hundreds of thousands of rows, seconds of grouping on the server's one thread.
 */
export function* findingRecordsSteps(pattern: PatternDefinition, rows: Iterable<PatternRow>): Sliced<FindingRecord[]> {
  const records = new Map<string, FindingRecord>();
  const cache = new EvidenceCache();
  // The ids already in each record's evidence (a finding over the whole graph can have thousands of rows).
  const known = new Map<string, { nodes: Set<string>; edges: Set<string> }>();
  let read = 0;
  for (const row of rows) {
    if (++read % STEPS_PER_PAUSE === 0) yield;
    const timed = row.timed.map(datedOf);
    // An organisation's own period bounds the facts about it: nothing held before it existed or after it was dissolved.
    const o = overlap(timed.length > 0 ? [...timed, ...lifetimes(row.evidence)] : timed);
    if (!o.possible) continue; // these facts never held at the same time: not a conflict
    const id = findingId(pattern.id, row.key);
    const record = records.get(id) ?? { id, pattern: pattern.id, key: row.key, rows: [], nodes: [], edges: [] };
    const { nodes, edges } = evidenceGraph(row.evidence, cache);
    record.rows.push({
      timed: timed.map(datedFields),
      overlap: o,
      nodeIds: nodes.map((n) => n.id),
      edgeIds: edges.map((e) => e.id),
      facts: row.facts,
    });
    const seen = known.get(id) ?? { nodes: new Set<string>(), edges: new Set<string>() };
    for (const n of nodes) {
      if (seen.nodes.has(n.id)) continue;
      seen.nodes.add(n.id);
      record.nodes.push(n);
    }
    for (const e of edges) {
      if (seen.edges.has(e.id)) continue;
      seen.edges.add(e.id);
      record.edges.push(e);
    }
    known.set(id, seen);
    records.set(id, record);
  }
  // Rows in a stable order, whatever order the query returned them in: a finding's title lists the values
  // of its rows (e.g. the people two boards share) in row order, and must read the same on every run.
  const rowKey = (row: FindingRecord['rows'][number]) => `${JSON.stringify(row.facts)}\n${row.nodeIds.join(',')}`;
  // Each row's key worked out once, not in every comparison (a hub's record has thousands of rows).
  for (const record of records.values()) {
    const keyed = record.rows.map((row) => ({ row, key: rowKey(row) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    record.rows = keyed.map(({ row }) => row);
    yield;
  }
  return [...records.values()];
}

/**
 * What a finding's texts are written from: the rows held on `asOf` (null when none did), the evidence
 * they name, and their facts merged, with names and roles in `language`.
 */
function findingParts(record: FindingRecord, asOf: string | undefined, language: Language) {
  const rows = asOf ? record.rows.filter((r) => heldOn(r.timed, asOf)) : record.rows;
  if (rows.length === 0) return null;
  const nodeIds = new Set(rows.flatMap((r) => r.nodeIds));
  const edgeIds = new Set(rows.flatMap((r) => r.edgeIds));
  const nodes = record.nodes.filter((n) => nodeIds.has(n.id));
  const edges = record.edges.filter((e) => edgeIds.has(e.id));
  const localNames = new Map(
    language === 'en' ? [] : nodes.map((n) => [n.name, localName(n, language)] as const).filter(([a, b]) => a !== b),
  );
  // A role, seat or other words of the evidence come in the reader's language where the data translates them.
  for (const edge of edges) {
    const words = localRole(edge, language);
    if (words?.translated) localNames.set(words.original, words.text);
  }
  const facts = localiseNames(mergeFacts(rows.map((r) => r.facts)), localNames) as Record<string, unknown>;
  return { rows, nodes, edges, facts };
}

/**
 * The finding a record makes, or null when none of its rows held on `asOf`. Its evidence, period, title
 * and citations come from the rows kept.
 */
export function findingOf(
  pattern: PatternDefinition,
  record: FindingRecord,
  asOf?: string,
  language: Language = 'en',
): { finding: Finding; nodes: GraphNode[]; edges: GraphEdge[] } | null {
  const parts = findingParts(record, asOf, language);
  if (!parts) return null;
  const { rows, nodes, edges, facts } = parts;
  const overlaps = rows.map((r) => r.overlap);
  const known = overlaps.filter((o) => !o.datesUnknown);
  const datesUnknown = known.length === 0;
  const periods = (known.length ? known : overlaps).map((o) => o.period);
  // Several rows are alternative evidence for one finding: its period spans theirs; an open end stays open.
  const froms = periods.map((p) => p.from);
  const tos = periods.map((p) => p.to);
  const from = froms.includes(null) ? null : ([...froms].sort()[0] ?? null);
  const to = tos.includes(null) ? null : ([...tos].sort().at(-1) ?? null);
  const texts = pattern.texts[language];
  const names = new Map(nodes.map((n) => [n.id, localName(n, language)]));
  const options = { language, phrases: texts.phrases };
  return {
    finding: {
      id: record.id,
      pattern: pattern.id,
      severity: pattern.severity,
      title: renderTemplate(texts.title, facts, options),
      explanation: renderTemplate(texts.explanation, facts, options) + inferenceNotes(edges, names, language),
      period: { from, to },
      qualifiers: qualifiersOf(edges, datesUnknown),
      nodeIds: nodes.map((n) => n.id),
      edgeIds: edges.map((e) => e.id),
      citations: citationsOf(edges),
    },
    nodes,
    edges,
  };
}

/**
 * The English title of the finding a record makes over all its rows (as `findingOf(pattern, record)`
 * writes it), without the rest of the finding: a full recomputation stores a title for every one of a
 * million findings, and only needs it to order them.
 */
export function findingTitle(pattern: PatternDefinition, record: FindingRecord): string | null {
  const parts = findingParts(record, undefined, 'en');
  if (!parts) return null;
  const texts = pattern.texts.en;
  return renderTemplate(texts.title, parts.facts, { language: 'en', phrases: texts.phrases });
}

export function buildFindings(
  pattern: PatternDefinition,
  rows: readonly PatternRow[],
  options: { asOf?: string | undefined; language?: Language | undefined } = {},
): FindingsResult {
  const allNodes = new Map<string, GraphNode>();
  const allEdges = new Map<string, GraphEdge>();
  const findings: Finding[] = [];
  for (const record of findingRecords(pattern, rows)) {
    const built = findingOf(pattern, record, options.asOf, options.language);
    if (!built) continue;
    for (const n of built.nodes) allNodes.set(n.id, n);
    for (const e of built.edges) allEdges.set(e.id, e);
    findings.push(built.finding);
  }
  findings.sort(bySeverityThenTitle);
  return { findings, nodes: [...allNodes.values()], edges: [...allEdges.values()] };
}
