/** Numbers as people write them: read when the text says which mark is decimal, or by a declared locale. */
import { describe, expect, it } from 'vitest';
import { conventionOf, FTM_CONVENTION, readNumber } from '../../server/services/imports/numbers.js';

const value = (text: string, convention?: Parameters<typeof readNumber>[1]) => {
  const reading = readNumber(text, convention);
  return reading.ok ? reading.value : reading.ambiguous ? 'ambiguous' : 'refused';
};

describe('reading numbers', () => {
  it('reads what the text itself makes clear, whatever the convention', () => {
    for (const [text, expected] of [
      ['1,250,000', 1_250_000],
      ['1.250.000,50', 1_250_000.5],
      ['1,250,000.50', 1_250_000.5],
      ['100 000', 100_000],
      ["1'250'000.50", 1_250_000.5],
      ['113969.15', 113_969.15],
      ['1,5', 1.5],
      ['0.125', 0.125],
      ['12,5 %', 12.5],
    ] as const)
      expect(value(text), text).toBe(expected);
  });

  it('refuses a number whose decimal separator could be either, unless a locale decides it', () => {
    expect(value('12.345')).toBe('ambiguous');
    expect(value('1,250')).toBe('ambiguous');
    expect(value('12.345', conventionOf('de'))).toBe(12_345);
    expect(value('12.345', conventionOf('en-GB'))).toBe(12.345);
    expect(value('1,250', conventionOf('es'))).toBe(1.25);
  });

  it('reads FtM files by FtM’s own convention and refuses what it would refuse', () => {
    expect(value('12.345', FTM_CONVENTION)).toBe(12.345);
    expect(value('12.345,67', FTM_CONVENTION)).toBe('refused');
    expect(value('1,5', FTM_CONVENTION)).toBe('refused');
    expect(value('12.345,67', conventionOf('de'))).toBe(12_345.67);
  });

  it('says why it refuses, and refuses text that is not a number at all', () => {
    expect(readNumber('12.345')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('declare the file’s locale'.replace('’', "'")),
    });
    expect(value('lots')).toBe('refused');
    expect(value('1.2.3')).toBe('refused');
    expect(value('12,34,567')).toBe('refused');
    expect(() => conventionOf('not a locale!')).toThrow(RangeError);
  });
});
