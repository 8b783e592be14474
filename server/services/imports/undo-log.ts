/**
 * The undo log of a large import (ADR 0011). A large import writes in several transactions; each batch
 * transaction also writes an `:ImportUndo` record holding the step that reverses it, so a batch is never
 * committed without its undo. Completing the import deletes the records in the transaction that writes
 * the audit entry; a failure undoes the committed batches, latest first, each undo in one transaction
 * with the deletion of its record (so an interrupted rollback can simply be run again).
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import { runStep, type WriteStep } from './graph-writes.js';
import { openSession } from '../../db/transactions.js';

export interface UndoRecord {
  importId: string;
  seq: number;
  actor: string;
  undo: WriteStep;
}

export async function writeUndo(tx: ManagedTransaction, record: UndoRecord): Promise<void> {
  await tx.run(cypher('queries/import-undo'), {
    record: {
      importId: record.importId,
      seq: int(record.seq),
      at: new Date().toISOString(),
      actor: record.actor,
      undo: JSON.stringify(record.undo),
    },
  });
}

/** Deletes the whole undo log of an import: call in the transaction that completes it. */
export async function forgetUndo(tx: ManagedTransaction, importId: string): Promise<void> {
  await tx.run(cypher('queries/delete-import-undo'), { importId, seq: null });
}

/**
 * Reverses every committed batch of an import, latest first, and removes its undo log. Returns how many
 * batches were undone. Safe to run again after an interruption: each undo commits with the removal of
 * its record.
 */
export async function rollbackImport(driver: Driver, database: string, importId: string): Promise<number> {
  const { records } = await driver.executeQuery(cypher('queries/import-undo-records'), { importId }, { database });
  const session = openSession(driver, database, 'WRITE');
  try {
    for (const record of records) {
      const seq = record.get('seq') as number;
      const undo = JSON.parse(record.get('undo') as string) as WriteStep;
      await session.executeWrite(async (tx) => {
        await runStep(tx, undo);
        await tx.run(cypher('queries/delete-import-undo'), { importId, seq: int(seq) });
      });
    }
  } finally {
    await session.close();
  }
  return records.length;
}

export interface UnfinishedImport {
  importId: string;
  startedAt: string;
  lastBatchAt: string;
  actor: string;
  batches: number;
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
  }));
}
