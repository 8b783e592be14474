/** Long work in slices (services/sliced.ts): the same answer, with the event loop let in between. */
import { describe, expect, it } from 'vitest';
import {
  findingRecords,
  findingRecordsSteps,
  type PatternRow,
  type RawNode,
  type RawRelationship,
} from '../../server/services/conflicts/findings.js';
import { moneyFlowsOf, moneyTableSteps, rolledUpFacts, rolledUpSteps } from '../../server/services/conflicts/money.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { inSlices, sortedSteps, untilDone, type Sliced } from '../../server/services/sliced.js';

/** A deterministic stream of numbers in [0, 1). */
function numbers(seed: number) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** Counts the turns of the event loop another request would get while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  running = false;
  return { result, turns };
}

describe('sorting in slices', () => {
  it('gives the order of one stable sort, ties kept in their first order, across runs and merges', () => {
    const rand = numbers(3);
    for (const [length, run] of [
      [0, 4],
      [1, 4],
      [7, 2],
      [1000, 3],
      [1000, 64],
      [5000, 1000],
    ] as const) {
      // Few distinct keys, so most comparisons are ties that only stability orders.
      const items = Array.from({ length }, (_, i) => ({ key: Math.floor(rand() * 10), at: i }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(untilDone(sortedSteps(items, byKey, run))).toEqual([...items].sort(byKey));
    }
  });
});

describe('running work in slices', () => {
  function* counting(steps: number): Sliced<number> {
    let done = 0;
    for (let i = 0; i < steps; i++) {
      done += 1;
      yield;
    }
    return done;
  }

  it('untilDone finishes without letting anything else run', async () => {
    const { result, turns } = await turnsDuring(() => Promise.resolve(untilDone(counting(1000))));
    expect(result).toBe(1000);
    expect(turns).toBe(0);
  });

  it('inSlices lets other work run between slices and gives the same result', async () => {
    const { result, turns } = await turnsDuring(() => inSlices(counting(1000), 0));
    expect(result).toBe(1000);
    expect(turns).toBeGreaterThan(100);
  });

  it('a whole table of money flows built in slices equals the one built at once, rolled up or not', async () => {
    const rand = numbers(11);
    const facts = Array.from({ length: 3000 }, (_, i) => {
      const payeeId = `org:p${Math.floor(rand() * 400)}`;
      const flowList = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, j) => ({
        id: `payment:${i}-${j}`,
        kind: 'payment',
        group: `payment:${Math.floor(rand() * 5000)}`,
        amount: rand() < 0.1 ? null : Math.round(rand() * 1000),
        currency: rand() < 0.8 ? 'USD' : 'EUR',
        date: '2020-01-01',
      }));
      const amount = flowList.reduce((sum, f) => sum + (f.amount ?? 0), 0);
      return {
        payerId: `person:${Math.floor(rand() * 800)}`,
        payer: `Payer ${i % 800}`,
        payeeId,
        payee: `Payee ${payeeId}`,
        totals: [{ currency: 'USD', amount }],
        count: flowList.length,
        flowList,
      };
    });
    const tops = new Map(Array.from({ length: 400 }, (_, i) => [`org:p${i}`, { id: `org:top${i % 37}`, name: `Top ${i % 37}` }]));

    const sliced = await turnsDuring(() => inSlices(moneyTableSteps(facts), 0));
    expect(sliced.result).toEqual(moneyFlowsOf(facts));
    expect(sliced.turns).toBeGreaterThan(0);
    const rolled = await inSlices(
      (function* () {
        return yield* moneyTableSteps(yield* rolledUpSteps(facts, tops));
      })(),
      0,
    );
    expect(rolled).toEqual(moneyFlowsOf(rolledUpFacts(facts, tops)));
  });

  it('whole-graph finding records built in slices equal those built at once, each record’s rows in key order', async () => {
    const pattern = loadPatterns().find((p) => p.id === 'board-interlock')!;
    const node = (id: string, kind: string): RawNode => ({
      elementId: `e-${id}`,
      labels: ['Entity', kind],
      properties: {
        id,
        name: id,
        status: 'reported',
        citationDocumentIds: ['document:d'],
        citationLocators: ['l'],
        citationQuotes: ['q'],
      },
    });
    const rand = numbers(5);
    // 40 pairs of boards, each shared by many people, the rows in no order (as a query returns them).
    const rows: PatternRow[] = Array.from({ length: 4000 }, (_, i) => {
      const pair = Math.floor(rand() * 40);
      const person = node(`person:${Math.floor(rand() * 900)}`, 'Person');
      const board = node(`org:${pair}`, 'Organization');
      const seat: RawRelationship = {
        elementId: `r-${i}`,
        type: 'SITS_ON_BOARD',
        startNodeElementId: person.elementId,
        endNodeElementId: board.elementId,
        properties: {
          id: `rel:${i}`,
          status: 'reported',
          current: true,
          citationDocumentIds: ['document:d'],
          citationLocators: ['l'],
          citationQuotes: ['q'],
        },
      };
      return {
        key: [`org:${pair}`, `org:${pair + 100}`],
        evidence: [{ start: person, segments: [{ start: person, relationship: seat, end: board }] }],
        timed: [seat],
        facts: { first: `Board ${pair}`, second: `Board ${pair + 100}`, people: person.properties.id, ties: 'boards' },
      };
    });

    const sliced = await turnsDuring(() => inSlices(findingRecordsSteps(pattern, rows), 0));
    expect(sliced.turns).toBeGreaterThan(0);
    expect(sliced.result).toEqual(findingRecords(pattern, rows));
    expect(sliced.result).toHaveLength(40);
    for (const record of sliced.result) {
      const keys = record.rows.map((row) => `${JSON.stringify(row.facts)}\n${row.nodeIds.join(',')}`);
      expect(keys).toEqual([...keys].sort());
    }
  });
});
