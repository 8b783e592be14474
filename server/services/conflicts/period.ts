/**
 * Time overlap of facts with partial dates. A fact holds from `start` to `end` (ISO dates, possibly just
 * a year or a month); `current: true` with no end means it still holds; `current: false` with no end
 * means it ended at some unknown time. A partial date is a range ("2020" is all of 2020), and we only
 * call two facts disjoint when they certainly are.
 */
import type { Period } from '../../../schemas/index.js';

export interface Dated {
  start?: unknown;
  end?: unknown;
  current?: unknown;
  signedOn?: unknown;
}

/** Earliest day a partial date can mean. */
export function earliest(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** Latest day a partial date can mean (month lengths do not matter for ordering: 31 is always last). */
export function latest(date: string): string {
  const [y, m = '12', d = '31'] = date.split('-');
  return `${y}-${m}-${d}`;
}

const asDate = (value: unknown): string | null => (typeof value === 'string' && value.length >= 4 ? value : null);

/** When a fact began and ended, as far as the data says. Contracts without a start start when signed. */
export function factSpan(fact: Dated): { start: string | null; end: string | null; known: boolean } {
  const start = asDate(fact.start) ?? asDate(fact.signedOn);
  const end = asDate(fact.end);
  // A current fact with a known start is fully placed in time; so is one with any known date.
  const known = start !== null || end !== null;
  return { start, end, known };
}

export interface Overlap {
  /** False only when two facts certainly never held at the same time. */
  possible: boolean;
  period: Period;
  /** Some fact has no dates at all (or ended at an unknown time), so the overlap could not be checked. */
  datesUnknown: boolean;
}

export function overlap(facts: readonly Dated[]): Overlap {
  let from: string | null = null;
  let to: string | null = null;
  let datesUnknown = false;
  for (const fact of facts) {
    const span = factSpan(fact);
    if (!span.known) datesUnknown = true;
    // "Former" with no end date: it ended, but when is unknown.
    if (fact.current === false && span.end === null) datesUnknown = true;
    if (span.start !== null && (from === null || earliest(span.start) > earliest(from))) from = span.start;
    if (span.end !== null && (to === null || latest(span.end) < latest(to))) to = span.end;
  }
  const possible = from === null || to === null || latest(to) >= earliest(from);
  return { possible, period: { from, to }, datesUnknown };
}

/** Whether every fact may have held on `asOf` (unknown dates do not exclude a fact). */
export function heldOn(facts: readonly Dated[], asOf: string): boolean {
  return facts.every((fact) => {
    const { start, end } = factSpan(fact);
    if (start !== null && earliest(start) > latest(asOf)) return false;
    if (end !== null && latest(end) < earliest(asOf)) return false;
    return true;
  });
}
