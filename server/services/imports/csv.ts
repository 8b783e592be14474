/**
 * The CSV format: a zip holding `entities.csv` and `relationships.csv` (columns in docs/import-formats.md).
 * Pure: bytes in, an unvalidated Interlock file with the line of every row out. Cells are text; this
 * module turns the few typed columns (lists, numbers, booleans) into their types and leaves checking
 * to the one validator every format shares.
 */
import { parse } from 'csv-parse/sync';
import { Unzip, UnzipInflate } from 'fflate';
import type { ImportProblem } from '../../../schemas/index.js';
import { clip } from './ids.js';
import type { MappedImport, Origin } from './mapped-import.js';
import { readNumber, type NumberConvention } from './numbers.js';

const CITATION_COLUMNS = ['citation_document_id', 'citation_locator', 'citation_quote'];
const NUMBERED_CITATION = /^citation_(\d+)_(document_id|locator|quote)$/;

const ENTITY_COLUMNS = [
  'id',
  'kind',
  'name',
  'aliases',
  'description',
  'start',
  'end',
  'current',
  'status',
  'inferred_from',
  'jurisdiction',
  'amount',
  'currency',
  'signed_on',
  'purpose',
  'enacted_on',
  'title',
  'publisher',
  'published_on',
  'url',
  'language',
  'identifiers',
  'birth_date',
  'death_date',
  'nationality',
  'country',
  'topics',
  'amount_eur',
  'amount_usd',
  'ftm_id',
  'ftm_schema',
];
const RELATIONSHIP_COLUMNS = [
  'id',
  'type',
  'source',
  'target',
  'start',
  'end',
  'current',
  'status',
  'inferred_from',
  'role',
  'seat',
  'percentage',
  'data',
  'summary',
  'counterparty_ids',
  'amount',
  'currency',
  'amount_eur',
  'amount_usd',
  'purpose',
  'programme',
  'payment_kind',
  'shares_count',
  'ownership_type',
  'relation',
  'on_behalf_of',
  'issue',
  'program',
  'reason',
  'provisions',
  'listing_date',
  'role_translation_en',
  'role_translation_es',
  'role_translation_ar',
  'ftm_id',
  'ftm_schema',
];
const LIST_COLUMNS = new Set(['aliases', 'counterparty_ids', 'nationality', 'country', 'topics', 'on_behalf_of']);
const NUMBER_COLUMNS = new Set(['amount', 'percentage', 'amount_eur', 'amount_usd', 'shares_count']);
const BOOLEAN_COLUMNS = new Set(['current']);

export const ENTITIES_CSV = 'entities.csv';
export const RELATIONSHIPS_CSV = 'relationships.csv';

export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** A zip that unpacks to more than the import limit, or holds too many entries: HTTP 413, refused unread. */
export class ImportTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'import_too_large';
  readonly field = '(file)';
}

export interface ZipLimits {
  /** Entries in the zip: two CSV files are expected; a zip bomb of many small files is refused. */
  maxEntries: number;
  /** Bytes the CSV files may unpack to, together: the import size limit applies to what is unpacked. */
  maxUnpackedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 100, maxUnpackedBytes: 256 * 1024 * 1024 };

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1,000-fold, so ~16 MB a step. */
const ZIP_STEP = 16 * 1024;

/**
 * The two CSV files out of the zip (found by name in any folder of it), unpacked as a stream: the bytes
 * are counted as they come out, and past the limits the unpacking stops and the import is refused (413)
 * before memory grows. Other entries are counted but never unpacked.
 */
export function unzipCsv(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { files: Map<string, string>; problems: ImportProblem[] } {
  const chunks = new Map<string, Uint8Array[]>();
  let entries = 0;
  let unpacked = 0;
  let refusal: ImportTooLargeError | undefined;
  const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    entries += 1;
    if (entries > limits.maxEntries) {
      refusal ??= new ImportTooLargeError(
        `the zip holds more than ${limits.maxEntries} entries; send a zip of ${ENTITIES_CSV} and ${RELATIONSHIPS_CSV}`,
      );
      return;
    }
    const name = file.name.split('/').pop() ?? file.name;
    if (name !== ENTITIES_CSV && name !== RELATIONSHIPS_CSV) return;
    const parts: Uint8Array[] = [];
    chunks.set(name, parts);
    file.ondata = (error, chunk) => {
      if (error) throw error;
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes) {
        refusal ??= new ImportTooLargeError(
          `the zip unpacks to more than ${megabytes(limits.maxUnpackedBytes)}, the import limit (INTERLOCK_IMPORT_MAX_MB applies to what is unpacked)`,
        );
        file.terminate();
        return;
      }
      parts.push(chunk);
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !refusal; at += ZIP_STEP)
      unzip.push(bytes.subarray(at, at + ZIP_STEP), at + ZIP_STEP >= bytes.length);
  } catch (error) {
    return { files: new Map(), problems: [{ field: '(file)', message: `not a zip file: ${(error as Error).message}` }] };
  }
  if (refusal) throw refusal;
  if (entries === 0) return { files: new Map(), problems: [{ field: '(file)', message: 'not a zip file: no entries found' }] };
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (const [name, parts] of chunks) files.set(name, decoder.decode(Buffer.concat(parts)).replace(/^\uFEFF/, ''));
  const problems: ImportProblem[] =
    files.size === 0 ? [{ field: '(file)', message: `the zip holds neither ${ENTITIES_CSV} nor ${RELATIONSHIPS_CSV}` }] : [];
  return { files, problems };
}

/** Rows with the line each ends on (a quoted cell may span lines); the header is line 1. */
export function parseCsv(text: string, file: string): { header: string[]; rows: CsvRow[]; problems: ImportProblem[] } {
  try {
    const records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true, trim: false }) as {
      record: Record<string, string>;
      info: { lines: number; columns: { name: string }[] };
    }[];
    const header = records[0]?.info.columns.map((c) => c.name) ?? (text.split(/\r?\n/)[0] ?? '').split(',');
    return { header, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })), problems: [] };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      header: [],
      rows: [],
      problems: [{ file, ...(line ? { line } : {}), field: '(file)', message: (error as Error).message }],
    };
  }
}

export function checkHeader(header: readonly string[], file: string): ImportProblem[] {
  const known = file === ENTITIES_CSV ? ENTITY_COLUMNS : RELATIONSHIP_COLUMNS;
  const required = file === ENTITIES_CSV ? ['id', 'kind', 'name'] : ['type', 'source', 'target'];
  const problems: ImportProblem[] = [];
  for (const column of header) {
    if (!known.includes(column) && !CITATION_COLUMNS.includes(column) && !NUMBERED_CITATION.test(column))
      problems.push({ file, line: 1, field: column, message: `unknown column "${column}"` });
  }
  for (const column of required)
    if (!header.includes(column)) problems.push({ file, line: 1, field: column, message: `missing column "${column}"` });
  return problems;
}

export interface CsvContext {
  documentId: string;
  /** How the file writes numbers; without it an ambiguous one (12.345) is refused. */
  convention?: NumberConvention;
}

export function mapCsv(files: ReadonlyMap<string, string>, context: CsvContext): Omit<MappedImport, 'merged'> {
  const problems: ImportProblem[] = [];
  const entities: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  const origins: { entities: Origin[]; relationships: Origin[] } = { entities: [], relationships: [] };
  for (const [file, target, originList, toValue] of [
    [ENTITIES_CSV, entities, origins.entities, entityFromRow],
    [RELATIONSHIPS_CSV, relationships, origins.relationships, relationshipFromRow],
  ] as const) {
    const text = files.get(file);
    if (text === undefined) continue;
    const parsed = parseCsv(text, file);
    problems.push(...parsed.problems, ...checkHeader(parsed.header, file));
    for (const row of parsed.rows) {
      const value = toValue(row, file, context.documentId, problems, context.convention);
      if (value) {
        target.push(value);
        originList.push({ file, line: row.line });
      }
    }
  }
  return {
    file: { format: 'interlock/1', entities, relationships },
    origins,
    problems,
    documentId: context.documentId,
    skipped: 0,
    warnings: [],
    unmapped: [],
  };
}

export function entityFromRow(
  row: CsvRow,
  file: string,
  documentId: string,
  problems: ImportProblem[],
  convention?: NumberConvention,
): Record<string, unknown> {
  const value = typedCells(row, ENTITY_COLUMNS, file, problems, convention);
  const kind = row.cells.kind?.trim();
  if (kind === 'Document') {
    value.title ??= value.name;
    return value;
  }
  value.status ??= 'reported';
  const summary = `${kind ?? '?'} ${row.cells.name ?? ''} (${row.cells.id ?? ''})`;
  value.citations = [...ownCitations(row, file, problems), fileCitation(documentId, file, row.line, summary)];
  return value;
}

export function relationshipFromRow(
  row: CsvRow,
  file: string,
  documentId: string,
  problems: ImportProblem[],
  convention?: NumberConvention,
): Record<string, unknown> {
  const value = typedCells(row, RELATIONSHIP_COLUMNS, file, problems, convention);
  // `role_translation_es` and its siblings are one field, `roleTranslations` ({es: ...}).
  const translations = (['en', 'es', 'ar'] as const).flatMap((language) => {
    const key = camel(`role_translation_${language}`);
    const text = value[key];
    delete value[key];
    return text === undefined ? [] : [[language, text] as const];
  });
  if (translations.length > 0) value.roleTranslations = Object.fromEntries(translations);
  const { type = '', source = '', target = '' } = row.cells;
  // A row without an id gets one from its ends and type, so importing the same row again updates it.
  value.id ??= `rel:${slugPart(source)}-${slugPart(type)}-${slugPart(target)}`.slice(0, 200);
  value.status ??= 'reported';
  const summary = `${source} ${type} ${target}${row.cells.role ? ` (${row.cells.role})` : ''}`;
  value.citations = [...ownCitations(row, file, problems), fileCitation(documentId, file, row.line, summary)];
  return value;
}

function fileCitation(documentId: string, file: string, line: number, summary: string) {
  return { documentId, locator: `${file} line ${line}`, quote: clip(summary, 1000) };
}

/**
 * Cells of the known columns, renamed to our camelCase fields and typed; empty cells are absent. A
 * number that cannot be read (or could be read two ways) is a problem naming its line and column.
 */
function typedCells(
  row: CsvRow,
  columns: readonly string[],
  file: string,
  problems: ImportProblem[],
  convention: NumberConvention | undefined,
): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const column of columns) {
    const cell = row.cells[column]?.trim();
    if (cell === undefined || cell === '') continue;
    const key = camel(column);
    if (LIST_COLUMNS.has(column))
      value[key] = cell
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (column === 'identifiers') value[key] = identifierCells(cell);
    else if (NUMBER_COLUMNS.has(column)) {
      const reading = readNumber(cell, convention);
      if (reading.ok) value[key] = reading.value;
      else problems.push({ file, line: row.line, field: column, message: reading.reason });
    } else if (BOOLEAN_COLUMNS.has(column))
      value[key] = /^(true|yes|1)$/i.test(cell) ? true : /^(false|no|0)$/i.test(cell) ? false : cell;
    else value[key] = cell;
  }
  return value;
}

/**
 * Citations from the row: `citation_document_id`/`_locator`/`_quote`, whose cells may hold several
 * citations separated by `|` (when the document id cell does), and numbered columns
 * `citation_2_document_id`... for quotes that themselves contain `|`.
 */
export function ownCitations(
  row: CsvRow,
  file: string,
  problems: ImportProblem[],
): { documentId: string; locator: string; quote: string }[] {
  const citations: { documentId: string; locator: string; quote: string }[] = [];
  const ids = row.cells.citation_document_id?.trim() ?? '';
  if (ids !== '') {
    const split = ids.includes('|');
    const parts = (column: string) => {
      const cell = row.cells[column]?.trim() ?? '';
      return split ? cell.split('|').map((s) => s.trim()) : [cell];
    };
    const [docs, locators, quotes] = CITATION_COLUMNS.map(parts) as [string[], string[], string[]];
    if (locators.length !== docs.length || quotes.length !== docs.length)
      problems.push({
        file,
        line: row.line,
        field: 'citation_document_id',
        message: `${docs.length} document ids but ${locators.length} locators and ${quotes.length} quotes; separate each with |`,
      });
    docs.forEach((documentId, i) => citations.push({ documentId, locator: locators[i] ?? '', quote: quotes[i] ?? '' }));
  }
  const numbered = new Map<number, Record<string, string>>();
  for (const [column, cell] of Object.entries(row.cells)) {
    const match = NUMBERED_CITATION.exec(column);
    if (!match || cell.trim() === '') continue;
    const n = Number(match[1]);
    numbered.set(n, { ...numbered.get(n), [match[2] as string]: cell.trim() });
  }
  for (const [, c] of [...numbered].sort(([a], [b]) => a - b))
    citations.push({ documentId: c.document_id ?? '', locator: c.locator ?? '', quote: c.quote ?? '' });
  return citations;
}

/** `lei=5493001KJTIIGC8Y1R12|wikidata=Q7747`: scheme and value, `=` between them, `|` between identifiers. */
function identifierCells(cell: string): { scheme: string; value: string }[] {
  return cell
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? { scheme: '', value: part } : { scheme: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** `signedOn` -> `signed_on`, `citations.0.documentId` -> `citations.0.document_id`: problems name the column. */
export function columnName(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function slugPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
