/**
 * Node and relationship rows in the CSV of Neo4j's offline importer (`neo4j-admin database import full`),
 * written in one streaming pass. The importer needs every row to have every column of its header, so the
 * columns are fixed up front from the schemas (every stored property any kind or type can have, with its
 * type); a property a row lacks is an empty field, which the importer leaves out, as our writes leave out
 * an absent value. Lists are joined with a control character no text of ours holds (a value that holds it
 * is a problem of the file, see `unsafeText`). Rows holding a line break go to files of their own, which
 * the importer is told may hold multi-line fields, so the other files keep its fast line-by-line reading.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Entity, Relationship, type Citation } from '../../../../schemas/index.js';
import { amendmentsToStored, roleTranslationsToStored } from '../../../db/mapping.js';

/** Between the elements of a list (`--array-delimiter=U+001F`). */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

type ColumnType = 'string' | 'double' | 'boolean' | 'string[]';
interface Column {
  key: string;
  type: ColumnType;
}

/** Stored properties that stand for one API field (mapping.ts): citations and identifiers. */
const CITATION_COLUMNS: Column[] = [
  { key: 'citationDocumentIds', type: 'string[]' },
  { key: 'citationLocators', type: 'string[]' },
  { key: 'citationQuotes', type: 'string[]' },
];
const IDENTIFIER_COLUMNS: Column[] = [
  { key: 'identifierSchemes', type: 'string[]' },
  { key: 'identifierValues', type: 'string[]' },
];
/** Fields stored as parallel lists (mapping.ts): a contract's amendments, a role's translations. */
const AMENDMENT_COLUMNS: Column[] = [
  { key: 'amendmentDates', type: 'string[]' },
  { key: 'amendmentDescriptions', type: 'string[]' },
];
const ROLE_TRANSLATION_COLUMNS: Column[] = [
  { key: 'roleTranslationLanguages', type: 'string[]' },
  { key: 'roleTranslationTexts', type: 'string[]' },
];

/** Every property of every variant of a schema, with the one type each has (the schemas give one shape per field). */
function columnsOf(schema: z.ZodType, structural: ReadonlySet<string>): Column[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    anyOf?: { properties?: Record<string, { type?: string; items?: { type?: string } }> }[];
    oneOf?: { properties?: Record<string, { type?: string; items?: { type?: string } }> }[];
  };
  const columns = new Map<string, ColumnType>();
  for (const variant of json.anyOf ?? json.oneOf ?? []) {
    for (const [key, shape] of Object.entries(variant.properties ?? {})) {
      if (structural.has(key)) continue;
      const type: ColumnType | undefined =
        shape.type === 'string'
          ? 'string'
          : shape.type === 'number' || shape.type === 'integer'
            ? 'double'
            : shape.type === 'boolean'
              ? 'boolean'
              : shape.type === 'array' && shape.items?.type === 'string'
                ? 'string[]'
                : undefined;
      if (!type) throw new Error(`a bulk load cannot write the field "${key}" (${JSON.stringify(shape).slice(0, 100)})`);
      const before = columns.get(key);
      if (before && before !== type) throw new Error(`the field "${key}" has two shapes (${before}, ${type})`);
      columns.set(key, type);
    }
  }
  return [...columns].map(([key, type]) => ({ key, type }));
}

/** The fields of entities and relationships as they are stored, one column each. */
const ENTITY_FIELDS = columnsOf(Entity, new Set(['id', 'kind', 'citations', 'identifiers', 'amendments']));
const RELATIONSHIP_FIELDS = columnsOf(Relationship, new Set(['type', 'source', 'target', 'citations', 'roleTranslations']));
const ENTITY_COLUMNS: Column[] = [...ENTITY_FIELDS, ...AMENDMENT_COLUMNS, ...IDENTIFIER_COLUMNS, ...CITATION_COLUMNS];
const RELATIONSHIP_COLUMNS: Column[] = [...RELATIONSHIP_FIELDS, ...ROLE_TRANSLATION_COLUMNS, ...CITATION_COLUMNS];

const header = (columns: Column[]) => columns.map((c) => `${c.key}:${c.type}`).join(',');
export const NODE_HEADER = `id:ID,:LABEL,${header(ENTITY_COLUMNS)},version:long\n`;
export const RELATIONSHIP_HEADER = `:START_ID,:END_ID,:TYPE,${header(RELATIONSHIP_COLUMNS)},version:long\n`;

const NEEDS_QUOTES = /[",\n\r]/;
const LINE_BREAK = /[\n\r]/;

/** A text holding the list delimiter, which the importer would split: a problem of the file. */
export class UnsafeTextError extends Error {
  constructor(readonly field: string) {
    super(`the field "${field}" holds U+001F`);
  }
}

function quoted(value: string): string {
  // An empty string is kept as one (quoted); an empty field would be no value at all.
  if (value === '' || NEEDS_QUOTES.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

function text(value: string, key: string): string {
  if (value.includes(ARRAY_DELIMITER)) throw new UnsafeTextError(key);
  return quoted(value);
}

function list(values: readonly string[], key: string): string {
  // An empty list is left out (read back as an empty list: mapping.ts and the comparison treat both alike).
  if (values.length === 0) return '';
  for (const v of values) if (v.includes(ARRAY_DELIMITER)) throw new UnsafeTextError(key);
  return quoted(values.join(ARRAY_DELIMITER));
}

function fields(record: Readonly<Record<string, unknown>>, columns: readonly Column[]): string {
  let row = '';
  for (const c of columns) {
    const value = record[c.key];
    if (value === undefined || value === null) row += ',';
    else if (c.type === 'string') row += `,${text(value as string, c.key)}`;
    else if (c.type === 'string[]') row += `,${list(value as string[], c.key)}`;
    else row += `,${String(value)}`;
  }
  return row;
}

function citationFields(citations: readonly Citation[]): string {
  if (citations.length === 0) return ',,,';
  return `,${list(
    citations.map((c) => c.documentId),
    'citations',
  )},${list(
    citations.map((c) => c.locator),
    'citations',
  )},${list(
    citations.map((c) => c.quote),
    'citations',
  )}`;
}

/**
 * The CSV row of an entity, from the validated entity itself (the same properties as `entityToStored`
 * gives, without building them): its fields, identifiers and citations as the stored lists, version 1.
 * Throws `UnsafeTextError` for a text the importer would split.
 */
export function nodeRow(entity: Entity): string {
  const record = entity as unknown as Record<string, unknown>;
  const identifiers = entity.identifiers ?? [];
  const identifierFields =
    identifiers.length === 0
      ? ',,'
      : `,${list(
          identifiers.map((i) => i.scheme),
          'identifiers',
        )},${list(
          identifiers.map((i) => i.value),
          'identifiers',
        )}`;
  const amendments = fields(amendmentsToStored(entity.kind === 'Contract' ? entity.amendments : undefined), AMENDMENT_COLUMNS);
  return `${text(entity.id, 'id')},Entity${ARRAY_DELIMITER}${entity.kind}${fields(record, ENTITY_FIELDS)}${amendments}${identifierFields}${citationFields(entity.citations)},1\n`;
}

/** The CSV row of a relationship (as `relationshipToStored` stores it), version 1. */
export function relationshipRow(relationship: Relationship): string {
  const record = relationship as unknown as Record<string, unknown>;
  const translations = 'roleTranslations' in relationship ? relationship.roleTranslations : undefined;
  const translationFields = fields({ ...roleTranslationsToStored(translations) }, ROLE_TRANSLATION_COLUMNS);
  return `${text(relationship.source, 'source')},${text(relationship.target, 'target')},${relationship.type}${fields(record, RELATIONSHIP_FIELDS)}${translationFields}${citationFields(relationship.citations)},1\n`;
}

export const hasLineBreak = (row: string) => LINE_BREAK.test(row.slice(0, -1));

/** A file written in large pieces, waiting for the disk when the stream says so. */
class BufferedFile {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private size = 0;
  rows = 0;
  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { encoding: 'utf8' });
  }
  /** A promise only when the buffer went to the disk (await it), so most rows cost no await. */
  add(row: string): Promise<void> | undefined {
    this.pending.push(row);
    this.rows += 1;
    this.size += row.length;
    return this.size >= 1 << 20 ? this.flush() : undefined;
  }
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const piece = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stream.write(piece)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

/** The files of one bulk load: headers apart, bodies of single-line rows and of rows with line breaks. */
export class BulkCsvFiles {
  private readonly nodes: BufferedFile;
  private readonly nodesMultiline: BufferedFile;
  private readonly relationships: BufferedFile;
  private readonly relationshipsMultiline: BufferedFile;
  constructor(private readonly folder: string) {
    this.nodes = new BufferedFile(path.join(folder, 'nodes.csv'));
    this.nodesMultiline = new BufferedFile(path.join(folder, 'nodes-multiline.csv'));
    this.relationships = new BufferedFile(path.join(folder, 'relationships.csv'));
    this.relationshipsMultiline = new BufferedFile(path.join(folder, 'relationships-multiline.csv'));
  }
  addNode(row: string): Promise<void> | undefined {
    return (hasLineBreak(row) ? this.nodesMultiline : this.nodes).add(row);
  }
  addRelationship(row: string): Promise<void> | undefined {
    return (hasLineBreak(row) ? this.relationshipsMultiline : this.relationships).add(row);
  }
  /** Closes the files and says how to hand them to the importer. */
  async close(): Promise<BulkCsv> {
    await Promise.all([this.nodes, this.nodesMultiline, this.relationships, this.relationshipsMultiline].map((f) => f.close()));
    const nodeHeader = path.join(this.folder, 'nodes-header.csv');
    const relationshipHeader = path.join(this.folder, 'relationships-header.csv');
    await writeFile(nodeHeader, NODE_HEADER);
    await writeFile(relationshipHeader, RELATIONSHIP_HEADER);
    const groups = (headerFile: string, single: BufferedFile, multi: BufferedFile) =>
      [single, multi].filter((f) => f.rows > 0).map((f) => ({ files: [headerFile, f.file], multiline: f === multi }));
    return {
      nodes: groups(nodeHeader, this.nodes, this.nodesMultiline),
      relationships: groups(relationshipHeader, this.relationships, this.relationshipsMultiline),
    };
  }
}

export interface BulkCsv {
  nodes: { files: string[]; multiline: boolean }[];
  relationships: { files: string[]; multiline: boolean }[];
}
