/** Whole-graph money flows rolled up from the stored payer → receiver facts (conflicts/money.ts). */
import { describe, expect, it } from 'vitest';
import { moneyFlowsOf, rolledUpFacts } from '../../server/services/conflicts/money.js';

const flow = (id: string, amount: number | null, currency: string | null, date: string | null, kind = 'contract') => ({
  id,
  kind,
  group: id,
  amount,
  currency,
  date,
});
const facts = (payee: string, flows: ReturnType<typeof flow>[]) => ({
  payerId: 'public-body:ice',
  payer: 'ICE',
  payeeId: payee,
  payee: payee.toUpperCase(),
  flowList: flows,
});

describe('rolled-up money flows', () => {
  const stored = [
    facts('org:lexisnexis', [flow('contract:a', 100, 'USD', '2019')]),
    facts('org:appriss', [flow('contract:b', null, null, '2017'), flow('contract:c', 50.5, 'USD', '2021')]),
    facts('org:other', [flow('payment:d', 10, 'EUR', null, 'payment')]),
  ];
  const tops = new Map([
    ['org:appriss', { id: 'org:lexisnexis', name: 'LexisNexis' }],
    ['org:lexisnexis', { id: 'org:lexisnexis', name: 'LexisNexis' }],
  ]);

  it('puts a subsidiary’s flows under its top parent, totals, counts and span recomputed from the flows', () => {
    const { rows, totals, unknownCount } = moneyFlowsOf(rolledUpFacts(stored, tops));
    expect(rows).toHaveLength(2);
    const lexis = rows.find((r) => r.payee.id === 'org:lexisnexis')!;
    expect(lexis).toMatchObject({
      payee: { name: 'LexisNexis' },
      totals: [{ currency: 'USD', amount: 150.5 }],
      total: 150.5,
      count: 3,
      unknownCount: 1,
      from: '2017',
      to: '2021',
      contractIds: ['contract:a', 'contract:b', 'contract:c'],
    });
    // A payee with no parent stays itself; currencies are never added together.
    expect(rows.find((r) => r.payee.id === 'org:other')).toMatchObject({
      totals: [{ currency: 'EUR', amount: 10 }],
      paymentIds: ['payment:d'],
    });
    expect(totals).toEqual([
      { currency: 'USD', amount: 150.5 },
      { currency: 'EUR', amount: 10 },
    ]);
    expect(unknownCount).toBe(1);
  });

  it('lists a row’s totals in one order whatever order the currencies came in: the largest first, no currency last', () => {
    const mixed = [
      flow('payment:e', 5, null, null, 'payment'),
      flow('payment:f', 20, 'USD', null, 'payment'),
      flow('payment:g', 300, 'EUR', null, 'payment'),
    ];
    for (const order of [mixed, [...mixed].reverse()]) {
      const [row] = moneyFlowsOf(rolledUpFacts([facts('org:other', order)], new Map())).rows;
      expect(row?.totals).toEqual([
        { currency: 'EUR', amount: 300 },
        { currency: 'USD', amount: 20 },
        { currency: null, amount: 5 },
      ]);
    }
  });
});
