import { describe, expect, it } from 'vitest';
import { formatList, formatMoney, renderTemplate } from '../../server/services/conflicts/template.js';

describe('finding templates', () => {
  it('insert facts and format money with its currency', () => {
    expect(renderTemplate('{buyer} holds a {amount|money} contract', { buyer: 'Denver', amount: 750000, currency: 'USD' })).toBe(
      'Denver holds a $750,000 contract',
    );
    expect(formatMoney(22_100_000)).toBe('$22,100,000');
    expect(formatMoney(1250.5, 'EUR')).toBe('€1,250.50');
  });

  it('write one total per currency, never added together, and an amount without a currency as a plain number', () => {
    const totals = [
      { currency: 'EUR', amount: 3300.3 },
      { currency: 'USD', amount: 500 },
    ];
    expect(renderTemplate('{payer} pays {payee}[ {totals|money}]', { payer: 'A', payee: 'B', totals })).toBe(
      'A pays B €3,300.30 and $500',
    );
    // The same totals gathered in the other order read the same (largest first).
    expect(renderTemplate('{totals|money}', { totals: [...totals].reverse() })).toBe('€3,300.30 and $500');
    expect(renderTemplate('[ {totals|money}]paid', { totals: [] })).toBe('paid');
    expect(formatMoney({ amount: 5000, currency: 'EUR' })).toBe('€5,000');
    expect(formatMoney(12, null)).toBe('12 (currency not given)');
  });

  it('lower a capitalised role inside a sentence, but not an acronym', () => {
    expect(renderTemplate('is {role|lower} at X', { role: 'Sheriff' })).toBe('is sheriff at X');
    expect(renderTemplate('is {role|lower} at X', { role: 'IT Director' })).toBe('is IT Director at X');
    expect(renderTemplate('is {role|lower}', { role: ['Chair', 'CEO'] })).toBe('is chair and CEO');
  });

  it('leave out an optional part when a fact inside it is missing', () => {
    const template = '{person} sits on the {board}[, part of {company}][ since {start}].';
    expect(renderTemplate(template, { person: 'A', board: 'B board', company: null, start: '2019' })).toBe(
      'A sits on the B board since 2019.',
    );
    expect(renderTemplate(template, { person: 'A', board: 'B board', company: 'C' })).toBe('A sits on the B board, part of C.');
  });

  it('join lists the way a sentence does', () => {
    expect(formatList(['A'])).toBe('A');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(renderTemplate('{people|list} share a seat', { people: ['A', 'B', 'A'] })).toBe('A and B share a seat');
  });

  it('show a missing required fact as "?" rather than dropping words silently', () => {
    expect(renderTemplate('{person} at {body}', { person: 'A' })).toBe('A at ?');
  });
});
