/**
 * Primitives shared by every schema: ids, dates, provenance. Imported by the server and the web client
 * alike, so nothing here may depend on Node or the browser.
 */
import { z } from 'zod';

/** Stable, URL-safe entity or relationship id such as `person:vincent-line`. */
export const EntityId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._~-]*$/, 'must look like kind:slug, lower-case, URL-safe');
export type EntityId = z.infer<typeof EntityId>;

/** ISO date, partial allowed: `2020`, `2020-04`, `2020-04-20`; a day the calendar has (no 2020-02-31). */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a day of the calendar (that month has fewer days)');
export type PartialDate = z.infer<typeof PartialDate>;

/** False for a full date whose day the month does not have (`2021-02-29`, `2020-04-31`). Pure. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return true;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Day 0 of the next month is the last day of this one (UTC: no time zone moves it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A web address a document can be found at: http or https only. A `javascript:`, `data:` or `vbscript:`
 * "address" would run or show whatever it holds when someone clicks the source of a fact.
 */
export const WebAddress = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });

/**
 * How many times an entity or relationship has been written: 1 when created, one more for every change
 * by any path (edits, imports, merges, undo). Reads return it; a write may name the version it was made
 * against, and is refused (412) when the fact has moved on since.
 */
export const Version = z.number().int().min(1);
export type Version = z.infer<typeof Version>;
/**
 * A code an authority assigned to identify an entity: a registration or tax number, an LEI, a Wikidata
 * QID, a source's own id. `scheme` says whose code it is, lower-case (`lei`, `uei`, `duns`, `inn`, `ogrn`,
 * `vat`, `registration`, `tax`, `wikidata`, `passport`, `littlesis`, `ocds:<scheme>`...): two identifiers
 * are the same only when scheme and value both are.
 */
export const Identifier = z.object({
  scheme: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z][a-z0-9._-]*(:[a-z0-9._-]+)*$/, 'must be a lower-case scheme such as "lei" or "ocds:gb-coh"'),
  value: z.string().trim().min(1).max(300),
});
export type Identifier = z.infer<typeof Identifier>;

/**
 * A country or territory as FollowTheMoney writes it: an ISO 3166-1 alpha-2 code in lower case (`de`,
 * `ru`), or one of FtM's codes for historic and disputed places (`suhh`, `ua-cri`, `x-so`).
 */
export const CountryCode = z.string().regex(/^[a-z]{1,4}(-[a-z]{1,4})?$/, 'must be a lower-case ISO 3166 code such as "de"');
export type CountryCode = z.infer<typeof CountryCode>;

/** How firmly a fact stands. */
export const FactStatus = z.enum(['reported', 'confirmed', 'alleged', 'inferred']);
export type FactStatus = z.infer<typeof FactStatus>;

/** Where a fact comes from: a Document, a place in it, and the exact words. */
export const Citation = z.object({
  documentId: EntityId.describe('id of the Document node the fact is sourced to'),
  locator: z.string().min(1).max(200).describe('page, line or paragraph, e.g. "line 24"'),
  quote: z.string().min(1).max(1000).describe('the exact words of the source that support the fact'),
});
export type Citation = z.infer<typeof Citation>;

/** Fields every dated, sourced fact carries (relationships and non-Document entities). */
export const FactFields = {
  start: PartialDate.optional(),
  end: PartialDate.optional(),
  current: z.boolean().optional().describe('true where the source says current, false where it says former'),
  status: FactStatus,
  inferredFrom: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('required when status is "inferred": what the fact was inferred from'),
};

/** Machine-readable error body used by every 4xx and 5xx answer. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** One problem of an import file: where (file, line, field) and why. */
export const ImportProblem = z.object({
  file: z.string().optional().describe('which file of a CSV zip'),
  line: z.number().int().positive().optional().describe('1-based line of the file'),
  field: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** The error body of a rejected import: the usual error plus every problem found. */
export const ImportErrorResponse = ApiError.extend({ problems: z.array(ImportProblem) });
export type ImportErrorResponse = z.infer<typeof ImportErrorResponse>;

/** A yes/no switch as query strings and environment variables spell it: `1`, `0`, `true`, `false`. */
export const BooleanFlag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
