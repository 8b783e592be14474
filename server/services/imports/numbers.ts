/**
 * Numbers written by people: `1,250,000.50`, `1.250.000,50`, `1 250 000,50`, `12,5 %`. Which mark is the
 * decimal separator is often clear from the text itself (two different marks, a mark used twice, a mark
 * not followed by exactly three digits). When it is not (`12.345`, `1,250`), the reading depends on the
 * convention the file was written in: a declared locale (`de` reads `12.345` as twelve thousand), or,
 * for formats that fix one, the format's own (FollowTheMoney writes a dot as decimal separator, as its
 * own number type does). With neither, such a number is refused rather than guessed. Pure.
 */

export type NumberReading = { ok: true; value: number } | { ok: false; reason: string; ambiguous?: boolean };

export interface NumberConvention {
  /** The decimal separator: `.` or `,`. */
  decimal: '.' | ',';
  /** Where the convention comes from, for messages: `locale "de"`, `FollowTheMoney`. */
  source: string;
}

/** FollowTheMoney's own convention (its number type reads `.` as decimal and `,` as grouping). */
export const FTM_CONVENTION: NumberConvention = { decimal: '.', source: 'FollowTheMoney' };

/** The convention of a BCP 47 locale (`de`, `en-GB`, `es-MX`), from the platform's number data. */
export function conventionOf(locale: string): NumberConvention {
  let decimal: string | undefined;
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  } catch {
    throw new RangeError(`"${locale}" is not a locale such as "en", "de" or "es-MX"`);
  }
  // Locales with another mark (Arabic's ٫) write Latin digits with "." in data files.
  return { decimal: decimal === ',' ? ',' : '.', source: `locale "${locale}"` };
}

/** Spaces (incl. no-break and thin) and apostrophes only ever group digits. */
const GROUPING_ONLY = /[\s\u00a0\u2009\u202f'’]/g;
/** Digits in groups of three (a leading group of one to three, never a lone 0). */
const GROUPED = /^(?!0[.,])\d{1,3}([.,]\d{3})*$/;

/**
 * Reads `text` as a number. `convention` decides the ambiguous cases; without one they are refused
 * (`ambiguous: true`). A trailing `%` is allowed (shares and percentages).
 */
export function readNumber(text: string, convention?: NumberConvention): NumberReading {
  const trimmed = text.trim().replace(/\s*%$/, '');
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const body = trimmed.replace(/^[-+]/, '').replace(GROUPING_ONLY, '');
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { ok: false, reason: `"${text}" is not a number` };

  const decimal = decimalMark(body, convention);
  if (decimal === 'ambiguous')
    return {
      ok: false,
      ambiguous: true,
      reason: `"${text}" could be read two ways (is "${body.replace(/\d/g, '')}" a decimal or a thousands separator?); declare the file's locale, e.g. locale=en or locale=de`,
    };
  if (decimal === 'invalid') {
    const hint = convention ? ` with the ${convention.source} convention (decimal "${convention.decimal}")` : '';
    return { ok: false, reason: `"${text}" is not a well-formed number${hint}` };
  }
  const [whole = '', fraction] = decimal === null ? [body] : body.split(decimal);
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : body.includes('.') ? '.' : ',';
  if (whole.includes(group) && !GROUPED.test(whole)) return { ok: false, reason: `"${text}" groups its digits oddly` };
  const value = Number(`${whole.replaceAll(group, '') || '0'}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(value) ? { ok: true, value: sign * value } : { ok: false, reason: `"${text}" is not a number` };
}

/** Which mark is the decimal separator (null: none), or why it cannot be told. */
function decimalMark(body: string, convention: NumberConvention | undefined): '.' | ',' | null | 'ambiguous' | 'invalid' {
  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) {
    // The last mark is the decimal one, and it appears once: 1.250.000,50 or 1,250,000.50.
    const last = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    if (count(body, last) !== 1) return 'invalid';
    if (convention && convention.decimal !== last) return 'invalid';
    return last;
  }
  const mark = dots > 0 ? '.' : ',';
  if (count(body, mark) > 1) {
    // Used twice, it groups: 1,250,000 or 1.250.000; under a convention whose decimal it is, it is wrong.
    if (convention && convention.decimal === mark) return 'invalid';
    return GROUPED.test(body) ? null : 'invalid';
  }
  if (convention) return convention.decimal === mark ? mark : GROUPED.test(body) ? null : 'invalid';
  // One mark, once: it groups only if three digits follow and at most three non-zero-led digits precede.
  return GROUPED.test(body) ? 'ambiguous' : mark;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}
