/**
 * A pattern that cannot be run over the whole graph (docs/adr/0021): its query passed the database's
 * transaction memory or the cap of a background run, or Neo4j refused it. The full recomputation then
 * goes on with the other patterns and the served generation says which ones are missing, so that a
 * pattern nobody could compute never reads as "no findings". An outage is not the pattern's fault: the
 * recomputation stops and is tried again, as before.
 */
import { Neo4jError } from 'neo4j-driver';
import type { FailedPattern } from '../../../schemas/index.js';
import { isQueryTimeout, isTransactionMemoryError } from '../../db/guarded-driver.js';
import { isDatabaseUnavailable, isPoolExhausted } from '../../plugins/app/error-handler.js';

/** Why a pattern failed: `cause` for the page to word it, `reason` in plain English for the API and logs. */
export type PatternFailure = Pick<FailedPattern, 'cause' | 'reason'>;

/** Enough of the database's message to tell what went wrong; the whole error goes to the log. */
const REASON_LENGTH = 200;

/**
 * What a failed whole-graph run of a pattern means for the recomputation: a failure of that pattern
 * (recorded, the others go on), or null when the error is not the pattern's (the database unreachable,
 * anything that is not an error of the query): then the recomputation stops as a whole.
 */
export function patternFailure(error: unknown, capMs: number): PatternFailure | null {
  if (!(error instanceof Neo4jError) || !error.code) return null;
  if (isTransactionMemoryError(error)) return { cause: 'memory', reason: "exceeded the database's transaction memory" };
  if (isQueryTimeout(error)) return { cause: 'timeout', reason: `passed the ${capWords(capMs)} cap` };
  if (isDatabaseUnavailable(error)) return null;
  const message = error.message.split('\n')[0]?.trim() ?? '';
  return { cause: 'error', reason: shortened(message ? `${error.code}: ${message}` : error.code) };
}

/**
 * The database unreachable, restarting or at capacity: nothing about the work itself, which succeeds
 * when tried again as it is. Any other error (a query past its cap or the database's memory, a bug, a
 * record too large to store) fails the same way the next time.
 */
export function isOutage(error: unknown): boolean {
  if (!(error instanceof Neo4jError) || isTransactionMemoryError(error)) return false;
  return !error.code || isDatabaseUnavailable(error) || isPoolExhausted(error);
}

/**
 * A pattern whose rows were read but whose findings could not be built or stored from them: an error of
 * this app's code, or a finding too large to store. Running it again fails the same way, so it is the
 * pattern's failure as well, not an outage to try again (which at 1M would start a half-hour
 * recomputation over and over).
 */
export function buildFailure(error: unknown): PatternFailure {
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]?.trim() ?? ''}` : String(error);
  return { cause: 'error', reason: shortened(`its findings could not be built: ${message}`) };
}

/** A cap as a person says it: "30-minute" for a background run, "20-second" for a request. */
function capWords(capMs: number): string {
  return capMs >= 60_000 ? `${Math.round(capMs / 60_000)}-minute` : `${Math.round(capMs / 1000)}-second`;
}

function shortened(reason: string): string {
  return reason.length > REASON_LENGTH ? `${reason.slice(0, REASON_LENGTH - 1)}…` : reason;
}
