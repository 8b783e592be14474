/**
 * The undo log of a large import (ADR 0011). A large import writes in several transactions; each batch
 * transaction also writes an `:ImportUndo` record holding the step that reverses it (and the number of
 * batches planned and what the import will record, so a log whose every batch is there can be completed),
 * so a batch is never committed without its undo. Completing the import deletes the records in the
 * transaction that writes the audit entry; a failure undoes the committed batches, latest first, each undo
 * in one transaction with the deletion of its record (so an interrupted rollback can simply be run again,
 * and two processes rolling back the same import never undo a batch twice). A rollback is recorded in the
 * audit trail: readers may have seen the batches while they were there.
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { AuditChange } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { openSession } from '../../db/transactions.js';
import { recordAudit } from '../audit-log.js';
import { runStep, type WriteStep } from './graph-writes.js';

/** Who records the automatic rollback or completion of an import (the importer is named in the summary). */
export const RECOVERY_ACTOR = 'system:recovery';

export interface UndoRecord {
  importId: string;
  seq: number;
  /**
   * Batches the import planned: a log holding all of them belongs to an import that only missed its
   * completion. Null for a streamed import, which cannot know its batches before the file ends: its log
   * is always rolled back, never completed, by recovery.
   */
  total: number | null;
  actor: string;
  route: string;
  /** What the import's audit entry will say (format, counts, document). */
  summary: Record<string, unknown>;
  undo: WriteStep;
}

export async function writeUndo(tx: ManagedTransaction, record: UndoRecord): Promise<void> {
  await tx.run(cypher('queries/import-undo'), {
    record: {
      importId: record.importId,
      seq: int(record.seq),
      total: record.total === null ? null : int(record.total),
      at: new Date().toISOString(),
      actor: record.actor,
      route: record.route,
      summary: JSON.stringify(record.summary),
      undo: JSON.stringify(record.undo),
    },
  });
}

/** Deletes the whole undo log of an import: call in the transaction that completes it. */
export async function forgetUndo(tx: ManagedTransaction, importId: string): Promise<void> {
  await tx.run(cypher('queries/delete-import-undo'), { importId, seq: null });
}

interface StoredUndo {
  seq: number;
  undo: WriteStep;
  total: number | null;
  actor: string;
  route: string;
  summary: Record<string, unknown>;
  at: string;
}

async function undoRecords(driver: Driver, database: string, importId: string): Promise<StoredUndo[]> {
  const { records } = await driver.executeQuery(cypher('queries/import-undo-records'), { importId }, { database });
  return records.map((r) => ({
    seq: r.get('seq') as number,
    undo: JSON.parse(r.get('undo') as string) as WriteStep,
    total: (r.get('total') as number | null) ?? null,
    actor: String(r.get('actor') ?? 'unknown'),
    route: String(r.get('route') ?? 'import'),
    summary: typeof r.get('summary') === 'string' ? (JSON.parse(r.get('summary') as string) as Record<string, unknown>) : {},
    at: String(r.get('at')),
  }));
}

/**
 * Reverses every committed batch of an import, latest first, and removes its undo log; the last undo
 * transaction also records the rollback in the audit trail. Returns how many batches this call undid.
 * Safe to run again after an interruption, and alongside another rollback of the same import: each undo
 * commits with the removal of its record, and a record already removed is skipped.
 */
export async function rollbackImport(
  driver: Driver,
  database: string,
  importId: string,
  reason = 'the import did not finish',
): Promise<number> {
  const records = await undoRecords(driver, database, importId);
  const session = openSession(driver, database, 'WRITE');
  let undone = 0;
  const changes: AuditChange[] = [];
  try {
    for (const [i, record] of records.entries()) {
      const last = i === records.length - 1;
      const did = await session.executeWrite(async (tx) => {
        const taken = await tx.run(cypher('queries/delete-import-undo'), { importId, seq: int(record.seq) });
        if (Number(taken.records[0]?.get('deleted') ?? 0) === 0) return false;
        await runStep(tx, record.undo);
        if (last) {
          await recordAudit(tx, {
            actor: RECOVERY_ACTOR,
            route: record.route,
            action: 'import-rollback',
            summary: { importId, importedBy: record.actor, startedAt: record.at, batchesUndone: undone + 1, reason },
            changes: [...changes, ...undoChanges(record.undo)],
          });
        }
        return true;
      });
      if (did) {
        undone += 1;
        changes.push(...undoChanges(record.undo));
      }
    }
  } finally {
    await session.close();
  }
  return undone;
}

/**
 * Completes an import whose every batch was committed but whose last transaction (the audit entry and the
 * removal of its undo log) never ran: the graph already holds the whole import, so it is recorded, with
 * the ids it wrote, and its undo log removed. Returns false when the log is not complete (or gone).
 */
export async function completeImport(driver: Driver, database: string, importId: string): Promise<boolean> {
  const records = await undoRecords(driver, database, importId);
  const first = records.at(-1);
  if (!first || first.total === null || records.length !== first.total) return false;
  const session = openSession(driver, database, 'WRITE');
  try {
    return await session.executeWrite(async (tx) => {
      const gone = await tx.run(cypher('queries/delete-import-undo'), { importId, seq: null });
      if (Number(gone.records[0]?.get('deleted') ?? 0) !== records.length) return false;
      await recordAudit(tx, {
        actor: first.actor,
        route: first.route,
        action: 'import',
        summary: { ...first.summary, importId, completedBy: RECOVERY_ACTOR, transactions: records.length },
        changes: records.flatMap((r) => writtenChanges(r.undo)),
        withoutDetail: true,
      });
      return true;
    });
  } finally {
    await session.close();
  }
}

/** What undoing one batch changed: the rows it removed or put back. */
function undoChanges(step: WriteStep): AuditChange[] {
  switch (step.op) {
    case 'delete-entities':
      return step.ids.map((id) => ({ id, what: 'entity', op: 'deleted', before: null, after: null }));
    case 'delete-relationships':
      return step.ids.map((id) => ({ id, what: 'relationship', op: 'deleted', before: null, after: null }));
    case 'upsert-entities':
    case 'create-entities':
      return step.rows.map((r) => ({ id: r.id, what: 'entity', op: 'updated', kind: r.kind, before: null, after: r.properties }));
    case 'replace-relationships':
    case 'create-relationships':
      return step.rows.map((r) => ({
        id: r.id,
        what: 'relationship',
        op: 'updated',
        source: r.source,
        target: r.target,
        before: null,
        after: r.properties,
      }));
  }
}

/** What the batch an undo step reverses had written: the ids it created or changed. */
function writtenChanges(undo: WriteStep): AuditChange[] {
  return undoChanges(undo).map((c) => ({ ...c, op: c.op === 'deleted' ? 'created' : 'updated', before: null, after: null }));
}

export interface UnfinishedImport {
  importId: string;
  startedAt: string;
  lastBatchAt: string;
  actor: string;
  batches: number;
  /** Batches planned (null for logs written before it was recorded). */
  total: number | null;
}

/** Imports that stopped between batches (the process died): neither completed nor rolled back. */
export async function unfinishedImports(driver: Driver, database: string): Promise<UnfinishedImport[]> {
  const { records } = await driver.executeQuery(cypher('queries/unfinished-imports'), {}, { database, routing: 'READ' });
  return records.map((r) => ({
    importId: r.get('importId') as string,
    startedAt: r.get('startedAt') as string,
    lastBatchAt: r.get('lastBatchAt') as string,
    actor: r.get('actor') as string,
    batches: r.get('batches') as number,
    total: (r.get('total') as number | null) ?? null,
  }));
}
