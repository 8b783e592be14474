/**
 * FollowTheMoney lines onto our model, driven by the FtM model and the table in vocabulary.ts. Pure: the
 * caller reads the file and looks up, in the database, the FtM ids it refers to but does not hold.
 *
 * Every property of every line is either read into our model or reported in `unmapped` (per schema and
 * property, with the reason); lines of schemata we have no place for are reported the same way. Lines
 * of our own FtM export carry their citations and the fields FtM lacks in `summary` (notes.ts): they
 * come back exactly, under their own ids, and cite only their own sources.
 */
import { z } from 'zod';
import {
  isAllowedEndpoint,
  RELATIONSHIP_FIELD_SHAPES,
  type EntityKind,
  type ImportProblem,
  type ImportWarning,
  type RelationshipType,
  type UnmappedProperty,
} from '../../../schemas/index.js';
import { clip, ftmEntityId, ftmRelationshipId, KIND_PREFIX, shortHash } from '../imports/ids.js';
import { MAX_WARNINGS, type MappedImport, type Origin } from '../imports/mapped-import.js';
import { FTM_CONVENTION, type NumberConvention } from '../imports/numbers.js';
import { pickName } from './caption.js';
import { fromFtmId } from './ids.js';
import { LineReader } from './line-reader.js';
import type { FtmRecord } from './lines.js';
import { FTM_MODEL_VERSION, hasProperty, isA, propertiesOf, schemaOf } from './model.js';
import { readNotes } from './notes.js';
import {
  ENTITY_FIELDS,
  kindOfSchema,
  LINK_OF_TYPE,
  linkImportOf,
  markedSpec,
  NAME_PROPERTIES,
  REFERENCE_FIELDS,
  schemeOfIdentification,
  schemeOfProperty,
  type FieldKind,
  type LinkImport,
  SCHEMA_OF_KIND,
} from './vocabulary.js';

/** An entity the file refers to, known by its FtM id: our id and kind. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
}

export interface FtmContext {
  documentId: string;
  fileName: string;
  /** FtM ids not in the file, found in the database (by `ftmId`, by our id, or merged into another). */
  known: ReadonlyMap<string, KnownEntity>;
  /** How numbers are written; FollowTheMoney's own convention unless the import declares a locale. */
  convention?: NumberConvention;
}

export interface FtmMapped extends Omit<MappedImport, 'merged'> {
  unmapped: UnmappedProperty[];
  /** Whether any fact cites the file itself (lines of our own export cite their own sources). */
  citesFile: boolean;
}

type Value = Record<string, unknown>;
type Notes = ReturnType<typeof readNotes>;

/** Our id for an FtM id that is one of ours (a line of our own export), when it has this prefix. */
const ownId = (ftmId: string, prefix: string) => {
  const id = fromFtmId(ftmId);
  return id?.startsWith(`${prefix}:`) ? id : undefined;
};
const FACT_STATUSES = new Set(['reported', 'confirmed', 'alleged', 'inferred']);
/** Our fields an annotation may not set: structure, and what the import decides itself. */
const NOT_FROM_ANNOTATION = new Set([
  'id',
  'kind',
  'type',
  'source',
  'target',
  'citations',
  'ftmId',
  'ftmSchema',
  'exportOf',
  'authority',
]);
/**
 * The FtM schema worth remembering: the one the line was (or, when our export had to write another,
 * the one its annotation names), unless it is the one we would write anyway.
 */
const keptSchema = (r: FtmRecord, notes: Notes, ours: string | undefined): Value => {
  const schema = typeof notes.annotation.ftmSchema === 'string' ? notes.annotation.ftmSchema : r.schema;
  return schema === ours ? {} : { ftmSchema: schema };
};
const isRelationshipType = (type: string): type is Exclude<RelationshipType, 'SANCTIONED_BY'> => type in LINK_OF_TYPE;

export function mapFtm(records: readonly FtmRecord[], context: FtmContext): FtmMapped {
  const entities: Value[] = [];
  const relationships: Value[] = [];
  const origins: { entities: Origin[]; relationships: Origin[] } = { entities: [], relationships: [] };
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const unmapped = new Map<string, UnmappedProperty>();
  let skipped = 0;
  let citesFile = false;
  const out = {
    problems,
    warn: (w: ImportWarning) => void (warnings.length < MAX_WARNINGS && warnings.push(w)),
    convention: context.convention ?? FTM_CONVENTION,
  };
  const report = (r: FtmRecord, property: string | null, reason: string) => {
    const key = `${r.schema}\u0000${property ?? ''}\u0000${reason}`;
    const entry = unmapped.get(key);
    if (entry) entry.lines += 1;
    else unmapped.set(key, { schema: r.schema, property, lines: 1, firstLine: r.line, reason });
  };
  const skip = (r: FtmRecord, reason: string) => {
    skipped += 1;
    report(r, null, reason);
  };

  // ---- what every line is: notes, our kind and id, so links can find their ends in one pass
  const notesOf = new Map(records.map((r) => [r.id, readNotes(r.properties.summary ?? [])]));
  const kindOf = new Map<string, EntityKind | 'office'>();
  const known = new Map(context.known);
  const recordById = new Map(records.map((r) => [r.id, r]));
  /** Lines in the file that are not entities of ours (an Address, a Vessel): links to them are skipped. */
  const notImported = new Map<string, string>();
  for (const r of records) {
    const annotation = notesOf.get(r.id)?.annotation ?? {};
    const kind = schemaOf(r.schema) ? entityKindOf(r.schema, annotation) : undefined;
    if (kind && !annotation.exportOf) {
      kindOf.set(r.id, kind);
      const ours: EntityKind = kind === 'office' ? 'PublicBody' : kind;
      known.set(r.id, { id: ownId(r.id, KIND_PREFIX[ours]) ?? ftmEntityId(ours, r.id), kind: ours });
    } else notImported.set(r.id, r.schema);
  }
  const resolve = (ftmId: string) => known.get(ftmId);
  /** Our id -> the FtM id it was read from (ids of relationships between several parties hash these). */
  const ftmIdOf = new Map([...known].map(([ftmId, entity]) => [entity.id, ftmId]));

  // ---- sources: the file's own lines, or the citations our export wrote
  const sourceDocs = new Map<string, Value>();
  const citationsOf = (reader: LineReader, notes: Notes): Value[] => {
    reader.values('sourceUrl', 'publisher');
    const proofs = reader.values('proof');
    if (notes.citations.length > 0) {
      return notes.citations.map((c) => {
        const doc = resolve(c.document);
        if (doc?.kind !== 'Document')
          reader.problem('properties.summary', `cites "${c.document}", which is not a Document in the file or imported before`);
        return { documentId: doc?.id ?? c.document, locator: c.locator, quote: c.quote };
      });
    }
    citesFile = true;
    const r = reader.record;
    const quote = clip(r.caption ?? r.properties.name?.[0] ?? r.properties.title?.[0] ?? lineInWords(r), 1000);
    const citations: Value[] = [{ documentId: context.documentId, locator: `line ${r.line}`, quote }];
    // FtM's `proof`: the Document lines that prove it.
    for (const proof of proofs) {
      const doc = resolve(proof);
      if (doc?.kind === 'Document') citations.push({ documentId: doc.id, locator: 'proof', quote });
    }
    const publisher = r.properties.publisher?.[0];
    for (const url of (r.properties.sourceUrl ?? []).filter((u) => /^https?:\/\/\S+$/.test(u)).slice(0, 5)) {
      const id = `document:ftm-source-${shortHash(url, 16)}`;
      if (!sourceDocs.has(id))
        sourceDocs.set(id, {
          id,
          kind: 'Document',
          name: clip(publisher ?? url, 300),
          title: clip(publisher ? `${publisher}: ${url}` : url, 500),
          url,
          ...(publisher ? { publisher: clip(publisher, 300) } : {}),
        });
      citations.push({ documentId: id, locator: 'sourceUrl', quote });
    }
    return citations;
  };
  const factFields = (notes: Notes): Value => {
    const a = notes.annotation;
    return {
      status: typeof a.status === 'string' && FACT_STATUSES.has(a.status) ? a.status : 'reported',
      ...(typeof a.inferredFrom === 'string' ? { inferredFrom: a.inferredFrom } : {}),
      ...(typeof a.current === 'boolean' ? { current: a.current } : {}),
    };
  };
  /** The annotation's fields, ids in it turned into ours. */
  const annotated = (reader: LineReader, notes: Notes): Value => {
    const result: Value = {};
    for (const [key, value] of Object.entries(notes.annotation)) {
      if (NOT_FROM_ANNOTATION.has(key)) continue;
      if (REFERENCE_FIELDS.has(key) && Array.isArray(value)) {
        result[key] = value.map((ftmId) => {
          const found = resolve(String(ftmId));
          if (!found)
            reader.problem(`properties.summary`, `${key} names "${String(ftmId)}", neither in the file nor imported before`);
          return found?.id ?? String(ftmId);
        });
      } else result[key] = value;
    }
    return result;
  };

  const entityById = new Map<string, Value>();
  const addEntity = (r: FtmRecord, value: Value) => {
    entities.push(value);
    origins.entities.push({ line: r.line });
    entityById.set(r.id, value);
  };
  const addLink = (r: FtmRecord, value: Value) => {
    relationships.push(value);
    origins.relationships.push({ line: r.line });
  };
  /** Links read from an entity's property (a contract's authority, a parent): dropped if the file states them itself. */
  const derived = new Set<Value>();

  /** The ends a link property names; unknown ids are problems, ends not imported are reported. */
  const ends = (reader: LineReader, prop: string): KnownEntity[] | undefined => {
    const values = reader.values(prop);
    if (values.length === 0) {
      report(reader.record, null, `no ${prop}: nothing to link`);
      return undefined;
    }
    const found: KnownEntity[] = [];
    for (const ftmId of values) {
      const entity = resolve(ftmId);
      if (entity) found.push(entity);
      else if (notImported.has(ftmId))
        report(reader.record, prop, `refers to a ${notImported.get(ftmId)}, which has no place in our model`);
      else reader.problem(`properties.${prop}`, `unknown entity "${ftmId}" (neither in the file nor imported before)`);
    }
    return found.length > 0 ? found : undefined;
  };

  const readField = (reader: LineReader, ftm: string, kind: FieldKind, field: string): unknown => {
    switch (kind) {
      case 'number':
        return reader.number([ftm], field);
      case 'currency':
        return reader.currency([ftm], field);
      case 'date':
        return reader.date([ftm], field);
      default:
        return fitted(reader, field, reader.text([ftm]));
    }
  };

  /** One relationship per source and target named, of the type the rule picks for their kinds. */
  const addLinks = (reader: LineReader, notes: Notes, spec: LinkImport, extra: Value = {}) => {
    const r = reader.record;
    const sources = ends(reader, spec.source);
    const targets = ends(reader, spec.target);
    if (!sources || !targets) return;
    const fields: Value = { ...spec.fixed };
    for (const [field, { ftm, kind }] of Object.entries(spec.fields)) {
      const value = readField(reader, ftm, kind, field);
      if (value !== undefined) fields[field] = value;
    }
    const payment = isA(r.schema, 'Payment');
    const period = {
      start: payment
        ? (reader.date(['date'], 'date') ?? reader.date(['startDate'], 'startDate'))
        : (reader.date(['startDate'], 'startDate') ?? reader.date(['date'], 'date')),
      end: reader.date(['endDate'], 'endDate', 'latest'),
    };
    // `role` is read only where a field keeps it; otherwise it is reported like any other property.
    const role = r.properties.role?.join('; ');
    const pairs = sources.flatMap((s) => targets.map((t) => [s, t] as const));
    const ftmEnds = (s: KnownEntity, t: KnownEntity) => `${ftmIdOf.get(s.id) ?? s.id}>${ftmIdOf.get(t.id) ?? t.id}`;
    for (const [s, t] of pairs) {
      let type = typeof spec.type === 'function' ? spec.type(s.kind, t.kind) : spec.type;
      let own: Value = { ...fields };
      if (type === 'HOLDS_POSITION' && 'seat' in own) own = { ...withoutKey(own, 'seat'), role: own.seat };
      if (role !== undefined && role === (LINK_OF_TYPE as Record<string, { role?: string } | undefined>)[type ?? '']?.role)
        reader.values('role'); // the role our export writes for the type ("mentions")
      if (type === 'OWNS' && own.ownershipType === undefined && role) {
        own.ownershipType = clip(role, 300); // OpenSanctions: "subsidiary of", "beneficial owner"
        reader.values('role');
      }
      if (!type || !isAllowedEndpoint(type, s.kind, t.kind)) {
        if (s.kind === 'Document' || t.kind === 'Document') {
          report(r, null, `a ${r.schema} between ${article(s.kind)} and ${article(t.kind)} has no place in our model`);
          continue;
        }
        type = 'LINKED_TO';
        reader.values('role');
        own = { relation: clip([schemaOf(r.schema)?.edge?.label ?? r.schema, role].filter(Boolean).join(': '), 300) };
      }
      const suffix = pairs.length > 1 ? shortHash(ftmEnds(s, t), 8) : undefined;
      addLink(r, {
        ...linkId(r.id, suffix),
        type,
        source: s.id,
        target: t.id,
        ...definedOnly(period),
        ...own,
        ...extra,
        ...keptSchema(r, notes, (LINK_OF_TYPE as Record<string, { schema: string } | undefined>)[type]?.schema),
        ...factFields(notes),
        ...annotated(reader, notes),
        citations: citationsOf(reader, notes),
      });
    }
  };

  // ---- every line
  for (const r of records) {
    const notes = notesOf.get(r.id) ?? readNotes([]);
    const reader = new LineReader(r, out);
    // Our notes in `summary` are always read; its plain text describes an entity, or is reported.
    reader.values('summary');
    if (!schemaOf(r.schema)) {
      skip(r, `not a schema of the FtM model ${FTM_MODEL_VERSION}`);
      continue;
    }
    if (notes.annotation.exportOf) {
      skipped += 1; // the header line of our own export: it names the export, it is not a fact
      continue;
    }
    const kind = kindOf.get(r.id);
    if (kind) readEntity(reader, notes, kind);
    else if (!readLink(reader, notes)) {
      skip(r, kindNote(r.schema));
      continue;
    } else if (notes.text.length > 0) report(r, 'summary', 'not kept: our model has no place for it');
    reportUnread(reader);
  }

  function readEntity(reader: LineReader, notes: Notes, kind: EntityKind | 'office'): void {
    const r = reader.record;
    const ours: EntityKind = kind === 'office' ? 'PublicBody' : kind;
    const id = known.get(r.id)?.id ?? ftmEntityId(ours, r.id);
    const value: Value = {
      id,
      kind: ours,
      ...namesOf(reader, ours),
      ...definedOnly({ description: descriptionOf(reader, notes) }),
      ...(id === ownId(r.id, KIND_PREFIX[ours]) ? {} : { ftmId: r.id }),
      ...keptSchema(r, notes, SCHEMA_OF_KIND[ours]),
    };
    const identifiers = identifiersOf(reader);
    if (identifiers.length) value.identifiers = identifiers;
    for (const field of ENTITY_FIELDS) {
      if (!field.kinds.includes(ours)) continue;
      const v = entityField(reader, field);
      if (v !== undefined && value[field.field] === undefined) value[field.field] = v;
    }
    if (ours === 'Document' && value.title === undefined) value.title = value.name;
    if (ours !== 'Document' || notes.citations.length > 0) value.citations = citationsOf(reader, notes);
    Object.assign(value, factFields(notes), annotated(reader, notes));
    if (ours === 'Document') delete value.status;
    addEntity(r, value);

    // Links an entity states in its own properties.
    if (ours === 'Contract')
      for (const buyer of reader.has('authority') ? (ends(reader, 'authority') ?? []) : []) {
        derivedLink(reader, notes, 'authority', buyer.id, id, 'BUYER_OF', buyer.kind, 'Contract');
      }
    if (kind !== 'office' && (ours === 'Organization' || ours === 'PublicBody') && reader.has('parent')) {
      for (const parent of ends(reader, 'parent') ?? []) {
        const type: RelationshipType = ours === 'Organization' && parent.kind === 'Organization' ? 'SUBSIDIARY_OF' : 'PART_OF';
        derivedLink(reader, notes, 'parent', id, parent.id, type, ours, parent.kind);
      }
    }
    if (kind === 'office' && reader.has('organization'))
      for (const body of ends(reader, 'organization') ?? [])
        derivedLink(reader, notes, 'organization', id, body.id, 'PART_OF', 'PublicBody', body.kind);
  }

  function derivedLink(
    reader: LineReader,
    notes: Notes,
    prop: string,
    source: string,
    target: string,
    type: RelationshipType,
    sourceKind: EntityKind,
    targetKind: EntityKind,
  ): void {
    if (!isAllowedEndpoint(type, sourceKind, targetKind)) {
      report(reader.record, prop, `${type} cannot go from ${article(sourceKind)} to ${article(targetKind)}`);
      return;
    }
    const many = reader.values(prop).length > 1;
    const value: Value = {
      id: ftmRelationshipId(reader.record.id, many ? `${prop}-${shortHash(target, 8)}` : prop),
      ftmId: reader.record.id,
      type,
      source,
      target,
      status: 'reported',
      citations: citationsOf(reader, notes),
    };
    derived.add(value);
    addLink(reader.record, value);
  }

  function readLink(reader: LineReader, notes: Notes): boolean {
    const r = reader.record;
    const type = typeof notes.annotation.type === 'string' ? notes.annotation.type : undefined;
    const marked = type ? markedSpec(type) : undefined;
    const edge = schemaOf(r.schema)?.edge;
    if (type && marked && marked.schema === r.schema) {
      addLinks(reader, notes, {
        type: type as RelationshipType,
        source: marked.source,
        target: marked.target,
        fields: marked.fields ?? {},
      });
      reader.values('role');
      return true;
    }
    // Our export writes a link whose ends FtM's schema would refuse as an UnknownLink saying which type it was.
    if (type && edge && isRelationshipType(type) && (marked || LINK_OF_TYPE[type].schema !== r.schema)) {
      addLinks(reader, notes, { type, source: edge.source, target: edge.target, fields: {} });
      reader.values('role');
      return true;
    }
    if (isA(r.schema, 'Sanction')) return (readSanction(reader, notes), true);
    if (isA(r.schema, 'Identification')) return (readIdentification(reader), true);
    if (isA(r.schema, 'Occupancy')) return (readOccupancy(reader, notes), true);
    if (isA(r.schema, 'Mention')) {
      if (!reader.has('resolved')) return false;
      addLinks(reader, notes, { type: 'MENTIONS', source: 'document', target: 'resolved', fields: {} });
      return true;
    }
    const spec = linkImportOf(r.schema);
    if (!spec) return false;
    addLinks(reader, notes, spec);
    return true;
  }

  function readSanction(reader: LineReader, notes: Notes): void {
    const r = reader.record;
    // Our export names the authority's own line; other publishers give only its name.
    const given = [notes.annotation.authority].flat().flatMap((ftmId) => {
      const found = typeof ftmId === 'string' ? resolve(ftmId) : undefined;
      if (typeof ftmId === 'string' && !found)
        reader.problem('properties.summary', `authority "${ftmId}" is neither in the file nor imported before`);
      return found ? [found] : [];
    });
    const countries = reader.countries(['country'], 'country') ?? [];
    let authorities: KnownEntity[] = given;
    const names = reader.values('authority');
    if (given.length === 0) {
      const fallback = reader.first('publisher');
      const named = names.length ? names : fallback ? [fallback] : [];
      if (named.length === 0) {
        report(r, null, 'no authority: nothing says who listed it');
        return;
      }
      authorities = named.map((name) => authorityEntity(reader, notes, name, countries));
    }
    const extra = definedOnly({
      program: fitted(reader, 'program', reader.text(['program']) ?? reader.text(['programId'])),
      reason: fitted(reader, 'reason', reader.text(['reason'], '\n\n')),
      provisions: fitted(reader, 'provisions', reader.text(['provisions'])),
      listingDate: reader.date(['listingDate'], 'listingDate'),
    });
    reader.values('programId');
    // The authority is a name, not a reference: the link's target is the body made for it.
    const sources = ends(reader, 'entity');
    if (!sources) return;
    const start = reader.date(['startDate'], 'startDate') ?? reader.date(['date'], 'date');
    const end = reader.date(['endDate'], 'endDate', 'latest');
    const pairs = sources.flatMap((s) => authorities.map((a) => [s, a] as const));
    for (const [s, a] of pairs) {
      if (!isAllowedEndpoint('SANCTIONED_BY', s.kind, a.kind)) {
        report(r, 'entity', `SANCTIONED_BY cannot go from ${article(s.kind)}`);
        continue;
      }
      addLink(r, {
        ...linkId(r.id, pairs.length > 1 ? shortHash(`${s.id}>${a.id}`, 8) : undefined),
        type: 'SANCTIONED_BY',
        source: s.id,
        target: a.id,
        ...definedOnly({ start, end }),
        ...extra,
        ...factFields(notes),
        ...annotated(reader, notes),
        citations: citationsOf(reader, notes),
      });
    }
  }

  /** The body a Sanction names as its authority, once per name and country. */
  function authorityEntity(reader: LineReader, notes: Notes, name: string, countries: string[]): KnownEntity {
    const key = `authority:${countries.join(',')}:${name}`;
    const found = known.get(key);
    if (found) return found;
    const entity: KnownEntity = { id: ftmEntityId('PublicBody', key), kind: 'PublicBody' };
    known.set(key, entity);
    ftmIdOf.set(entity.id, key);
    entities.push({
      id: entity.id,
      kind: 'PublicBody',
      name: clip(name, 300),
      aliases: [],
      ...(countries.length ? { country: countries } : {}),
      description: 'Sanctions authority, as the sanctions lists name it.',
      status: 'reported',
      citations: citationsOf(reader, notes),
    });
    origins.entities.push({ line: reader.line });
    return entity;
  }

  function readIdentification(reader: LineReader): void {
    const r = reader.record;
    const scheme = schemeOfIdentification(r.schema, reader.first('type'));
    const numbers = reader.values('number', 'passportNumber');
    const personal = reader.values('personalNumber');
    const holders = ends(reader, 'holder');
    if (!holders) return;
    if (numbers.length + personal.length === 0) {
      report(r, null, `a ${r.schema} without a number: nothing to keep`);
      return;
    }
    for (const holder of holders) {
      const ftmId = ftmIdOf.get(holder.id);
      const entity = ftmId ? entityById.get(ftmId) : undefined;
      if (!entity) {
        report(r, 'holder', 'its holder is not in this file; identifiers are added to entities of the same file only');
        continue;
      }
      const identifiers = [
        ...((entity.identifiers as Value[] | undefined) ?? []),
        ...numbers.map((value) => ({ scheme, value })),
        ...personal.map((value) => ({ scheme: 'personal-number', value })),
      ];
      entity.identifiers = uniqueIdentifiers(identifiers);
    }
  }

  function readOccupancy(reader: LineReader, notes: Notes): void {
    const status = reader.first('status');
    addLinks(
      reader,
      notes,
      { type: 'HOLDS_POSITION', source: 'holder', target: 'post', fields: {} },
      {
        ...(status === 'current' ? { current: true } : status === 'ended' ? { current: false } : {}),
        ...postRole(reader),
      },
    );
  }

  function postRole(reader: LineReader): Value {
    const post = recordById.get(reader.record.properties.post?.[0] ?? '');
    const name = post ? (post.caption ?? pickName(post.properties.name ?? [])) : undefined;
    return name ? { role: clip(name, 300) } : {};
  }

  function reportUnread(reader: LineReader): void {
    const r = reader.record;
    for (const property of Object.keys(r.properties)) {
      if (reader.consumed.has(property)) continue;
      report(
        r,
        property,
        hasProperty(r.schema, property)
          ? 'not kept: our model has no place for it'
          : `not a property of ${r.schema} in the FtM model ${FTM_MODEL_VERSION}`,
      );
    }
  }

  function namesOf(reader: LineReader, kind: EntityKind): Value {
    const r = reader.record;
    const titles = kind === 'Document' || kind === 'Law' || kind === 'Contract' ? reader.values('title') : [];
    const names = reader.values('name');
    const all = [...titles, ...names];
    const others = reader.values(...NAME_PROPERTIES.filter((p) => p !== 'name'));
    const name =
      (r.caption && [...all, ...others].includes(r.caption) ? r.caption : undefined) ??
      titles[0] ??
      pickName(names) ??
      r.caption ??
      reader.first('fileName') ??
      r.id;
    const aliases = [...new Set([...all, ...others])].filter((a) => a !== name);
    if (aliases.length > 100) reader.warn(`${aliases.length} names; the first 100 kept as aliases`);
    return {
      name: clip(name, 300),
      aliases: aliases.slice(0, 100).map((a) => clip(a, 300)),
      ...(kind === 'Document' ? { title: clip(titles[0] ?? name, 500) } : {}),
    };
  }

  function descriptionOf(reader: LineReader, notes: Notes): string | undefined {
    const texts = [...new Set([...reader.values('description'), ...notes.text, ...reader.values('notes')])];
    if (texts.length === 0) return undefined;
    const joined = texts.join('\n\n');
    if (joined.length > 4000) reader.warn(`description: ${joined.length} characters of notes; cut to 4,000`);
    return clip(joined, 4000);
  }

  function identifiersOf(reader: LineReader): Value[] {
    const r = reader.record;
    const found: Value[] = [];
    for (const property of Object.keys(r.properties)) {
      const scheme = schemeOfProperty(r.schema, property);
      if (!scheme) continue;
      for (const value of reader.values(property)) found.push({ scheme, value: clip(value, 300) });
    }
    return uniqueIdentifiers(found);
  }

  function entityField(reader: LineReader, field: (typeof ENTITY_FIELDS)[number]): unknown {
    const props = field.ftm.filter((p) => reader.has(p));
    if (props.length === 0) return undefined;
    switch (field.kind) {
      case 'date':
        return reader.date(props, field.field, field.several);
      case 'number':
        return reader.number(props, field.field);
      case 'currency':
        return reader.currency(props, field.field);
      case 'countries':
        return reader.countries(props, field.field);
      case 'topics':
        return reader.topics(props);
      case 'url': {
        const urls = reader.values(...props);
        return urls.find((u) => /^https?:\/\//.test(u)) ?? urls[0];
      }
      case 'language':
        return reader.first(...props)?.toLowerCase();
      default:
        return reader.text(props, field.field === 'jurisdiction' ? ', ' : '; ');
    }
  }

  // A link the file states itself (a PART_OF line of our export) wins over one read from a property
  // (the `parent` the same export writes for FtM tools) between the same two entities.
  const pair = (v: Value) => `${String(v.source)}>${String(v.target)}`;
  const stated = new Set(relationships.filter((v) => !derived.has(v)).map(pair));
  const kept = relationships.flatMap((v, i) =>
    derived.has(v) && stated.has(pair(v)) ? [] : [[v, origins.relationships[i]] as const],
  );

  return {
    file: {
      format: 'interlock/1',
      entities: [...entities, ...sourceDocs.values()],
      relationships: kept.map(([v]) => v),
    },
    origins: {
      entities: [...origins.entities, ...[...sourceDocs.values()].map(() => ({}))],
      relationships: kept.map(([, o]) => o ?? {}),
    },
    problems,
    documentId: context.documentId,
    skipped,
    warnings,
    unmapped: [...unmapped.values()].sort(
      (a, b) => a.schema.localeCompare(b.schema) || (a.property ?? '').localeCompare(b.property ?? ''),
    ),
    citesFile,
  };
}

/** A line with no caption or name, in its own values: "Payment (amountEur: 100000; date: 2011-12-29)". */
function lineInWords(r: FtmRecord): string {
  const props = [...new Set([...(schemaOf(r.schema)?.edge?.caption ?? []), 'amountEur', 'amountUsd', 'role', 'relationship'])];
  const parts = props.flatMap((p) => (r.properties[p]?.length ? [`${p}: ${r.properties[p].join(', ')}`] : []));
  return parts.length ? `${r.schema} (${parts.join('; ')})` : `${r.schema} ${r.id}`;
}

/** Text cut to the length our field holds, with a warning: a long text is not a reason to refuse a file. */
function fitted(reader: LineReader, field: string, text: string | undefined): string | undefined {
  const shape = (RELATIONSHIP_FIELD_SHAPES as Record<string, z.ZodType>)[field];
  const max = shape instanceof z.ZodString ? shape.maxLength : null;
  if (text === undefined || max === null || text.length <= max) return text;
  reader.warn(`${field}: ${text.length} characters; cut to ${max}`);
  return clip(text, max);
}

/** Our kind for a line: its schema's, or what our export's annotation says (a Law, a DataSystem). */
function entityKindOf(schema: string, annotation: Record<string, unknown>): EntityKind | 'office' | undefined {
  const kind = kindOfSchema(schema);
  if (annotation.kind === 'Law' && kind === 'Document') return 'Law';
  if (annotation.kind === 'DataSystem' && isA(schema, 'Asset') && !isA(schema, 'LegalEntity') && !isA(schema, 'Contract'))
    return 'DataSystem';
  return kind;
}

function kindNote(schema: string): string {
  if (propertiesOf(schema).size === 0) return `not a schema of the FtM model ${FTM_MODEL_VERSION}`;
  return `${schema} has no place in our model`;
}

function linkId(lineId: string, suffix: string | undefined): Value {
  const own = ownId(lineId, 'rel');
  if (own) return { id: suffix ? `${own}-${suffix}`.slice(0, 200) : own };
  return { id: ftmRelationshipId(lineId, suffix), ftmId: lineId };
}

function uniqueIdentifiers(identifiers: Value[]): Value[] {
  const seen = new Set<string>();
  return identifiers.filter((i) => {
    const key = `${String(i.scheme)}\u0000${String(i.value)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function definedOnly(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function withoutKey(value: Value, key: string): Value {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
