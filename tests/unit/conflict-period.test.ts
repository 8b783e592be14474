import { describe, expect, it } from 'vitest';
import { earliest, heldOn, latest, overlap } from '../../server/services/conflicts/period.js';

describe('partial dates', () => {
  it('read a year or a month as the whole range it covers', () => {
    expect([earliest('2020'), latest('2020')]).toEqual(['2020-01-01', '2020-12-31']);
    expect([earliest('2020-04'), latest('2020-04')]).toEqual(['2020-04-01', '2020-04-31']);
    expect(earliest('2020-04-20')).toBe('2020-04-20');
  });
});

describe('overlap of facts in time', () => {
  it('finds the period in which a seat and a contract both held', () => {
    expect(overlap([{ start: '2018', end: '2022' }, { signedOn: '2020-06' }])).toEqual({
      possible: true,
      period: { from: '2020-06', to: '2022' },
      datesUnknown: false,
    });
  });

  it('rules out facts that certainly never held at once', () => {
    expect(overlap([{ start: '2010', end: '2012' }, { start: '2020' }]).possible).toBe(false);
  });

  it('does not rule out facts that may share a partial date', () => {
    expect(overlap([{ end: '2020' }, { start: '2020-11' }]).possible).toBe(true);
  });

  it('marks dates unknown when a fact has none, or ended at an unknown time', () => {
    expect(overlap([{ current: true }, { start: '2020' }])).toMatchObject({ possible: true, datesUnknown: true });
    expect(overlap([{ current: false, start: '2001' }, { start: '2020' }]).datesUnknown).toBe(true);
  });
});

describe('held on a date', () => {
  it('keeps facts that may have held on the date and drops those that certainly did not', () => {
    expect(heldOn([{ start: '2020' }, {}], '2021-03-01')).toBe(true);
    expect(heldOn([{ start: '2020' }], '2019')).toBe(false);
    expect(heldOn([{ end: '2019-05' }], '2019')).toBe(true);
    expect(heldOn([{ end: '2019-05' }], '2019-06')).toBe(false);
  });
});
