/**
 * LittleSis onto our model: its bulk files (`entities.json`, `relationships.json`, gzipped or not, as a
 * JSON array or JSON lines) and the JSON of its public API (`{data: ...}`). People and organisations
 * keep their LittleSis id as an identifier (`littlesis`), so a relationships file imported after the
 * entities file finds its ends in the graph, and a later import of either updates what the first wrote.
 * Every fact cites its LittleSis page; a relationship's own source documents, where the record lists
 * them, become Documents it cites as well. The mapping is documented in docs/import-formats.md.
 */
import type { EntityKind, ImportProblem, RelationshipType } from '../../../../schemas/index.js';
import { isAllowedEndpoint } from '../../../../schemas/index.js';
import { clip, KIND_PREFIX, shortHash } from '../ids.js';
import type { MappedImport } from '../mapped-import.js';
import { amountOf, citation, FactCollector, partialDate, text } from './collector.js';
import { identifierKey, type LookupIdentifiers } from './identity.js';
import { isObject, readJsonDocumentOrLines, type JsonRecord } from './json-records.js';

type Value = Record<string, unknown>;

export const LITTLESIS_DOCUMENT_ID = 'document:littlesis';

/** LittleSis relationship categories (`category_id`). */
export const LITTLESIS_CATEGORIES: Record<number, string> = {
  1: 'position',
  2: 'education',
  3: 'membership',
  4: 'family',
  5: 'donation',
  6: 'transaction',
  7: 'lobbying',
  8: 'social',
  9: 'professional',
  10: 'ownership',
  11: 'hierarchy',
  12: 'generic',
};

export interface LsRecord {
  attributes: Value;
  self?: string;
  line?: number;
  index: number;
}

export async function mapLittleSis(text_: string, fileName: string, lookup: LookupIdentifiers): Promise<MappedImport> {
  const { documents, problems } = readJsonDocumentOrLines(text_);
  const mapper = new LittleSisMapper(fileName, lookup);
  return mapper.map(documents.flatMap(recordsOf), problems);
}

/**
 * Maps LittleSis records one chunk at a time (a bulk file streamed, see littlesis-stream.ts), keeping
 * across chunks only what a later chunk needs: each entity's LittleSis id with our id and kind (so a
 * relationship finds ends an earlier chunk brought, even in a dry run where nothing was written) and
 * which Documents were already given. A whole file is one chunk.
 */
export class LittleSisMapper {
  /** LittleSis entity id -> our id and kind, for every entity seen or looked up so far. */
  private readonly ours = new Map<string, { id: string; kind: EntityKind }>();
  /** Documents an earlier chunk carried: later chunks cite them without repeating them. */
  private readonly documents = new Set<string>();

  constructor(
    private readonly fileName: string,
    private readonly lookup: LookupIdentifiers,
  ) {}

  async map(records: readonly LsRecord[], problems: readonly ImportProblem[] = []): Promise<MappedImport> {
    const out = new FactCollector(this.fileName);
    for (const p of problems) out.problem(p);
    const entityRecords = records.filter((r) => r.attributes.entity1_id === undefined);
    const relationshipRecords = records.filter((r) => r.attributes.entity1_id !== undefined);
    const ours = this.ours;

    this.document(out, {
      id: LITTLESIS_DOCUMENT_ID,
      kind: 'Document',
      name: 'LittleSis',
      title: 'LittleSis: a database of who-knows-who at the heights of business and government',
      publisher: 'Public Accountability Initiative',
      url: 'https://littlesis.org',
      description: 'Entities and relationships from LittleSis (data CC BY-SA); each fact cites its LittleSis page.',
    });

    // ---- entities: our id from the LittleSis id and the kind its types say
    for (const r of entityRecords) {
      const entity = entityOf(r, out);
      if (entity) {
        out.entity(entity, r.line);
        ours.set(String(r.attributes.id), { id: entity.id as string, kind: entity.kind as EntityKind });
      }
    }

    // ---- ends not in the file: entities an earlier import brought, by their LittleSis id
    const missing = new Set<string>();
    for (const r of relationshipRecords)
      for (const key of ['entity1_id', 'entity2_id']) {
        const id = text(r.attributes[key]);
        if (id && !ours.has(id)) missing.add(id);
      }
    if (missing.size > 0) {
      const found = await this.lookup([...missing].map((value) => ({ scheme: 'littlesis', value })));
      for (const id of missing) {
        const known = found.get(identifierKey('littlesis', id));
        if (known) ours.set(id, known);
      }
    }

    for (const r of relationshipRecords) relationshipOf(r, ours, out, (doc) => this.document(out, doc, r.line));
    return out.result(LITTLESIS_DOCUMENT_ID);
  }

  /** A Document once per import: the first chunk that needs it carries it. */
  private document(out: FactCollector, doc: Value & { id: string }, line?: number): void {
    if (this.documents.has(doc.id)) return;
    this.documents.add(doc.id);
    out.entity(doc, line);
  }
}

/** The records of one document or line: a bulk array, an API answer (`data`, `included`) or one record. */
export function recordsOf(doc: JsonRecord): LsRecord[] {
  const items: unknown[] = [];
  const value = doc.value;
  if (Array.isArray(value)) items.push(...value);
  else if (isObject(value) && ('data' in value || 'included' in value)) {
    const data = value.data;
    if (Array.isArray(data)) items.push(...data);
    else if (data !== undefined) items.push(data);
    if (Array.isArray(value.included)) items.push(...value.included);
  } else items.push(value);
  return items.filter(isObject).map((item, i) => {
    const attributes = isObject(item.attributes) ? { ...item.attributes } : { ...item };
    if (attributes.id === undefined && item.id !== undefined) attributes.id = item.id;
    const links = isObject(item.links) ? item.links : undefined;
    const self = text(links?.self) ?? text(item.self);
    return { attributes, ...(self ? { self } : {}), ...(doc.line ? { line: doc.line } : {}), index: doc.index + i };
  });
}

/** Where a record is, for warnings and problems: its line, or its place in the document. */
function where(r: LsRecord): string {
  return r.line ? `line ${r.line}` : `record ${r.index + 1}`;
}

function kindOf(a: Value): EntityKind {
  if (a.primary_ext === 'Person') return 'Person';
  const types = Array.isArray(a.types) ? (a.types as unknown[]).map(String) : [];
  return types.some((t) => /government body/i.test(t)) ? 'PublicBody' : 'Organization';
}

function entityOf(r: LsRecord, out: FactCollector): Value | undefined {
  const a = r.attributes;
  const lsId = text(a.id);
  const name = text(a.name);
  if (!lsId || !/^\d+$/.test(lsId)) {
    out.problem({
      ...(r.line ? { line: r.line } : {}),
      field: 'id',
      message: `${where(r)}: a LittleSis entity needs its numeric id`,
    });
    return undefined;
  }
  if (!name) {
    out.problem({
      ...(r.line ? { line: r.line } : {}),
      field: 'name',
      message: `${where(r)}: LittleSis entity ${lsId} has no name`,
    });
    return undefined;
  }
  const kind = kindOf(a);
  const types = Array.isArray(a.types) ? (a.types as unknown[]).map(String) : [];
  const page = `https://littlesis.org/entities/${lsId}`;
  const blurb = text(a.blurb);
  const description = [blurb, text(a.summary), types.length ? `LittleSis types: ${types.join(', ')}` : undefined]
    .filter(Boolean)
    .join('\n\n');
  const identifiers = [{ scheme: 'littlesis', value: lsId }];
  const extensions = isObject(a.extensions) ? a.extensions : {};
  const company = isObject(extensions.PublicCompany) ? extensions.PublicCompany : {};
  const cik = text(company.sec_cik);
  if (cik) identifiers.push({ scheme: 'sec-cik', value: cik });
  const aliases = (Array.isArray(a.aliases) ? (a.aliases as unknown[]) : [])
    .map((x) => text(x))
    .filter((x): x is string => !!x && x !== name)
    .map((x) => clip(x, 300));
  const dates =
    kind === 'Person'
      ? { birthDate: partialDate(a.start_date), deathDate: partialDate(a.end_date) }
      : { start: partialDate(a.start_date), end: partialDate(a.end_date) };
  return {
    id: `${KIND_PREFIX[kind]}:littlesis-${lsId}`,
    kind,
    name: clip(name, 300),
    aliases,
    ...(description ? { description: clip(description, 4000) } : {}),
    identifiers,
    ...dates,
    ...(types.some((t) => /political party/i.test(t)) ? { topics: ['pol.party'] } : {}),
    status: 'reported',
    citations: [citation(LITTLESIS_DOCUMENT_ID, page, [name, blurb].filter(Boolean).join(': '))],
  };
}

/** A LittleSis category and the ends' kinds -> our type and its fields. */
function typeOf(category: string, a: Value, from: EntityKind, to: EntityKind): { type: RelationshipType; fields: Value } {
  const d1 = text(a.description1);
  const d2 = text(a.description2);
  const money = () => {
    const amount = amountOf(a.amount);
    return amount !== undefined && amount >= 0 ? { amount, currency: (text(a.currency) ?? 'usd').toUpperCase() } : {};
  };
  const words = (label: string) => [label, d1, d2].filter(Boolean).join(': ').slice(0, 300);
  switch (category) {
    case 'position':
      if (from === 'Person' && to === 'Organization' && (a.is_board === true || /board|director|trustee/i.test(d1 ?? '')))
        return { type: 'SITS_ON_BOARD', fields: d1 ? { seat: clip(d1, 300) } : {} };
      return { type: 'HOLDS_POSITION', fields: d1 ? { role: clip(d1, 300) } : {} };
    case 'membership':
      return { type: 'MEMBER_OF', fields: d1 ? { role: clip(d1, 300) } : {} };
    case 'family':
      return { type: 'FAMILY_OF', fields: d1 ? { relation: clip(d1, 300) } : {} };
    case 'donation':
      return { type: 'PAID', fields: { paymentKind: 'donation', ...money(), ...(d1 ? { purpose: clip(d1, 2000) } : {}) } };
    case 'lobbying':
      return { type: 'LOBBIES', fields: { onBehalfOf: [], ...money(), ...(d1 ? { issue: clip(d1, 2000) } : {}) } };
    case 'social':
    case 'professional':
      return { type: 'ASSOCIATE_OF', fields: { relation: words(category) } };
    case 'ownership': {
      const percentage = amountOf(a.percent_stake);
      const shares = amountOf(a.shares);
      return {
        type: 'OWNS',
        fields: {
          ...(percentage !== undefined && percentage >= 0 && percentage <= 100 ? { percentage } : {}),
          ...(shares !== undefined && shares >= 0 ? { sharesCount: shares } : {}),
          ...(d1 ? { ownershipType: clip(d1, 300) } : {}),
        },
      };
    }
    case 'hierarchy':
      return { type: 'PART_OF', fields: {} };
    case 'generic':
      return { type: 'LINKED_TO', fields: { relation: [d1, d2].filter(Boolean).join(': ').slice(0, 300) || 'generic' } };
    default:
      // education, transaction (LittleSis does not say who paid whom): a tie in words.
      return { type: 'LINKED_TO', fields: { relation: words(category) } };
  }
}

function relationshipOf(
  r: LsRecord,
  ours: ReadonlyMap<string, { id: string; kind: EntityKind }>,
  out: FactCollector,
  addDocument: (doc: Value & { id: string }) => void,
): void {
  const a = r.attributes;
  const lsId = text(a.id);
  const category = LITTLESIS_CATEGORIES[Number(a.category_id)];
  if (!lsId || !/^\d+$/.test(lsId)) {
    out.problem({
      ...(r.line ? { line: r.line } : {}),
      field: 'id',
      message: `${where(r)}: a LittleSis relationship needs its numeric id`,
    });
    return;
  }
  if (!category) {
    out.problem({
      ...(r.line ? { line: r.line } : {}),
      field: 'category_id',
      message: `${where(r)}: relationship ${lsId} has category ${String(a.category_id)}, not one of LittleSis's 1-12`,
    });
    return;
  }
  const source = ours.get(String(a.entity1_id));
  const target = ours.get(String(a.entity2_id));
  if (!source || !target) {
    out.skipped += 1;
    out.warn(
      `${where(r)}: relationship ${lsId} skipped: LittleSis entity ${String(source ? a.entity2_id : a.entity1_id)} is neither in this file nor in the graph (import entities.json first)`,
      r.line,
    );
    return;
  }
  let mapped = typeOf(category, a, source.kind, target.kind);
  if (!isAllowedEndpoint(mapped.type, source.kind, target.kind)) {
    mapped = {
      type: 'LINKED_TO',
      fields: { relation: [category, text(a.description1)].filter(Boolean).join(': ').slice(0, 300) },
    };
    if (!isAllowedEndpoint('LINKED_TO', source.kind, target.kind)) return;
  }
  const page = `https://littlesis.org/relationships/${lsId}`;
  const said =
    text(a.description) ??
    [
      text(a.entity1_name) ?? `entity ${String(a.entity1_id)}`,
      category,
      text(a.entity2_name) ?? `entity ${String(a.entity2_id)}`,
    ].join(' – ');
  const amountNote =
    a.amount !== undefined && a.amount !== null ? ` (amount ${String(a.amount)} ${text(a.currency) ?? 'usd'})` : '';
  const citations = [citation(LITTLESIS_DOCUMENT_ID, page, `${said}${amountNote}`)];
  // The relationship's own sources, where the record lists them (the API's `references`/`documents`).
  for (const ref of sourceDocuments(a)) {
    const documentId = `document:url-${shortHash(ref.url, 16)}`;
    addDocument({
      id: documentId,
      kind: 'Document',
      name: clip(ref.name ?? ref.url, 300),
      title: clip(ref.name ?? ref.url, 500),
      url: ref.url,
    });
    citations.push(citation(documentId, ref.url, said));
  }
  const current = a.is_current === true ? true : a.is_current === false ? false : undefined;
  out.relationship(
    {
      id: `rel:littlesis-${lsId}`,
      type: mapped.type,
      source: source.id,
      target: target.id,
      ...mapped.fields,
      start: partialDate(a.start_date),
      end: partialDate(a.end_date),
      ...(current !== undefined ? { current } : {}),
      status: 'reported',
      citations,
    },
    r.line,
  );
}

function sourceDocuments(a: Value): { url: string; name?: string }[] {
  const list = [...(Array.isArray(a.references) ? a.references : []), ...(Array.isArray(a.documents) ? a.documents : [])];
  const result: { url: string; name?: string }[] = [];
  for (const item of list) {
    const ref = isObject(item) && isObject(item.attributes) ? item.attributes : item;
    if (!isObject(ref)) continue;
    const url = text(ref.url);
    if (!url || !/^https?:\/\//i.test(url) || url.length > 2000) continue;
    const name = text(ref.name) ?? text(ref.title);
    result.push({ url, ...(name ? { name } : {}) });
  }
  return result.slice(0, 20);
}
