/**
 * Imports that did not finish, found and settled without a person: at start before the app serves, after
 * the embedded Neo4j was restarted, and from time to time while the app runs (a replica that died in
 * the middle of an import leaves its undo log for the others). An import whose undo log holds every
 * batch it planned only missed its last transaction and is completed; any other is rolled back. Both
 * are recorded in the audit trail. Imports this process is still writing are left alone, and so are
 * imports another process wrote a batch of recently (unless the database itself was just started, when
 * nothing can still be writing to it).
 */
import type { Driver } from 'neo4j-driver';
import { completeImport, rollbackImport, unfinishedImports } from './undo-log.js';

/** Imports this process is writing now (never recovered from under it). */
const writing = new Set<string>();
/** Imports this process was writing when its embedded database died: they must not write again. */
const interrupted = new Set<string>();

export function startedWriting(importId: string): void {
  writing.add(importId);
}

export function stoppedWriting(importId: string): void {
  writing.delete(importId);
  interrupted.delete(importId);
}

/**
 * The embedded database this process started died (server/neo4j/supervisor.ts). Every import being
 * written is cut off there: the recovery after the restart rolls it back, and its writer must not go on
 * writing batches into the restarted database (the driver retries a batch whose connection broke, and a
 * quick restart would otherwise let the retry land, beside or after the rollback).
 */
export function interruptWriting(): void {
  for (const importId of writing) interrupted.add(importId);
  writing.clear();
}

/** A batch of an import cut off by a database restart was about to be written. Answered 503 (import-service). */
export class ImportInterruptedError extends Error {
  constructor(readonly importId: string) {
    super(`import ${importId} was cut off by a restart of the database`);
    this.name = 'ImportInterruptedError';
  }
}

/** Called first in every batch transaction of an import: refuses to write once the import was cut off. */
export function checkStillWriting(importId: string): void {
  if (interrupted.has(importId)) throw new ImportInterruptedError(importId);
}

/**
 * A batch transaction is capped by the query timeout (20 s by default) and a batch of 10,000 rows takes
 * seconds: an import that wrote nothing for this long is not running anywhere.
 */
export const STALE_AFTER_MS = 5 * 60_000;

export interface Recovered {
  importId: string;
  actor: string;
  outcome: 'rolled-back' | 'completed' | 'left-alone';
  batches: number;
}

export async function recoverUnfinishedImports(
  driver: Driver,
  database: string,
  options: {
    log: (message: string) => void;
    /** 0 when the database was just started by this process: nothing else can be writing to it. */
    staleAfterMs: number;
    /** Imports to leave alone; by default those this process is writing. */
    running?: ReadonlySet<string>;
    /** Say nothing about imports left alone (the periodic sweep, which would repeat it every minute). */
    quiet?: boolean;
    now?: Date;
  },
): Promise<Recovered[]> {
  const running = options.running ?? writing;
  const now = (options.now ?? new Date()).getTime();
  const recovered: Recovered[] = [];
  for (const unfinished of await unfinishedImports(driver, database)) {
    const { importId, actor, batches, total } = unfinished;
    const quietFor = now - Date.parse(unfinished.lastBatchAt);
    if (running.has(importId) || quietFor < options.staleAfterMs) {
      recovered.push({ importId, actor, outcome: 'left-alone', batches });
      if (!options.quiet)
        options.log(`Import ${importId} (${actor}) has not finished; it may still be running, so it is left alone for now.`);
      continue;
    }
    if (total !== null && batches === total && (await completeImport(driver, database, importId))) {
      recovered.push({ importId, actor, outcome: 'completed', batches });
      options.log(`Completed import ${importId} (${actor}): all ${total} batches had been written; recorded in the audit trail.`);
      continue;
    }
    const undone = await rollbackImport(driver, database, importId, 'it stopped half-way (its process or the database died)');
    recovered.push({ importId, actor, outcome: 'rolled-back', batches: undone });
    options.log(
      `Rolled back import ${importId} (${actor}, started ${unfinished.startedAt}): undid ${undone} of ${total ?? '?'} batches; recorded in the audit trail.`,
    );
  }
  return recovered;
}

/**
 * An import that failed while the database was away could not undo its batches: keep trying, with
 * backoff, until they are undone (by this or any other process). Returns at once; runs in the background.
 */
export function rollBackWhenPossible(driver: Driver, database: string, importId: string, log?: (message: string) => void): void {
  let delay = 2_000;
  // Up to about a day; past that the start-up recovery (or `import-rollback`) is what is left.
  let attemptsLeft = 3_000;
  const attempt = () => {
    rollbackImport(driver, database, importId, 'the database went away during the import').then(
      (undone) => {
        if (undone > 0) log?.(`Rolled back import ${importId} once the database was back: undid ${undone} batches.`);
      },
      () => {
        delay = Math.min(delay * 2, 30_000);
        if (--attemptsLeft > 0) setTimeout(attempt, delay).unref();
      },
    );
  };
  setTimeout(attempt, delay).unref();
}
