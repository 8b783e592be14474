/**
 * An import from start to end, whatever the format: read the file, validate everything (every problem,
 * with its line), compare with what the database holds, and, unless it is a dry run, write the changes
 * and their audit entry in one transaction function. A failure anywhere leaves the database as it was
 * (ADR 0006). `onProgress` reports each phase for the terminal's progress bar and the page's events.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type {
  AuditChange,
  EntityKind,
  ImportFormat,
  ImportProblem,
  ImportProgress,
  ImportResult,
} from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { entityToStored, relationshipToStored } from '../../db/mapping.js';
import { recordAudit } from '../audit-log.js';
import { checkReferences, externalReferences, ImportValidationError, parseInterlockFile } from '../import-validation.js';
import { planChanges, type ChangePlan, type EntityRow, type RelationshipRow } from './change-plan.js';
import { columnName } from './csv.js';
import type { KnownEntity } from './ftm.js';
import { storedEntities, storedRelationships, writePlan } from './graph-writes.js';
import { locateProblem, type MappedImport } from './mapped-import.js';
import { readImport } from './readers.js';

export interface Actor {
  /** Who: the token's name, `cli:<os user>` or `system:seed`. */
  actor: string;
  /** Through which route, e.g. `POST /api/import`. */
  route: string;
}

export type ProgressListener = (progress: ImportProgress) => void;

export interface ImportOptions extends Actor {
  format: ImportFormat;
  dryRun: boolean;
  onProgress?: ProgressListener;
}

export async function runImport(
  driver: Driver,
  database: string,
  file: { bytes: Uint8Array; fileName: string },
  options: ImportOptions,
): Promise<ImportResult> {
  options.onProgress?.({ phase: 'parse', done: 0, total: 1 });
  const mapped = await readImport({
    format: options.format,
    bytes: file.bytes,
    fileName: file.fileName,
    lookupFtm: (ids) => entitiesByFtmId(driver, database, ids),
  });
  options.onProgress?.({ phase: 'parse', done: 1, total: 1 });
  return applyImport(driver, database, mapped, options);
}

export async function applyImport(
  driver: Driver,
  database: string,
  mapped: MappedImport,
  options: ImportOptions,
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => undefined);
  const rename = options.format === 'csv' ? columnName : undefined;
  const locate = (problems: ImportProblem[]) =>
    mapped.locate ? mapped.locate(problems) : problems.map((p) => locateProblem(p, mapped.origins, rename));

  progress({ phase: 'validate', done: 0, total: 1 });
  const parsed = parseInterlockFile(mapped.file);
  const problems = [...mapped.problems, ...(parsed.ok ? [] : locate(parsed.problems))];
  if (!parsed.ok || problems.length > 0) throw new ImportValidationError(sortProblems(problems));
  const file = parsed.file;

  const work = async (tx: ManagedTransaction): Promise<ImportResult> => {
    const refProblems = checkReferences(file, await existingKinds(tx, externalReferences(file)));
    if (refProblems.length > 0) throw new ImportValidationError(sortProblems(locate(refProblems)));
    progress({ phase: 'validate', done: 1, total: 1 });

    const entityRows: EntityRow[] = file.entities.map((e) => ({ id: e.id, ...entityToStored(e) }));
    const relationshipRows: RelationshipRow[] = file.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));
    progress({ phase: 'compare', done: 0, total: entityRows.length + relationshipRows.length });
    const plan = planChanges(
      entityRows,
      relationshipRows,
      await storedEntities(
        tx,
        entityRows.map((r) => r.id),
      ),
      await storedRelationships(tx, relationshipRows),
    );
    progress({
      phase: 'compare',
      done: entityRows.length + relationshipRows.length,
      total: entityRows.length + relationshipRows.length,
    });

    const result = resultOf(plan, mapped, options);
    const changes = auditChanges(plan);
    if (options.dryRun || changes.length === 0) return result;

    await writePlan(tx, plan, (phase, done, total) => progress({ phase, done, total }));
    progress({ phase: 'audit', done: 0, total: 1 });
    const auditId = await recordAudit(tx, {
      actor: options.actor,
      route: options.route,
      action: 'import',
      summary: {
        format: options.format,
        documentId: mapped.documentId,
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
      },
      changes,
    });
    progress({ phase: 'audit', done: 1, total: 1 });
    return { ...result, auditId };
  };

  const session = driver.session({ database });
  try {
    const result = options.dryRun ? await session.executeRead(work) : await session.executeWrite(work);
    progress({ phase: 'done', done: 1, total: 1 });
    return result;
  } finally {
    await session.close();
  }
}

function resultOf(plan: ChangePlan, mapped: MappedImport, options: ImportOptions): ImportResult {
  return {
    format: options.format,
    dryRun: options.dryRun,
    created: { entities: plan.entities.created.length, relationships: plan.relationships.created.length },
    updated: { entities: plan.entities.updated.length, relationships: plan.relationships.updated.length },
    unchanged: { entities: plan.entities.unchanged, relationships: plan.relationships.unchanged },
    merged: mapped.merged,
    skipped: mapped.skipped,
    warnings: mapped.warnings,
    documentId: mapped.documentId,
    auditId: null,
  };
}

function auditChanges(plan: ChangePlan): AuditChange[] {
  return [
    ...plan.entities.created.map((r) => ({
      id: r.id,
      what: 'entity' as const,
      op: 'created' as const,
      before: null,
      after: r.properties,
    })),
    ...plan.entities.updated.map((u) => ({
      id: u.row.id,
      what: 'entity' as const,
      op: 'updated' as const,
      before: u.before,
      after: u.row.properties,
    })),
    ...plan.relationships.created.map((r) => ({
      id: r.id,
      what: 'relationship' as const,
      op: 'created' as const,
      source: r.source,
      target: r.target,
      before: null,
      after: r.properties,
    })),
    ...plan.relationships.updated.map((u) => ({
      id: u.row.id,
      what: 'relationship' as const,
      op: 'updated' as const,
      source: u.row.source,
      target: u.row.target,
      before: u.before,
      after: u.row.properties,
    })),
  ];
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

async function existingKinds(tx: ManagedTransaction, ids: string[]): Promise<Map<string, EntityKind>> {
  if (ids.length === 0) return new Map();
  const result = await tx.run(cypher('queries/entity-kinds'), { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
}

async function entitiesByFtmId(driver: Driver, database: string, ftmIds: string[]): Promise<Map<string, KnownEntity>> {
  if (ftmIds.length === 0) return new Map();
  const { records } = await driver.executeQuery(cypher('queries/entities-by-ftm-id'), { ftmIds }, { database, routing: 'READ' });
  return new Map(
    records.map((r) => [r.get('ftmId') as string, { id: r.get('id') as string, kind: r.get('kind') as EntityKind }]),
  );
}
