/**
 * A snapshot as FollowTheMoney JSON lines that FtM tools accept as they are (Aleph, OpenSanctions'
 * tooling; a test reads every line with the Python `followthemoney` library), driven by the FtM model
 * and the table in vocabulary.ts:
 * - every entity is a line of its FtM schema (the one it was imported as, when it still fits: a Company
 *   stays a Company), every relationship a line of its own with its own id (a Payment stays a Payment);
 * - only properties the schema has are written, with values of the property's type; what FtM cannot
 *   hold (our statuses, a law's kind, free-text jurisdictions) travels in `summary` as an annotation,
 *   and every citation as a `Cited:` note with the cited Documents' URLs in `sourceUrl` (notes.ts);
 * - ids are the FtM ids things were imported with, else ours: importing the file again changes nothing.
 */
import type { Citation, Entity, Relationship } from '../../../schemas/index.js';
import { relationshipToStored } from '../../db/mapping.js';
import { allEntities, provenanceLine, type ExportInput } from '../exports/context.js';
import { shortHash } from '../imports/ids.js';
import {
  fitsProperty,
  hasProperty,
  isA,
  isConcrete,
  isFtmCountry,
  isFtmLanguage,
  isFtmTopic,
  propertiesOf,
  requiredOf,
} from './model.js';
import { FTM_ID, toFtmId } from './ids.js';
import { annotationNote, citationNote } from './notes.js';
import {
  ENTITY_FIELDS,
  kindOfSchema,
  LINK_OF_TYPE,
  linkImportOf,
  propertyOfScheme,
  REFERENCE_FIELDS,
  SCHEMA_OF_KIND,
  type LinkSpec,
} from './vocabulary.js';

export interface FtmLine {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
}

/** The fields every fact has that FtM has no property for. */
const FACT_ANNOTATIONS = ['status', 'inferredFrom', 'current'] as const;
/** What the line itself is (its id, schema and sources), never annotated. */
const STRUCTURE = new Set(['id', 'kind', 'citations', 'ftmId', 'ftmSchema']);
/** What a link line itself is; its dates and statuses have their own places. */
const LINK_STRUCTURE = new Set([...STRUCTURE, 'type', 'source', 'target', 'start', 'end', ...FACT_ANNOTATIONS]);

export function renderFtm(input: ExportInput): string {
  return ftmLines(input)
    .map((line) => JSON.stringify(line))
    .join('\n')
    .concat('\n');
}

export function ftmLines(input: ExportInput): FtmLine[] {
  const { snapshot, exportedAt } = input;
  const entities = allEntities(snapshot);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const used = new Set<string>();
  /** An entity's FtM id: the one it was imported with, else ours (each used once). */
  const lineIds = new Map<string, string>();
  for (const e of entities) {
    const wanted = e.ftmId && FTM_ID.test(e.ftmId) && !used.has(e.ftmId) ? e.ftmId : toFtmId(e.id);
    used.add(wanted);
    lineIds.set(e.id, wanted);
  }
  const ftmIdOf = (id: string) => lineIds.get(id) ?? toFtmId(id);

  const header: FtmLine = {
    id: `interlock-export-${snapshot.id}`,
    schema: 'Article',
    caption: snapshot.content.title,
    properties: {
      title: [snapshot.content.title],
      summary: [provenanceLine(input), annotationNote({ exportOf: snapshot.id, version: snapshot.version })],
      ...(snapshot.content.description ? { description: [snapshot.content.description] } : {}),
      publishedAt: [exportedAt.toISOString().slice(0, 10)],
      publisher: ['Interlock'],
    },
  };
  used.add(header.id);

  /** Citations as notes, plus the cited documents' URLs, publishers and (where the schema has it) ids. */
  const sources = (schema: string, citations: readonly Citation[]): Record<string, string[]> => {
    const docs = citations
      .map((c) => byId.get(c.documentId))
      .filter((d): d is Extract<Entity, { kind: 'Document' }> => d?.kind === 'Document');
    const props: Record<string, string[]> = {};
    const notes = citations.map((c) => citationNote({ document: ftmIdOf(c.documentId), locator: c.locator, quote: c.quote }));
    if (notes.length) props.summary = notes;
    const urls = unique(docs.flatMap((d) => (d.url ? [d.url] : [])));
    if (urls.length && hasProperty(schema, 'sourceUrl')) props.sourceUrl = urls;
    const publishers = unique(docs.flatMap((d) => (d.publisher ? [d.publisher] : [])));
    if (publishers.length && hasProperty(schema, 'publisher')) props.publisher = publishers;
    if (docs.length && hasProperty(schema, 'proof')) props.proof = unique(docs.map((d) => ftmIdOf(d.id)));
    return props;
  };

  const lines: FtmLine[] = [header];
  const rels = snapshot.content.relationships;
  const parents = groupEnds(rels, ['SUBSIDIARY_OF', 'PART_OF'], 'source');
  const buyers = groupEnds(rels, ['BUYER_OF'], 'target');
  // FtM owns only assets: an organisation someone holds a stake in is written as a Company.
  const owned = new Set(rels.flatMap((r) => (r.type === 'OWNS' ? [r.target] : r.type === 'SUBSIDIARY_OF' ? [r.source] : [])));
  const schemaOf = new Map(entities.map((e) => [e.id, entitySchema(e, owned.has(e.id))]));
  for (const entity of entities) {
    const { line, identifications } = entityLine(
      entity,
      schemaOf.get(entity.id) ?? SCHEMA_OF_KIND[entity.kind],
      ftmIdOf,
      sources,
      {
        parent: (parents.get(entity.id) ?? []).map(ftmIdOf),
        authority: (buyers.get(entity.id) ?? []).map(ftmIdOf),
      },
    );
    lines.push(line, ...identifications);
  }
  const context = { byId, schemaOf, ftmIdOf, sources };
  for (const line of linkLines(rels, context, used)) lines.push(line);
  return lines;
}

// ------------------------------------------------------------------ entities

function entityLine(
  entity: Entity,
  schema: string,
  ftmIdOf: (id: string) => string,
  sources: (schema: string, c: readonly Citation[]) => Record<string, string[]>,
  links: { parent: string[]; authority: string[] },
): { line: FtmLine; identifications: FtmLine[] } {
  const id = ftmIdOf(entity.id);
  const props = new Props(schema);
  const annotation: Record<string, unknown> = entity.kind === 'Law' || entity.kind === 'DataSystem' ? { kind: entity.kind } : {};
  const meant = entity.ftmSchema ?? SCHEMA_OF_KIND[entity.kind];
  if (schema !== meant) annotation.ftmSchema = meant;
  const record = entity as unknown as Record<string, unknown>;

  if (entity.kind === 'Document') {
    props.put('title', [entity.title]);
    props.put('name', [entity.name]);
  } else if (entity.kind === 'Contract' || entity.kind === 'Law') props.put('title', [entity.name]);
  else props.put('name', [entity.name]);
  props.put('alias', entity.aliases);
  if (entity.description) props.put('description', [entity.description]);

  const identifications: FtmLine[] = [];
  // A code longer than FtM's identifiers are is kept exactly in the annotation, with the others.
  if ((entity.identifiers ?? []).some((i) => !fitsProperty('Identification', 'number', i.value)))
    annotation.identifiers = entity.identifiers;
  for (const identifier of entity.identifiers ?? []) {
    const property = propertyOfScheme(schema, identifier.scheme);
    if (!fitsProperty('Identification', 'number', identifier.value)) continue;
    if (property) props.add(property, identifier.value);
    else
      identifications.push({
        id: `${id}-identification-${shortHash(`${identifier.scheme}\u0000${identifier.value}`, 12)}`,
        schema: 'Identification',
        properties: { holder: [id], number: [identifier.value], type: [identifier.scheme] },
      });
  }

  const written = new Set(['name', 'aliases', 'description', 'title', 'identifiers']);
  for (const field of ENTITY_FIELDS) {
    const value = record[field.field];
    if (!field.kinds.includes(entity.kind) || value === undefined || written.has(field.field)) continue;
    const property = field.ftm.find((p) => hasProperty(schema, p));
    const values = (Array.isArray(value) ? value : [value]).map(String);
    const kind = field.kind === 'text' && field.field === 'jurisdiction' ? 'countries' : field.kind;
    const valid = values.every((v) => validFor(kind, v) && fitsProperty(schema, property ?? '', v));
    if (property && valid) {
      props.put(property, values);
      written.add(field.field);
    }
  }
  if (links.parent.length && hasProperty(schema, 'parent')) props.put('parent', links.parent);
  if (links.authority.length && hasProperty(schema, 'authority')) props.put('authority', links.authority);

  // What the line could not say travels in the annotation: statuses, periods FtM has no property
  // for, values FtM would not accept (a jurisdiction in words, a two-letter language), merged ids.
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || written.has(key) || STRUCTURE.has(key)) continue;
    if ((key === 'status' && value === 'reported') || (Array.isArray(value) && value.length === 0)) continue;
    annotation[key] = value;
  }

  const noted = sources(schema, entity.citations);
  const summary = [...(noted.summary ?? []), ...(Object.keys(annotation).length ? [annotationNote(annotation)] : [])];
  for (const [key, values] of Object.entries(noted))
    if (key !== 'summary' && !(entity.kind === 'Document' && key === 'sourceUrl')) props.add(key, ...values);
  if (summary.length) props.put('summary', summary);
  return { line: { id, schema, caption: entity.name, properties: props.values }, identifications };
}

/**
 * The schema an entity is written as: the FtM schema it came from if that still means its kind, else
 * ours; an organisation owned by someone must be an asset for FtM, so a Company.
 */
function entitySchema(entity: Entity, owned: boolean): string {
  const wanted = entity.ftmSchema;
  const fits = (s: string) => isConcrete(s) && kindOfSchema(s) === entity.kind && requiredOf(s).every((p) => canFill(entity, p));
  const schema = wanted && fits(wanted) ? wanted : SCHEMA_OF_KIND[entity.kind];
  return owned && entity.kind === 'Organization' && !isA(schema, 'Asset') ? 'Company' : schema;
}

/** Whether an entity has a value for an FtM property a schema requires. */
function canFill(entity: Entity, property: string): boolean {
  if (property === 'name') return true;
  if (property === 'title') return entity.kind === 'Contract' || entity.kind === 'Document' || entity.kind === 'Law';
  return false;
}

// ------------------------------------------------------------------ links

interface LinkContext {
  byId: ReadonlyMap<string, Entity>;
  /** The schema each entity's line is written as. */
  schemaOf: ReadonlyMap<string, string>;
  ftmIdOf: (id: string) => string;
  sources: (schema: string, c: readonly Citation[]) => Record<string, string[]>;
}

function linkLines(relationships: readonly Relationship[], context: LinkContext, used: Set<string>): FtmLine[] {
  const lines: FtmLine[] = [];
  // Relationships read from one FtM line with several parties (a payment to two beneficiaries) are
  // written back as that one line when they still make it up exactly.
  const groups = new Map<string, Relationship[]>();
  for (const rel of relationships) {
    const key = rel.ftmId ? `${rel.type}\u0000${rel.ftmId}` : `\u0000${rel.id}`;
    groups.set(key, [...(groups.get(key) ?? []), rel]);
  }
  const ftmIdCount = new Map<string, number>();
  for (const rel of relationships) if (rel.ftmId) ftmIdCount.set(rel.ftmId, (ftmIdCount.get(rel.ftmId) ?? 0) + 1);
  const lineId = (rels: Relationship[]) => {
    const first = rels[0] as Relationship;
    const ftmId = first.ftmId;
    const whole = ftmId !== undefined && ftmIdCount.get(ftmId) === rels.length && FTM_ID.test(ftmId) && !used.has(ftmId);
    const id = whole ? ftmId : toFtmId(first.id);
    used.add(id);
    return id;
  };
  for (const rels of groups.values()) {
    const together = rels.length > 1 && formsOneLine(rels);
    for (const part of together ? [rels] : rels.map((r) => [r])) {
      const line = linkLine(part, context);
      if (line) lines.push({ ...line, id: lineId(part) });
    }
  }
  return lines;
}

/** Same facts, and every source paired with every target: one FtM line with several values reads back as these. */
function formsOneLine(rels: readonly Relationship[]): boolean {
  const facts = (r: Relationship) => {
    const { properties } = relationshipToStored({ ...r, id: '' } as Relationship);
    return JSON.stringify(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  const sources = unique(rels.map((r) => r.source));
  const targets = unique(rels.map((r) => r.target));
  const pairs = new Set(rels.map((r) => `${r.source}>${r.target}`));
  return new Set(rels.map(facts)).size === 1 && pairs.size === rels.length && sources.length * targets.length === rels.length;
}

function linkLine(rels: readonly Relationship[], context: LinkContext): Omit<FtmLine, 'id'> | undefined {
  const { byId, ftmIdOf, sources } = context;
  const rel = rels[0] as Relationship;
  const record = rel as unknown as Record<string, unknown>;
  const sourceIds = unique(rels.map((r) => ftmIdOf(r.source)));
  const targetIds = unique(rels.map((r) => ftmIdOf(r.target)));
  const annotation: Record<string, unknown> = {};
  const written = new Set<string>();
  let schema: string;
  let p: Props;

  if (rel.type === 'SANCTIONED_BY') {
    schema = 'Sanction';
    p = new Props(schema);
    const authorities = unique(rels.map((r) => r.target)).map((id) => byId.get(id));
    p.put('entity', sourceIds);
    p.put(
      'authority',
      authorities.map((a, i) => a?.name ?? targetIds[i] ?? ''),
    );
    const countries = unique(authorities.flatMap((a) => (a && 'country' in a ? (a.country ?? []) : [])).filter(isFtmCountry));
    if (countries.length) p.put('country', countries);
    for (const field of ['program', 'reason', 'provisions', 'listingDate'] as const) {
      const value = rel[field];
      if (value === undefined) continue;
      // Longer than FtM takes (a listing's measures run to pages): kept exactly in the annotation.
      if (fitsProperty(schema, field, String(value))) {
        p.put(field, [String(value)]);
        written.add(field);
      } else annotation[field] = value;
    }
    annotation.authority = targetIds;
    p.put('startDate', rel.start ? [rel.start] : []);
    p.put('endDate', rel.end ? [rel.end] : []);
  } else {
    const spec = linkSpecFor(rel, context);
    schema = spec.schema;
    p = new Props(schema);
    p.put(spec.source, sourceIds);
    p.put(spec.target, targetIds);
    for (const [field, { ftm }] of Object.entries(spec.fields ?? {})) {
      const value = record[field];
      if (value === undefined || !fitsProperty(schema, ftm, String(value))) continue;
      p.put(ftm, [String(value)]);
      written.add(field);
    }
    if (spec.role && !p.has('role') && hasProperty(schema, 'role')) p.put('role', [spec.role]);
    if (spec.marked) annotation.type = rel.type;
    const meant = rel.ftmSchema ?? LINK_OF_TYPE[rel.type as keyof typeof LINK_OF_TYPE].schema;
    if (schema !== meant) annotation.ftmSchema = meant;
    // The type's own fields FtM could not take (all of them, when the link had to become an UnknownLink).
    for (const [field, value] of Object.entries(record)) {
      if (value === undefined || written.has(field) || LINK_STRUCTURE.has(field) || (Array.isArray(value) && value.length === 0))
        continue;
      if (field === 'paymentKind' && value === 'payment') continue;
      annotation[field] = REFERENCE_FIELDS.has(field) && Array.isArray(value) ? value.map((id) => ftmIdOf(String(id))) : value;
    }
    // A payment on one day is FtM's `date`; a period is `startDate`/`endDate`.
    if (rel.type === 'PAID' && !rel.end && rel.start && hasProperty(schema, 'date')) p.put('date', [rel.start]);
    else {
      if (rel.start) p.put('startDate', [rel.start]);
      if (rel.end) p.put('endDate', [rel.end]);
    }
  }
  for (const key of FACT_ANNOTATIONS) {
    const value = record[key];
    if (value !== undefined && !(key === 'status' && value === 'reported')) annotation[key] = value;
  }
  const noted = sources(schema, rel.citations);
  for (const [key, values] of Object.entries(noted)) if (key !== 'summary') p.add(key, ...values);
  const summary = [...(noted.summary ?? []), ...(Object.keys(annotation).length ? [annotationNote(annotation)] : [])];
  if (summary.length) p.put('summary', summary);
  return { schema, properties: p.values };
}

/**
 * The FtM link a relationship is written as: the schema it was read from, if it still fits, else ours;
 * and when FtM's schema would refuse one of its ends (an Associate that is a company), an UnknownLink
 * whose annotation says what it is.
 */
function linkSpecFor(rel: Relationship, context: LinkContext): LinkSpec {
  const ours = LINK_OF_TYPE[rel.type as keyof typeof LINK_OF_TYPE];
  const wanted = rel.ftmSchema ? linkImportOf(rel.ftmSchema) : undefined;
  const [source, target] = [context.byId.get(rel.source)?.kind, context.byId.get(rel.target)?.kind];
  const record = rel as unknown as Record<string, unknown>;
  const endsFit = (spec: LinkSpec) =>
    [
      [spec.source, rel.source],
      [spec.target, rel.target],
    ].every(([prop, id]) => {
      const range = propertiesOf(spec.schema).get(prop as string)?.range;
      return range === undefined || isA(context.schemaOf.get(id as string) ?? '', range);
    });
  if (wanted && rel.ftmSchema && isConcrete(rel.ftmSchema) && source && target) {
    const type = typeof wanted.type === 'function' ? wanted.type(source, target) : wanted.type;
    const fields = ours.fields ?? {};
    const fits = Object.entries(fields).every(
      ([field, { ftm }]) => record[field] === undefined || hasProperty(rel.ftmSchema as string, ftm),
    );
    const spec: LinkSpec = { schema: rel.ftmSchema, source: wanted.source, target: wanted.target, fields };
    if (type === rel.type && fits && endsFit(spec)) return spec;
  }
  if (endsFit(ours)) return ours;
  return {
    schema: 'UnknownLink',
    source: 'subject',
    target: 'object',
    role: rel.type.toLowerCase().replaceAll('_', ' '),
    marked: true,
  };
}

// ------------------------------------------------------------------ helpers

/** Properties of one line, checked against its schema: writing one the schema lacks is a bug. */
class Props {
  readonly values: Record<string, string[]> = {};
  constructor(private readonly schema: string) {}
  put(property: string, values: readonly string[]): void {
    if (values.length === 0) return;
    if (!hasProperty(this.schema, property)) throw new Error(`FtM ${this.schema} has no property ${property}`);
    this.values[property] = unique([...values]);
  }
  add(property: string, ...values: string[]): void {
    this.put(property, [...(this.values[property] ?? []), ...values]);
  }
  has(property: string): boolean {
    return (this.values[property]?.length ?? 0) > 0;
  }
}

function validFor(kind: string, value: string): boolean {
  switch (kind) {
    case 'countries':
      return isFtmCountry(value);
    case 'topics':
      return isFtmTopic(value);
    case 'language':
      return isFtmLanguage(value);
    default:
      return value.trim() !== '';
  }
}

function groupEnds(
  relationships: readonly Relationship[],
  types: readonly string[],
  key: 'source' | 'target',
): Map<string, string[]> {
  const ends = new Map<string, string[]>();
  for (const rel of relationships) {
    if (!types.includes(rel.type)) continue;
    const other = key === 'source' ? rel.target : rel.source;
    ends.set(rel[key], [...(ends.get(rel[key]) ?? []), other]);
  }
  return ends;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
