/**
 * The Money tab's whole table is made once per state of the findings however many readers open the tab
 * together (at 1M relationships, seconds of the server's one thread each), kept only when the findings
 * it was read from were still in that state, and made again after a failure.
 */
import { describe, expect, it } from 'vitest';
import type { FindingsStatus } from '../../schemas/index.js';
import { moneyFlowsOf } from '../../server/services/conflicts/money.js';
import { FindingsPageCache, type MadeMoneyTable } from '../../server/services/findings/page-cache.js';

const fact = (payer: string, payee: string, amount: number) => ({
  payerId: payer,
  payer,
  payeeId: payee,
  payee,
  totals: [{ currency: 'EUR', amount }],
  count: 1,
  flowList: [{ id: `${payer}-${payee}`, kind: 'payment', group: `${payer}-${payee}`, amount, currency: 'EUR' }],
});
const table = moneyFlowsOf([fact('a', 'b', 10), fact('c', 'd', 20)]);
const status: FindingsStatus = { status: 'current', graphVersion: 'v1', computedAt: null, progress: null, failedPatterns: [] };
const made = (keep: boolean, rollup = false): MadeMoneyTable => ({ table, rollup, generation: 3, status, keep });

/** A making that resolves when told to, counting how often it was started. */
function controlledMaking(result: MadeMoneyTable) {
  let started = 0;
  let finish: (() => void) | undefined;
  let fail: ((error: Error) => void) | undefined;
  const make = () => {
    started += 1;
    return new Promise<MadeMoneyTable>((resolve, reject) => {
      finish = () => resolve(result);
      fail = reject;
    });
  };
  return { make, started: () => started, finish: () => finish?.(), fail: (e: Error) => fail?.(e) };
}

describe('the Money tab’s table', () => {
  it('is made once for readers who ask together, then served as kept', async () => {
    const cache = new FindingsPageCache();
    const key = FindingsPageCache.moneyKeyOf(3, 'v1', false);
    const making = controlledMaking(made(true));
    const asks = [
      cache.moneyTableFor(key, making.make),
      cache.moneyTableFor(key, making.make),
      cache.moneyTableFor(key, making.make),
    ];
    making.finish();
    const answers = await Promise.all(asks);
    expect(making.started()).toBe(1);
    for (const answer of answers) expect(answer.table).toBe(table);
    expect(answers[0]!.table.rows.map((r) => r.payer.id)).toEqual(['c', 'a']);
    const again = controlledMaking(made(true));
    expect((await cache.moneyTableFor(key, again.make)).table).toBe(table);
    expect(again.started()).toBe(0);
  });

  it('is not kept when the findings changed while it was read, nor under another state', async () => {
    const cache = new FindingsPageCache();
    const key = FindingsPageCache.moneyKeyOf(3, 'v1', false);
    const stale = controlledMaking(made(false));
    const first = cache.moneyTableFor(key, stale.make);
    stale.finish();
    await first;
    const next = controlledMaking(made(true));
    const second = cache.moneyTableFor(key, next.make);
    next.finish();
    await second;
    expect(next.started()).toBe(1);
    // Rolled up, or another graph version: another key, another making.
    for (const other of [FindingsPageCache.moneyKeyOf(3, 'v1', true), FindingsPageCache.moneyKeyOf(3, 'v2', false)]) {
      const making = controlledMaking(made(true));
      const asked = cache.moneyTableFor(other, making.make);
      making.finish();
      await asked;
      expect(making.started()).toBe(1);
    }
  });

  it('fails for every reader waiting on a failed making, and the next ask makes it again', async () => {
    const cache = new FindingsPageCache();
    const key = FindingsPageCache.moneyKeyOf(3, 'v1', false);
    const failing = controlledMaking(made(true));
    const asks = [cache.moneyTableFor(key, failing.make), cache.moneyTableFor(key, failing.make)];
    failing.fail(new Error('database unavailable'));
    for (const ask of asks) await expect(ask).rejects.toThrow('database unavailable');
    const retry = controlledMaking(made(true));
    const again = cache.moneyTableFor(key, retry.make);
    retry.finish();
    expect((await again).table).toBe(table);
    expect(retry.started()).toBe(1);
  });

  it('keeps the newest table made with rollup and the newest without, not one made earlier that ends later', async () => {
    const cache = new FindingsPageCache();
    const [v1, v2, v3] = ['v1', 'v2', 'v3'].map((v) => FindingsPageCache.moneyKeyOf(3, v, false));
    const first = controlledMaking(made(true));
    await Promise.all([cache.moneyTableFor(v1!, first.make), Promise.resolve(first.finish())]);
    const rolled = controlledMaking(made(true, true));
    const rolledUp = FindingsPageCache.moneyKeyOf(3, 'v1', true);
    await Promise.all([cache.moneyTableFor(rolledUp, rolled.make), Promise.resolve(rolled.finish())]);
    // v2 is started before v3 and ends after it: v3's table stays, and replaced v1's.
    const slow = controlledMaking({ ...made(true), generation: 4 });
    const fast = controlledMaking({ ...made(true), generation: 5 });
    const asks = [cache.moneyTableFor(v2!, slow.make), cache.moneyTableFor(v3!, fast.make)];
    fast.finish();
    await asks[1];
    slow.finish();
    await asks[0];
    expect(cache.newestMoneyTable(false)?.generation).toBe(5);
    expect(cache.keptMoneyTable(v3!)).toBeDefined();
    expect(cache.keptMoneyTable(v1!)).toBeUndefined();
    expect(cache.keptMoneyTable(v2!)).toBeUndefined();
    // The rolled-up one is another table: still kept.
    expect(cache.newestMoneyTable(true)?.rollup).toBe(true);
    expect(cache.keptMoneyTable(rolledUp)).toBeDefined();
  });
});
