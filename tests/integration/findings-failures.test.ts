/**
 * A pattern whose whole-graph run fails (docs/adr/0021): the full recomputation records it as failed
 * and goes on, the other patterns' findings are stored and served, the status is `current` and names the
 * failed pattern, and no further full recomputation starts until one is due for another reason. The
 * failures are real ones: the pattern's whole-graph form divides by zero in the database, or returns rows
 * this app cannot build findings from. A pattern whose form for one entity fails after an edit does not
 * hold the findings at `updating`: the whole graph is recomputed instead.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictsResponse, FindingsStatus } from '../../schemas/index.js';
import { readTransaction, writeTransaction } from '../../server/db/transactions.js';
import { recordAudit } from '../../server/services/audit-log.js';
import { loadPatterns, type PatternDefinition } from '../../server/services/conflicts/pattern-files.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { FindingsService } from '../../server/services/findings/service.js';
import { readState } from '../../server/services/findings/store.js';
import { graphVersion } from '../../server/services/graph-version.js';
import { testConnection, testDriver } from '../setup/connection.js';

const { database } = testConnection();
const FAILING = 'board-interlock';
/** The pattern's columns, with a fact the database cannot compute. */
const DIVIDES_BY_ZERO = `UNWIND [0] AS zero
RETURN [] AS key, [] AS evidence, [] AS timed, {boom: 1 / zero} AS facts`;
/** The pattern's columns, holding nothing a finding can be built from. */
const UNREADABLE_ROWS = `UNWIND [1] AS one
RETURN null AS key, null AS evidence, null AS timed, null AS facts`;
/** Its English title in a form the templates do not know: its records are read, their findings cannot be stored. */
const UNWRITABLE_TITLE = (p: PatternDefinition): Partial<PatternDefinition> => ({
  texts: { ...p.texts, en: { ...p.texts.en, title: '{ties|nosuchformat}' } },
});
const CASES = [
  {
    what: 'whose whole-graph query fails in the database',
    change: () => ({ wholeGraphQuery: DIVIDES_BY_ZERO }),
    reason: 'ArithmeticError',
  },
  {
    what: 'whose rows cannot be built into findings',
    change: () => ({ wholeGraphQuery: UNREADABLE_ROWS }),
    reason: 'its findings could not be built',
  },
  {
    what: 'whose findings cannot be stored from their records',
    change: UNWRITABLE_TITLE,
    reason: 'its findings could not be built: Error: unknown template format',
    // The queries are unchanged, so nothing is due by itself: an admin asks for the recomputation.
    recompute: true,
  },
];

/** A maintainer and the findings it keeps, over `patterns`. */
function findingsOf(driver: Driver, patterns: PatternDefinition[]) {
  const conflicts = new ConflictService(driver, database, patterns);
  const maintainer = new FindingsMaintainer(driver, database, conflicts);
  return { conflicts, maintainer, findings: new FindingsService(driver, database, conflicts, maintainer) };
}

/** Asks for the status (which starts the maintainer) until the findings are current. */
async function untilCurrent(findings: FindingsService, patienceMs = 300_000): Promise<FindingsStatus> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const status = await findings.status();
    if (status.status === 'current') return status;
    if (Date.now() > deadline) throw new Error(`findings still updating after ${patienceMs} ms`);
    await sleep(200);
  }
}

/**
 * For the tests of one describe block: a driver, and the findings kept over the patterns with FAILING's
 * changed by `change`. Afterwards the findings of the patterns as they are are computed again, as the
 * global setup leaves them for the next files.
 */
function withChangedPattern(change: (pattern: PatternDefinition) => Partial<PatternDefinition>) {
  const run = {} as { driver: Driver; failing: ReturnType<typeof findingsOf> };
  beforeAll(() => {
    run.driver = testDriver();
    run.failing = findingsOf(
      run.driver,
      loadPatterns().map((p) => (p.id === FAILING ? { ...p, ...change(p) } : p)),
    );
  });
  afterAll(async () => {
    await run.failing.maintainer.stop();
    const usual = findingsOf(run.driver, loadPatterns());
    try {
      await untilCurrent(usual.findings);
    } finally {
      await usual.maintainer.stop();
      await run.driver.close();
    }
  }, 360_000);
  return run;
}

describe.each(CASES)('a pattern $what', ({ change, reason, recompute }) => {
  const run = withChangedPattern(change);

  it('is recorded as failed while the other patterns are stored and served', async () => {
    // Other pattern queries than the stored findings were made with: a full recomputation is due.
    if (recompute) expect((await run.failing.findings.recompute()).status).toBe('updating');
    const status = FindingsStatus.parse(await untilCurrent(run.failing.findings));
    expect(status.failedPatterns).toEqual([
      { pattern: FAILING, cause: 'error', reason: expect.stringContaining(reason), at: expect.any(String) },
    ]);

    const answer = ConflictsResponse.parse(await run.failing.findings.answer({}));
    expect(answer.status).toBe('current');
    expect(answer.failedPatterns).toEqual(status.failedPatterns);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.findings.some((f) => f.pattern === FAILING)).toBe(false);
    const computed = Object.keys(answer.patternCounts ?? {});
    expect(computed.length).toBeGreaterThan(0);
    expect(computed).not.toContain(FAILING);
  }, 360_000);

  it('does not start the full recomputation again on the next poll', async () => {
    const before = (await readTransaction(run.driver, database, readState))!;
    expect(FindingsMaintainer.fullDue(before, run.failing.conflicts.queriesFingerprint)).toBe(false);
    // The poll of `watch`, a few times over: each finds nothing due.
    for (let i = 0; i < 5; i++) {
      run.failing.maintainer.request();
      await sleep(1_000);
    }
    const after = (await readTransaction(run.driver, database, readState))!;
    expect(after.generation).toBe(before.generation);
    expect(after.fullComputedFrom).toBe(before.fullComputedFrom);
    expect(after.fullOwner ?? null).toBeNull();
    expect((await run.failing.findings.status()).status).toBe('current');
  }, 60_000);
});

describe('a pattern whose form for one entity cannot be built from its rows', () => {
  // Its whole-graph form is as shipped; only the form run for the entities an edit touched fails.
  const run = withChangedPattern(() => ({ query: UNREADABLE_ROWS }));

  it('has the whole graph recomputed after an edit, instead of staying behind it', async () => {
    expect((await untilCurrent(run.failing.findings)).failedPatterns).toEqual([]);
    const before = (await readTransaction(run.driver, database, readState))!;
    // An edit about a seeded person: the maintainer runs every pattern's form for that entity.
    await writeTransaction(run.driver, database, (tx) =>
      recordAudit(tx, {
        actor: 'test',
        route: 'test',
        action: 'note',
        summary: {},
        changes: [],
        concerns: ['person:vincent-line'],
      }),
    );
    const version = await readTransaction(run.driver, database, graphVersion);
    run.failing.maintainer.request();
    // Without the fallback the same update fails on every ask, and the findings never reach the version.
    const after = FindingsStatus.parse(await untilCurrent(run.failing.findings, 180_000));
    expect(after.graphVersion).toBe(version);
    expect(after.failedPatterns).toEqual([]);
    const state = (await readTransaction(run.driver, database, readState))!;
    expect(state.generation).toBeGreaterThan(before.generation);
    expect(state.fullComputedFrom! > before.fullComputedFrom!).toBe(true);
    const answer = ConflictsResponse.parse(await run.failing.findings.answer({ pattern: FAILING }));
    expect(answer.total).toBeGreaterThan(0);
  }, 360_000);
});
