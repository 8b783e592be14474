/**
 * CSV as a zip: `entities.csv` and `relationships.csv` with exactly the columns our CSV import reads
 * (docs/import-formats.md), every citation in its own numbered columns (a quote may contain `|`), plus
 * `snapshot.csv` naming the snapshot, version and export date. Cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return) get a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Citation, Entity, Relationship } from '../../../schemas/index.js';
import { allEntities, provenanceLine, type ExportInput } from './context.js';

const ENTITY_FIELDS: [column: string, field: string][] = [
  ['id', 'id'],
  ['kind', 'kind'],
  ['name', 'name'],
  ['aliases', 'aliases'],
  ['description', 'description'],
  ['start', 'start'],
  ['end', 'end'],
  ['current', 'current'],
  ['status', 'status'],
  ['inferred_from', 'inferredFrom'],
  ['jurisdiction', 'jurisdiction'],
  ['amount', 'amount'],
  ['currency', 'currency'],
  ['signed_on', 'signedOn'],
  ['purpose', 'purpose'],
  ['enacted_on', 'enactedOn'],
  ['title', 'title'],
  ['publisher', 'publisher'],
  ['published_on', 'publishedOn'],
  ['url', 'url'],
  ['language', 'language'],
  ['identifiers', 'identifiers'],
  ['birth_date', 'birthDate'],
  ['death_date', 'deathDate'],
  ['nationality', 'nationality'],
  ['country', 'country'],
  ['topics', 'topics'],
  ['amount_eur', 'amountEur'],
  ['amount_usd', 'amountUsd'],
  ['ftm_id', 'ftmId'],
  ['ftm_schema', 'ftmSchema'],
];
const RELATIONSHIP_FIELDS: [column: string, field: string][] = [
  ['id', 'id'],
  ['type', 'type'],
  ['source', 'source'],
  ['target', 'target'],
  ['start', 'start'],
  ['end', 'end'],
  ['current', 'current'],
  ['status', 'status'],
  ['inferred_from', 'inferredFrom'],
  ['role', 'role'],
  ['seat', 'seat'],
  ['percentage', 'percentage'],
  ['data', 'data'],
  ['summary', 'summary'],
  ['counterparty_ids', 'counterpartyIds'],
  ['amount', 'amount'],
  ['currency', 'currency'],
  ['amount_eur', 'amountEur'],
  ['amount_usd', 'amountUsd'],
  ['purpose', 'purpose'],
  ['programme', 'programme'],
  ['payment_kind', 'paymentKind'],
  ['shares_count', 'sharesCount'],
  ['ownership_type', 'ownershipType'],
  ['relation', 'relation'],
  ['on_behalf_of', 'onBehalfOf'],
  ['issue', 'issue'],
  ['program', 'program'],
  ['reason', 'reason'],
  ['provisions', 'provisions'],
  ['listing_date', 'listingDate'],
  // The translations of the role (seat, data...) in `roleTranslations`, one column per language.
  ['role_translation_en', 'roleTranslations.en'],
  ['role_translation_es', 'roleTranslations.es'],
  ['role_translation_ar', 'roleTranslations.ar'],
  ['ftm_id', 'ftmId'],
  ['ftm_schema', 'ftmSchema'],
];

/** A spreadsheet treats these first characters as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  // 12.345 would read as twelve thousand in some locales: a fourth decimal makes the dot a decimal point.
  if (typeof value === 'number') return /^-?\d{1,3}\.\d{3}$/.test(String(value)) ? `${value}0` : String(value);
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v !== null && 'scheme' in v
          ? `${String(v.scheme)}=${String((v as { value: unknown }).value)}`
          : String(v),
      )
      .join('|');
  return String(value);
}

/** A field, or one entry of a map field (`roleTranslations.es`). */
function fieldOf(record: Record<string, unknown>, field: string): unknown {
  const [name = field, key] = field.split('.');
  const value = record[name];
  return key === undefined
    ? value
    : typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[key]
      : undefined;
}

function citationColumns(count: number): string[] {
  const columns: string[] = [];
  for (let i = 1; i <= count; i++) {
    const prefix = i === 1 ? 'citation' : `citation_${i}`;
    columns.push(`${prefix}_document_id`, `${prefix}_locator`, `${prefix}_quote`);
  }
  return columns;
}

function citationCells(citations: readonly Citation[], count: number): string[] {
  const cells: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = citations[i];
    cells.push(c?.documentId ?? '', c?.locator ?? '', c?.quote ?? '');
  }
  return cells;
}

function table(rows: readonly (Entity | Relationship)[], fields: [string, string][]): string {
  const citations = Math.max(1, ...rows.map((r) => r.citations.length));
  const header = [...fields.map(([column]) => column), ...citationColumns(citations)];
  const body = rows.map((row) => {
    const record = row as unknown as Record<string, unknown>;
    return [...fields.map(([, field]) => cellOf(fieldOf(record, field))), ...citationCells(row.citations, citations)].map(
      neutralise,
    );
  });
  // A byte-order mark tells spreadsheets the file is UTF-8 (Arabic and accented names); our import skips it.
  return `\uFEFF${stringify([header, ...body], { record_delimiter: 'unix' })}`;
}

export function renderCsvFiles(input: ExportInput): Record<string, string> {
  const { snapshot, exportedAt } = input;
  const about = stringify(
    [
      ['field', 'value'],
      ['title', snapshot.content.title],
      ['description', snapshot.content.description],
      ['snapshot', snapshot.id],
      ['version', String(snapshot.version)],
      ['published', String(snapshot.published)],
      ['exported_at', exportedAt.toISOString()],
      ['about', provenanceLine(input)],
    ].map((row) => row.map(neutralise)),
    { record_delimiter: 'unix' },
  );
  return {
    'entities.csv': table(allEntities(snapshot), ENTITY_FIELDS),
    'relationships.csv': table(snapshot.content.relationships, RELATIONSHIP_FIELDS),
    'snapshot.csv': `\uFEFF${about}`,
  };
}

export function renderCsvZip(input: ExportInput): Uint8Array {
  const files = renderCsvFiles(input);
  const mtime = input.exportedAt;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])));
}
