/**
 * The driver as the app uses it: a time cap on every query, and writes that say whether they may have
 * been applied when they fail.
 *
 * The time cap: The driver hands the timeout to Neo4j with each transaction,
 * and Neo4j cancels the query when it runs out, so a runaway traversal frees the database instead of
 * holding a request open. Wrapping the driver once (rather than passing `{ timeout }` in every call)
 * covers every repository and route, including ones written later; a call that passes its own timeout
 * keeps it.
 *
 * A transaction stopped for needing more memory than the database allows is not tried again: the same
 * query fails the same way.
 *
 * Writes: a transaction function that fails before its work returned was rolled back by Neo4j; one that
 * fails after (while committing, e.g. the connection dropped) may have been committed, in full, since a
 * transaction is atomic. The error carries which (`writeOutcome`), so the client can be told.
 */
import { Neo4jError, type Driver, type Session } from 'neo4j-driver';

export type WriteOutcome = 'not_applied' | 'unknown';

export function writeOutcomeOf(error: unknown): WriteOutcome | undefined {
  return (error as { writeOutcome?: WriteOutcome } | null)?.writeOutcome;
}

type Config = { timeout?: number; metadata?: Record<string, unknown> } | undefined;

function limitSession(session: Session, timeout: number | undefined): Session {
  const { executeRead, executeWrite, run, beginTransaction } = session;
  const withTimeout = (config: Config) => (timeout === undefined ? config : { timeout, ...config });
  Object.assign(session, {
    executeRead: (work: (tx: unknown) => Promise<unknown>, config?: Config) =>
      executeRead.call(session, notRetriedPastMemory(work), withTimeout(config)),
    executeWrite: async (work: (tx: unknown) => Promise<unknown>, config?: Config) => {
      let reachedCommit = false;
      try {
        return await executeWrite.call(
          session,
          async (tx) => {
            const result = await notRetriedPastMemory(work)(tx);
            // Stays true through retries: an earlier attempt's commit may have gone through.
            reachedCommit = true;
            return result;
          },
          withTimeout(config),
        );
      } catch (error) {
        if (error instanceof Error) Object.assign(error, { writeOutcome: reachedCommit ? 'unknown' : 'not_applied' });
        throw error;
      }
    },
    run: (query: never, parameters?: never, config?: Config) => run.call(session, query, parameters, withTimeout(config)),
    beginTransaction: (config?: Config) => beginTransaction.call(session, withTimeout(config)),
  });
  return session;
}

/**
 * Neo4j calls a transaction stopped for its memory "transient", and the driver tries such a transaction
 * again for up to 30 s; the same query fails the same way each time (a request waited 9-14 s to be told
 * so), so the work is not tried again.
 */
function notRetriedPastMemory(work: (tx: unknown) => Promise<unknown>) {
  return async (tx: unknown) => {
    try {
      return await work(tx);
    } catch (error) {
      if (isTransactionMemoryError(error)) Object.assign(error as object, { retryable: false, retriable: false });
      throw error;
    }
  };
}

export function guardDriver(driver: Driver, timeoutMs: number | undefined): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session') {
        return (config?: Parameters<Driver['session']>[0]) => limitSession(target.session(config), timeoutMs);
      }
      if (property === 'executeQuery') {
        return (query: string, parameters?: unknown, config: { transactionConfig?: Config } = {}) =>
          target.executeQuery(
            query,
            parameters as never,
            {
              ...config,
              ...(timeoutMs === undefined ? {} : { transactionConfig: { timeout: timeoutMs, ...config.transactionConfig } }),
            } as never,
          );
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Neo4j cancelled the transaction because it ran past its timeout. */
export function isQueryTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** Codes (and GQL statuses) of a transaction that ran out of the memory the database allows it. */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.OutOfMemoryError',
]);
const MEMORY_GQL_STATUSES = new Set(['51N72', '51N73']);

/**
 * Neo4j stopped the transaction because it needed more memory than the database allows (its code says
 * "transient", but the same query fails the same way again: it is not an outage).
 */
export function isTransactionMemoryError(error: unknown): boolean {
  return error instanceof Neo4jError && (MEMORY_CODES.has(error.code) || MEMORY_GQL_STATUSES.has(error.gqlStatus));
}
