/**
 * Before the first computation over the whole graph has been served (minutes after a large first load),
 * nothing is stored to answer from: the whole-graph list says so (no graph version, nothing counted),
 * and one entity's findings are computed when asked, with each pattern's form for one entity, the same
 * findings in the same order as the stored ones once they are there, never "none" for lack of them.
 *
 * The served generation is hidden for these tests (set to 0, as before any computation) and put back
 * after, with a maintainer that does not run, so the state stays as the test set it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictsResponse, type ConflictsResponse as Answer } from '../../schemas/index.js';
import { readTransaction, writeTransaction } from '../../server/db/transactions.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { FindingsService, type ConflictsQueryInput } from '../../server/services/findings/service.js';
import { graphVersion } from '../../server/services/graph-version.js';
import { testConnection, testDriver } from '../setup/connection.js';

const { database } = testConnection();

/** A maintainer that never runs: nothing changes the state these tests set. */
class IdleMaintainer extends FindingsMaintainer {
  override request(): void {}
}

/** What a reader sees of an answer: the findings in order, their evidence, the counts. */
const seen = (answer: Answer) => ({
  findings: answer.findings,
  nodes: [...answer.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)),
  edges: [...answer.edges].sort((a, b) => (a.id < b.id ? -1 : 1)),
  total: answer.total,
  nextCursor: answer.nextCursor,
  patternCounts: answer.patternCounts,
});

describe('findings before the first computation over the whole graph', () => {
  let driver: Driver;
  let stored: FindingsService;
  let before: FindingsService;
  let maintainer: FindingsMaintainer;
  let generation = 0;
  /** The entity in findings of the most patterns, and the asks compared (stored, then computed now). */
  let entity = '';
  const asks: { name: string; query: () => ConflictsQueryInput; some: boolean }[] = [
    { name: 'all its findings', query: () => ({ entity }), some: true },
    { name: 'one pattern, a page of one', query: () => ({ entity, pattern: patternAsked, limit: 1 }), some: true },
    { name: 'the next page', query: () => ({ entity, pattern: patternAsked, limit: 1, cursor: '1' }), some: true },
    { name: 'on a date, in Spanish', query: () => ({ entity: datedEntity, asOf, lang: 'es' }), some: false },
  ];
  let patternAsked = '';
  let askedCount = 0;
  /** An entity with a dated finding, and a day before that finding began. */
  let datedEntity = '';
  let asOf = '';
  const storedAnswers = new Map<string, Answer>();

  beforeAll(async () => {
    driver = testDriver();
    const conflicts = new ConflictService(driver, database);
    maintainer = new FindingsMaintainer(driver, database, conflicts);
    stored = new FindingsService(driver, database, conflicts, maintainer);
    // The findings as the global setup leaves them: current, stored.
    let all: Answer;
    for (;;) {
      all = await stored.answer({});
      if (all.status === 'current') break;
      await sleep(100);
    }
    const patternsOf = new Map<string, Set<string>>();
    for (const finding of all.findings)
      for (const id of finding.nodeIds) patternsOf.set(id, (patternsOf.get(id) ?? new Set()).add(finding.pattern));
    [entity] = [...patternsOf.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0]!;
    // Its pattern with the most findings: pages of one then have an order to keep.
    const ofEntity = all.findings.filter((f) => f.nodeIds.includes(entity)).map((f) => f.pattern);
    const countOf = (p: string) => ofEntity.filter((q) => q === p).length;
    patternAsked = [...new Set(ofEntity)].sort((a, b) => countOf(b) - countOf(a) || (a < b ? -1 : 1))[0]!;
    askedCount = countOf(patternAsked);
    // A finding with a known start, and the year before it: on that day it had not begun, so it is left out.
    const dated = all.findings.find((f) => f.period.from !== null)!;
    datedEntity = dated.nodeIds[0]!;
    asOf = `${Number(dated.period.from!.slice(0, 4)) - 1}-06-30`;
    for (const ask of asks) storedAnswers.set(ask.name, await stored.answer(ask.query()));
    await maintainer.stop();

    before = new FindingsService(driver, database, conflicts, new IdleMaintainer(driver, database, conflicts), undefined, 20_000);
    generation = await writeTransaction(driver, database, async (tx) => {
      const row = await tx.run(
        `MATCH (s:FindingsState {id: 'findings'}) WITH s, s.generation AS served SET s.generation = 0 RETURN served`,
      );
      return Number(row.records[0]?.get('served'));
    });
  }, 180_000);

  afterAll(async () => {
    await writeTransaction(driver, database, (tx) =>
      tx.run(`MATCH (s:FindingsState {id: 'findings'}) SET s.generation = $generation`, { generation }),
    );
    await driver.close();
  });

  it('has an entity in findings of several patterns to ask about', () => {
    expect(generation).toBeGreaterThan(0);
    expect(Object.keys(storedAnswers.get('all its findings')!.patternCounts ?? {}).length).toBeGreaterThan(1);
    expect(askedCount).toBeGreaterThan(1);
  });

  it('lists nothing for the whole graph, and says no graph version is reflected yet', async () => {
    const answer = ConflictsResponse.parse(await before.answer({ limit: 20 }));
    expect(answer).toMatchObject({ status: 'updating', graphVersion: null, total: 0, findings: [], patternCounts: {} });
    expect(answer.computedNow).toBeUndefined();
  });

  for (const ask of asks)
    it(`computes one entity's findings when asked, as stored ones would be: ${ask.name}`, async () => {
      const version = await readTransaction(driver, database, (tx) => graphVersion(tx));
      const answer = ConflictsResponse.parse(await before.answer(ask.query()));
      const expected = storedAnswers.get(ask.name)!;
      expect(answer).toMatchObject({ status: 'updating', computedNow: true, graphVersion: version, failedPatterns: [] });
      expect(seen(answer)).toEqual(seen(expected));
      if (ask.some) expect(answer.findings.length).toBeGreaterThan(0);
    });

  it('still refuses a pattern that does not exist, before anything runs', async () => {
    await expect(before.answer({ entity, pattern: 'no-such-pattern' })).rejects.toThrow('No pattern with id "no-such-pattern"');
  });
});
