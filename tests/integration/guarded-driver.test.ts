/**
 * The guarded driver (server/db/guarded-driver.ts) against the real database: a query stopped for
 * needing more memory than the database allows a transaction is not tried again (Neo4j calls the error
 * transient, and the driver alone would try it again and again for 30 s), while a transaction that fails
 * for a reason that passes is still tried again.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDriver, isTransactionMemoryError } from '../../server/db/guarded-driver.js';
import { testConnection, testDriver } from '../setup/connection.js';

const { database } = testConnection();
/** Holds a list of a hundred million numbers: far past the transaction memory of any heap we run with. */
const TOO_LARGE = 'UNWIND range(1, 100000000) AS i WITH collect(i) AS numbers RETURN size(numbers) AS n';

describe('the guarded driver', () => {
  let plain: Driver;
  let guarded: Driver;
  beforeAll(() => {
    plain = testDriver();
    guarded = guardDriver(plain, 60_000);
  });
  afterAll(async () => plain.close());

  it('does not try again a read stopped for its memory', async () => {
    let attempts = 0;
    const session = guarded.session({ database });
    const error = await session
      .executeRead(async (tx) => {
        attempts++;
        return (await tx.run(TOO_LARGE)).records[0]?.get('n');
      })
      .catch((e: unknown) => e)
      .finally(() => session.close());
    expect(isTransactionMemoryError(error), String(error)).toBe(true);
    expect((error as Neo4jError).code).toMatch(/Memory/);
    expect(attempts).toBe(1);
  }, 60_000);

  it('still tries again a transaction that failed for a passing reason', async () => {
    let attempts = 0;
    const session = guarded.session({ database });
    const answer = await session
      .executeRead(async (tx) => {
        attempts++;
        if (attempts === 1) throw new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '', '');
        return Number((await tx.run('RETURN 1 AS one')).records[0]?.get('one'));
      })
      .finally(() => session.close());
    expect(answer).toBe(1);
    expect(attempts).toBe(2);
  });
});
