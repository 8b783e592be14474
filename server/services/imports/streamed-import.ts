/**
 * An import of a file too large to hold (a LittleSis bulk file of gigabytes), one chunk of records at a
 * time (ADR 0024). Each chunk is validated, compared with the database and, unless this is a dry run,
 * written in batch transactions that each carry their undo record: the undo log of ADR 0011, under one
 * import id for the whole file. A problem anywhere stops the writing; the file is still read to the end
 * so every problem is reported with its line or record, and what was written is undone. The audit entry
 * is written, and the undo log forgotten, in one transaction once the file ended cleanly. Memory holds
 * one chunk, the ids a later chunk may need, and bounded lists (problems, warnings, sample, audit ids).
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  IMPORT_SAMPLE_SIZE,
  type AuditChange,
  type EntityKind,
  type ImportProblem,
  type ImportResult,
  type InterlockFile,
} from '../../../schemas/index.js';
import { entityToStored, relationshipToStored } from '../../db/mapping.js';
import { openSession } from '../../db/transactions.js';
import { DETAIL_LIMIT, ID_LIMIT, recordAudit } from '../audit-log.js';
import { checkReferences, externalReferences, ImportValidationError, parseInterlockFile } from '../import-validation.js';
import {
  planChanges,
  type ChangePlan,
  type EntityRow,
  type RelationshipRow,
  type StoredEntity,
  type StoredRelationship,
} from './change-plan.js';
import { BATCH, runStep, storedEntities, storedRelationships, writeSteps } from './graph-writes.js';
import { identifiedAs } from './identifiers.js';
import {
  auditChanges,
  existingKinds,
  ImportRollbackError,
  isEmpty,
  resultOf,
  sortProblems,
  storedOrMerged,
  type ImportOptions,
  type WriteTuning,
} from './import-service.js';
import { locateProblem, MAX_WARNINGS, type MappedImport } from './mapped-import.js';
import { entityIdsOf, followMerges, keepMerges, mergedInto } from './merged-ids.js';
import { ImportInterruptedError, checkStillWriting, rollBackWhenPossible, startedWriting, stoppedWriting } from './recovery.js';
import { forgetUndo, rollbackImport, writeUndo } from './undo-log.js';

/** Problems listed at most; past this the count is given. A systematic fault would repeat on every line. */
export const MAX_PROBLEMS = 1_000;

export interface ChunkedFile {
  /** The file's records mapped one chunk at a time, in file order. */
  chunks: AsyncIterable<MappedImport>;
  /** How far the reading is, in bytes of the file as stored (for the progress bar). */
  position(): { done: number; total: number };
}

type Known = { id: string; kind: EntityKind };

export async function applyStreamedImport(
  driver: Driver,
  database: string,
  source: ChunkedFile,
  options: ImportOptions & { tuning?: WriteTuning },
): Promise<ImportResult> {
  const onProgress = options.onProgress ?? (() => undefined);
  const progress = (phase: 'parse' | 'compare' | 'entities' | 'relationships') => onProgress({ phase, ...source.position() });
  const batchSize = options.tuning?.batchSize ?? BATCH;
  const importId = `import:${randomUUID()}`;
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const addProblems = (list: readonly ImportProblem[]) => {
    problemCount += list.length;
    for (const p of list) if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  let result: ImportResult | undefined;
  const changes: AuditChange[] = [];
  let changeCount = 0;
  // Dry run: entities of earlier chunks are not in the database, yet later chunks may cite or link them.
  const given = new Map<string, EntityKind>();
  // Entities of earlier chunks an identifier attached to a stored one: later links to them go there too.
  const redirects = new Map<string, Known>();
  let written = 0;

  const session = openSession(driver, database, 'WRITE');
  try {
    for await (const mapped of source.chunks) {
      progress('parse');
      const parsed = parseInterlockFile(mapped.file);
      addProblems(mapped.problems);
      if (!parsed.ok) addProblems(parsed.problems.map((p) => locateProblem(p, mapped.origins)));
      // Once a problem is known nothing more is compared or written; the rest is read for its problems.
      if (!parsed.ok || problemCount > 0) continue;
      progress('compare');
      const planned = await session.executeRead((tx) => planChunk(tx, parsed.file, given, redirects));
      if (planned.problems.length > 0) {
        addProblems(planned.problems.map((p) => locateProblem(p, mapped.origins)));
        continue;
      }
      if (options.dryRun) countAgainAsUpdated(planned.plan, given);
      const chunkResult = { ...resultOf(planned.plan, mapped, options), attached: planned.attached };
      result = result ? addUp(result, chunkResult) : chunkResult;
      for (const [id, known] of planned.identified) redirects.set(id, known);
      if (options.dryRun) {
        for (const e of parsed.file.entities) given.set(e.id, e.kind);
        continue;
      }
      const summary = summaryOf(result, options);
      for (const { step, undo, what } of writeSteps(planned.plan, planned.stored, batchSize)) {
        if (written === 0) startedWriting(importId);
        await session.executeWrite(async (tx) => {
          checkStillWriting(importId);
          await runStep(tx, step);
          await writeUndo(tx, { importId, seq: written, total: null, actor: options.actor, route: options.route, summary, undo });
        });
        written += 1;
        progress(what);
        await options.tuning?.afterBatch?.(written, 0);
      }
      for (const change of auditChanges(planned.plan)) {
        changeCount += 1;
        // Past DETAIL_LIMIT the entry keeps only ids (as for any large import), past ID_LIMIT only counts.
        if (changes.length < ID_LIMIT)
          changes.push(changeCount > DETAIL_LIMIT ? { ...change, before: null, after: null } : change);
      }
    }
    if (problemCount > 0) {
      if (written > 0) await rollbackImport(driver, database, importId, 'the file has problems');
      const listed = sortProblems(problems);
      if (problemCount > listed.length)
        listed.push({ field: '(file)', message: `and ${problemCount - listed.length} more problem(s) not listed` });
      throw new ImportValidationError(listed);
    }
    const final = result ?? emptyResult(options);
    if (options.dryRun || written === 0) {
      onProgress({ phase: 'done', done: 1, total: 1 });
      return final;
    }
    onProgress({ phase: 'audit', done: 0, total: 1 });
    const auditId = await session.executeWrite(async (tx) => {
      checkStillWriting(importId);
      const id = await recordAudit(tx, {
        actor: options.actor,
        route: options.route,
        action: 'import',
        summary: { ...summaryOf(final, options), transactions: written + 1, streamed: true },
        changes: changes.length > DETAIL_LIMIT ? changes.map((c) => ({ ...c, before: null, after: null })) : changes,
        withoutDetail: changeCount > DETAIL_LIMIT,
        truncated: changeCount > changes.length,
      });
      await forgetUndo(tx, importId);
      return id;
    });
    onProgress({ phase: 'done', done: 1, total: 1 });
    return { ...final, auditId };
  } catch (error) {
    if (written > 0 && !(error instanceof ImportValidationError)) {
      stoppedWriting(importId);
      try {
        await rollbackImport(driver, database, importId, 'the import failed');
      } catch (rollbackError) {
        rollBackWhenPossible(driver, database, importId);
        throw new ImportRollbackError(importId, { written, total: written }, error, rollbackError);
      }
      if (error instanceof ImportInterruptedError)
        throw new ImportRollbackError(importId, { written, total: written }, error, null);
    }
    throw error;
  } finally {
    stoppedWriting(importId);
    await session.close();
  }
}

/**
 * One chunk compared with the database, as `applyImport` plans a whole file: merged ids and identifiers
 * followed, references checked (against the database, and in a dry run the chunks before), then what
 * would be created, updated or left unchanged.
 */
async function planChunk(
  tx: ManagedTransaction,
  chunk: InterlockFile,
  given: ReadonlyMap<string, EntityKind>,
  redirects: ReadonlyMap<string, Known>,
) {
  const merged = await mergedInto(tx, entityIdsOf(chunk));
  const identified = await identifiedAs(tx, chunk, await storedOrMerged(tx, chunk, merged));
  const { file, absorbed } = followMerges(chunk, new Map([...redirects, ...identified, ...merged]));
  const entityRows: EntityRow[] = file.entities.map((e) => ({ id: e.id, ...entityToStored(e) }));
  const relationshipRows: RelationshipRow[] = file.relationships.map((r) => ({ id: r.id, ...relationshipToStored(r) }));
  const external = externalReferences(file);
  const kinds = await existingKinds(tx, external);
  for (const id of external) {
    const kind = given.get(id);
    if (kind && !kinds.has(id)) kinds.set(id, kind);
  }
  const problems = checkReferences(file, kinds);
  const stored = (await isEmpty(tx))
    ? { entities: new Map<string, StoredEntity>(), relationships: new Map<string, StoredRelationship>() }
    : {
        entities: await storedEntities(tx, [...new Set([...entityRows.map((r) => r.id), ...absorbed.keys()])]),
        relationships: await storedRelationships(tx, relationshipRows),
      };
  const plan = planChanges(
    keepMerges(entityRows, absorbed, stored.entities),
    relationshipRows,
    stored.entities,
    stored.relationships,
  );
  return { plan, stored, problems, identified, attached: identified.size };
}

/**
 * Dry run: an entity an earlier chunk gave again (a contract a later release replaces) is not in the
 * database, but a real run would have written it by then and would update it: counted so.
 */
function countAgainAsUpdated(plan: ChangePlan, given: ReadonlyMap<string, EntityKind>): void {
  const again = plan.entities.created.filter((row) => given.has(row.id));
  if (again.length === 0) return;
  plan.entities.created = plan.entities.created.filter((row) => !given.has(row.id));
  plan.entities.updated.push(...again.map((row) => ({ row, before: null })));
}

/** The counts of two chunks together; warnings and the sample up to their limits. */
function addUp(a: ImportResult, b: ImportResult): ImportResult {
  const sum = (x: { entities: number; relationships: number }, y: { entities: number; relationships: number }) => ({
    entities: x.entities + y.entities,
    relationships: x.relationships + y.relationships,
  });
  return {
    ...a,
    created: sum(a.created, b.created),
    updated: sum(a.updated, b.updated),
    unchanged: sum(a.unchanged, b.unchanged),
    merged: sum(a.merged, b.merged),
    skipped: a.skipped + b.skipped,
    attached: a.attached + b.attached,
    warnings: [...a.warnings, ...b.warnings].slice(0, MAX_WARNINGS),
    sample: {
      entities: [...a.sample.entities, ...b.sample.entities].slice(0, IMPORT_SAMPLE_SIZE),
      relationships: [...a.sample.relationships, ...b.sample.relationships].slice(0, IMPORT_SAMPLE_SIZE),
    },
  };
}

function summaryOf(result: ImportResult, options: ImportOptions): Record<string, unknown> {
  return {
    format: options.format,
    documentId: result.documentId,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
  };
}

function emptyResult(options: ImportOptions): ImportResult {
  const none = { entities: 0, relationships: 0 };
  return {
    format: options.format,
    dryRun: options.dryRun,
    created: none,
    updated: none,
    unchanged: none,
    merged: none,
    skipped: 0,
    warnings: [],
    unmapped: [],
    attached: 0,
    sample: { entities: [], relationships: [] },
    documentId: null,
    auditId: null,
  };
}
