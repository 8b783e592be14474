/**
 * Time on the canvas: which facts held on an "as of" date. Dates are partial ISO strings ("2020",
 * "2020-04", "2020-04-20"), so each one stands for a range of days; a fact is hidden only when it
 * certainly did not hold, never merely because its dates are vague.
 */

/** The first and last day a partial date can mean, as comparable "YYYY-MM-DD" strings. */
export function dateRange(date: string): { readonly first: string; readonly last: string } {
  const [year = '0000', month, day] = date.split('-');
  if (day !== undefined && month !== undefined) return { first: date, last: date };
  if (month !== undefined)
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${daysIn(Number(year), Number(month))}` };
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

function daysIn(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one; UTC avoids the local time zone shifting it.
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
}

/** The time fields every fact may carry. */
export interface Dated {
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  readonly current?: boolean | undefined;
}

/** A fact with neither start nor end: the canvas can say nothing about when it held. */
export function isUndated(fact: Dated): boolean {
  return fact.start === undefined && fact.end === undefined;
}

/**
 * False only when the fact certainly did not hold at any moment `asOf` can mean: it started after
 * the last day of `asOf`, or ended before its first day, or the source calls it former
 * (`current: false`) and `asOf` reaches today (a former role is certainly over by now, though not
 * necessarily at some earlier date). `today` is passed in so the function stays pure.
 */
export function validAt(fact: Dated, asOf: string, today: string): boolean {
  const when = dateRange(asOf);
  if (fact.start !== undefined && when.last < dateRange(fact.start).first) return false;
  if (fact.end !== undefined && when.first > dateRange(fact.end).last) return false;
  if (fact.current === false && fact.end === undefined && when.last >= today) return false;
  return true;
}

/** Every year a start or end on the canvas names, ascending, always including this year. */
export function yearsIn(facts: Iterable<Dated>, thisYear: number): number[] {
  const years = new Set<number>([thisYear]);
  for (const fact of facts) {
    for (const date of [fact.start, fact.end]) if (date !== undefined) years.add(Number(date.slice(0, 4)));
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The stops of the time slider: every year from the earliest one named up to this year, so the
 * distance between stops means the same everywhere.
 */
export function sliderYears(facts: Iterable<Dated>, thisYear: number): number[] {
  const years = yearsIn(facts, thisYear);
  const first = years[0] ?? thisYear;
  const last = Math.max(years[years.length - 1] ?? thisYear, thisYear);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Today as "YYYY-MM-DD" in UTC (dates in the data have no time zone). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
