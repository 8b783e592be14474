/** Which errors of a pattern's whole-graph run are the pattern's failure, and how they are worded. */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { buildFailure, isOutage, patternFailure } from '../../server/services/findings/failures.js';

const CAP = 30 * 60_000;
const neo4j = (code: string, message = 'x', gqlStatus = '') => new Neo4jError(message, code, gqlStatus, '');

describe('a pattern failing over the whole graph', () => {
  it('names the transaction memory, whichever limit or code the database reports', () => {
    const memory = { cause: 'memory', reason: "exceeded the database's transaction memory" };
    expect(patternFailure(neo4j('Neo.TransientError.General.TransactionMemoryLimit'), CAP)).toEqual(memory);
    expect(patternFailure(neo4j('Neo.TransientError.General.MemoryPoolOutOfMemoryError'), CAP)).toEqual(memory);
    expect(patternFailure(neo4j('Neo.TransientError.General.Whatever', 'x', '51N73'), CAP)).toEqual(memory);
  });

  it('names the time cap in minutes', () => {
    expect(patternFailure(neo4j('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), CAP)).toEqual({
      cause: 'timeout',
      reason: 'passed the 30-minute cap',
    });
  });

  it('gives any other error of the query as its code and the first line of its message, trimmed', () => {
    expect(patternFailure(neo4j('Neo.ClientError.Statement.ArithmeticError', '/ by zero\n  at line 3'), CAP)).toEqual({
      cause: 'error',
      reason: 'Neo.ClientError.Statement.ArithmeticError: / by zero',
    });
    const long = patternFailure(neo4j('Neo.DatabaseError.General.UnknownError', 'y'.repeat(1000)), CAP);
    expect(long?.reason.length).toBe(200);
    expect(long?.reason.endsWith('…')).toBe(true);
  });

  it('is not the pattern’s failure when the database is unreachable or the error is not the query’s', () => {
    expect(patternFailure(neo4j('ServiceUnavailable'), CAP)).toBeNull();
    expect(patternFailure(neo4j('SessionExpired'), CAP)).toBeNull();
    expect(patternFailure(neo4j('Neo.TransientError.General.DatabaseUnavailable'), CAP)).toBeNull();
    expect(patternFailure(new Error('lost the lease of the full recomputation'), CAP)).toBeNull();
    expect(patternFailure(neo4j(''), CAP)).toBeNull();
  });

  it('is the pattern’s failure when its findings cannot be built from the rows read, named and shortened', () => {
    expect(buildFailure(new TypeError("Cannot read properties of null (reading 'map')\n    at findingRecords"))).toEqual({
      cause: 'error',
      reason: "its findings could not be built: TypeError: Cannot read properties of null (reading 'map')",
    });
    expect(buildFailure(new RangeError('Invalid string length'))).toMatchObject({
      reason: expect.stringContaining('RangeError'),
    });
    expect(buildFailure(new Error('z'.repeat(1000))).reason.length).toBe(200);
  });
});

describe('an error of the findings update that trying again would mend', () => {
  it('is the database unreachable, restarting or at capacity', () => {
    expect(isOutage(neo4j('ServiceUnavailable'))).toBe(true);
    expect(isOutage(neo4j('SessionExpired'))).toBe(true);
    expect(isOutage(neo4j('Neo.TransientError.General.DatabaseUnavailable'))).toBe(true);
    expect(isOutage(neo4j('', 'Connection acquisition timed out in 60000 ms.'))).toBe(true);
  });

  it('is not a query past its cap or the memory it may use, an error of the query, or one of this app', () => {
    expect(isOutage(neo4j('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toBe(false);
    expect(isOutage(neo4j('Neo.TransientError.General.TransactionMemoryLimit'))).toBe(false);
    expect(isOutage(neo4j('Neo.ClientError.Statement.ArithmeticError'))).toBe(false);
    expect(isOutage(new TypeError("Cannot read properties of null (reading 'map')"))).toBe(false);
  });
});
