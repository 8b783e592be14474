/** Imports through the API and the audit trail: request and answer shapes. */
import { z } from 'zod';
import { BooleanFlag, EntityId } from './common.js';

/**
 * Our JSON, our CSV zip, FollowTheMoney, and three public sources read into our model: LittleSis
 * (bulk or API JSON), Open Contracting (OCDS packages or release lines) and USAspending award CSVs.
 */
export const IMPORT_FORMATS = ['json', 'csv', 'ftm', 'littlesis', 'ocds', 'usaspending'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportQuery = z.object({
  format: ImportFormat.optional().describe(
    'json, csv (a zip of entities.csv and relationships.csv), ftm (JSON lines), littlesis, ocds or usaspending; detected from the content (gzip included) when absent',
  ),
  dryRun: BooleanFlag.default(false).describe('1 to report what would change without writing'),
  filename: z.string().min(1).max(300).optional().describe('the file name, used as the title of the import Document'),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 locale such as "de" or "en-GB"')
    .optional()
    .describe(
      'how the file writes numbers (de: 1.234,5; en: 1,234.5); without it, a number whose decimal separator is ambiguous (12.345) is refused',
    ),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportCounts = z.object({ entities: z.number().int(), relationships: z.number().int() });
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportWarning = z.object({ line: z.number().int().optional(), message: z.string() });
export type ImportWarning = z.infer<typeof ImportWarning>;

/** What a FollowTheMoney file held that was not imported: a whole schema (property null) or one property of it. */
export const UnmappedProperty = z.object({
  schema: z.string(),
  property: z.string().nullable(),
  /** Lines of that schema it concerns. */
  lines: z.number().int(),
  firstLine: z.number().int(),
  reason: z.string(),
});
export type UnmappedProperty = z.infer<typeof UnmappedProperty>;

/** Up to 20 entities and 20 relationships an import creates or changes: the preview, and what to show after. */
export const ImportSample = z.object({
  entities: z.array(z.object({ id: EntityId, kind: z.string(), name: z.string(), op: z.enum(['created', 'updated']) })),
  relationships: z.array(
    z.object({ id: EntityId, type: z.string(), source: EntityId, target: EntityId, op: z.enum(['created', 'updated']) }),
  ),
});
export type ImportSample = z.infer<typeof ImportSample>;
export const IMPORT_SAMPLE_SIZE = 20;

export const ImportResult = z.object({
  format: ImportFormat,
  dryRun: z.boolean(),
  created: ImportCounts,
  updated: ImportCounts,
  unchanged: ImportCounts,
  /** FollowTheMoney fragments (lines) folded into an entity met earlier in the same file. */
  merged: ImportCounts,
  /** Lines read but not imported (a schema our model has no place for), with why. */
  skipped: z.number().int(),
  warnings: z.array(ImportWarning).describe('at most 100'),
  /** FtM schemata and properties the file held that were not imported, and why (empty for other formats). */
  unmapped: z.array(UnmappedProperty),
  /**
   * Entities of the file that carry an identifier (scheme and value) an entity already in the graph has:
   * they were written to that entity (their names became aliases, their citations were added) instead of
   * creating a second one. Counted among `updated` or `unchanged`.
   */
  attached: z.number().int().default(0),
  sample: ImportSample.default({ entities: [], relationships: [] }).describe(
    'a sample of what the import creates or changes (sources last): a dry run shows it before, an import what came in',
  ),
  /** The Document the file became (CSV and FtM); null for Interlock JSON, whose facts cite their own. */
  documentId: EntityId.nullable(),
  /** The audit entry of this import; null for a dry run or when nothing changed. */
  auditId: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/** `scan`: a first reading of the whole file before it is parsed (OCDS: the hash that names its Document). */
export const IMPORT_PHASES = ['scan', 'parse', 'validate', 'compare', 'entities', 'relationships', 'audit', 'done'] as const;
export const ImportProgress = z.object({
  phase: z.enum(IMPORT_PHASES),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

// ------------------------------------------------------------------ audit

export const AuditChange = z.object({
  id: EntityId,
  what: z.enum(['entity', 'relationship']),
  op: z.enum(['created', 'updated', 'deleted']),
  /** An entity's kind and a relationship's type, so a deletion can be undone (edits and merges record them). */
  kind: z.string().optional(),
  type: z.string().optional(),
  /** The ends of a relationship. */
  source: EntityId.optional(),
  target: EntityId.optional(),
  /** Stored properties before and after (null where it did not exist). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The version the change left (for a deletion, the version the fact had), where it was recorded. */
  version: z.number().int().optional(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string().describe('ISO timestamp'),
  actor: z.string().describe("the token's name, cli:<os user> or system:seed"),
  route: z.string().describe('how the change came in, e.g. "POST /api/import" or "cli import"'),
  action: z.string().describe('import, create, update, delete, merge, undo or reject-duplicate'),
  summary: z.record(z.string(), z.unknown()).describe('counts and format of the change'),
  entityIds: z.array(z.string()).describe('entities changed, and the ends of relationships changed'),
  relationshipIds: z.array(z.string()),
  /** Before/after per id; null when the change was too large to keep in detail (ids and counts remain). */
  changes: z.array(AuditChange).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entity: EntityId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditResponse = z.object({ entries: z.array(AuditEntry) });
export type AuditResponse = z.infer<typeof AuditResponse>;
