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
