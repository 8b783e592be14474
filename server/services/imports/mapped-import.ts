/**
 * What every format's reader produces: an Interlock file not yet validated, plus where each entity and
 * relationship came from (file and line), so problems found later can name the line a person must fix.
 */
import type { ImportCounts, ImportProblem, ImportWarning, UnmappedProperty } from '../../../schemas/index.js';

export interface Origin {
  file?: string;
  line?: number;
}

export interface MappedImport {
  file: { format: 'interlock/1'; entities: unknown[]; relationships: unknown[] };
  origins: { entities: Origin[]; relationships: Origin[] };
  /** Problems found while reading (bad JSON, missing columns, unknown references). */
  problems: ImportProblem[];
  documentId: string | null;
  merged: ImportCounts;
  skipped: number;
  warnings: ImportWarning[];
  /** What a FollowTheMoney file held that was not imported, per schema and property. */
  unmapped: UnmappedProperty[];
  /** Places problems found on the combined file in the source (our JSON: the line of each path). */
  locate?: (problems: ImportProblem[]) => ImportProblem[];
}

export const MAX_WARNINGS = 100;

/**
 * Turns a problem on the combined file (`entities.12.currency`) into one on the source line
 * (`{line: 14, field: 'currency'}`). Problems without an origin (our JSON) keep their path.
 */
export function locateProblem(
  problem: ImportProblem,
  origins: MappedImport['origins'],
  renameField: (field: string) => string = (f) => f,
): ImportProblem {
  const match = /^(entities|relationships)\.(\d+)(?:\.(.*))?$/.exec(problem.field);
  const origin = match ? origins[match[1] as 'entities' | 'relationships'][Number(match[2])] : undefined;
  if (!match || !origin || origin.line === undefined) return problem;
  return { ...origin, field: renameField(match[3] ?? '(row)'), message: problem.message };
}
