/**
 * Reading one FtM line's values into our fields. FtM properties are lists; where we keep one value,
 * several values are never settled by taking the first: text is joined, dates are read as the widest
 * honest reading (the earliest start, the latest end, the part several birth dates share), and
 * numbers that disagree are left out with a warning. Every property read is marked, so what was not
 * read can be reported. Pure.
 */
import type { ImportProblem, ImportWarning } from '../../../schemas/index.js';
import { readNumber, type NumberConvention } from '../imports/numbers.js';
import type { FtmRecord } from './lines.js';
import { isFtmCountry, isFtmTopic } from './model.js';

export interface ReadOutput {
  problems: ImportProblem[];
  warn: (warning: ImportWarning) => void;
  convention: NumberConvention;
}

export class LineReader {
  readonly consumed = new Set<string>();

  constructor(
    readonly record: FtmRecord,
    private readonly out: ReadOutput,
  ) {}

  get line(): number {
    return this.record.line;
  }

  has(prop: string): boolean {
    return (this.record.properties[prop]?.length ?? 0) > 0;
  }

  /** The values of these properties (marked as read), each once. */
  values(...props: string[]): string[] {
    for (const p of props) this.consumed.add(p);
    return [...new Set(props.flatMap((p) => this.record.properties[p] ?? []))];
  }

  first(...props: string[]): string | undefined {
    return this.values(...props)[0];
  }

  text(props: readonly string[], joiner = '; '): string | undefined {
    const values = this.values(...props);
    return values.length ? values.join(joiner) : undefined;
  }

  date(props: readonly string[], field: string, several: 'earliest' | 'latest' | 'common' = 'earliest'): string | undefined {
    const dates = [...new Set(this.values(...props).map(isoDate))];
    if (dates.length <= 1) return dates[0];
    // A value that is not a date is kept so validation names it with its line.
    const bad = dates.find((d) => !/^\d{4}(-\d{2}){0,2}$/.test(d));
    if (bad) return bad;
    if (several === 'common') {
      const shared = commonDate(dates);
      this.warn(`${field}: ${dates.join(', ')} in the source; kept ${shared ?? 'none'} (what they agree on)`);
      return shared;
    }
    const sorted = [...dates].sort();
    const kept = several === 'earliest' ? sorted[0] : sorted.at(-1);
    this.warn(`${field}: ${dates.join(', ')} in the source; kept the ${several}, ${kept}`);
    return kept;
  }

  /** A number written the way the file's convention says; refused (a problem) when it cannot be read. */
  number(props: readonly string[], field: string): number | undefined {
    const readings = this.values(...props).map((text) => ({ text, reading: readNumber(text, this.out.convention) }));
    for (const { reading } of readings)
      if (!reading.ok)
        this.out.problems.push({ line: this.line, field: `properties.${props[0] ?? field}`, message: reading.reason });
    const values = [...new Set(readings.flatMap(({ reading }) => (reading.ok ? [reading.value] : [])))];
    if (values.length > 1) {
      this.warn(`${field}: ${values.join(', ')} in the source disagree; none kept`);
      return undefined;
    }
    return values[0];
  }

  currency(props: readonly string[], field: string): string | undefined {
    const codes = [...new Set(this.values(...props).map((c) => c.toUpperCase()))];
    if (codes.length > 1) {
      this.warn(`${field}: ${codes.join(', ')} in the source disagree; none kept`);
      return undefined;
    }
    return codes[0];
  }

  /** Country codes FtM knows (`de`, `suhh`); others are named in a warning and left out. */
  countries(props: readonly string[], field: string): string[] | undefined {
    const codes = [...new Set(this.values(...props).map((c) => c.toLowerCase()))];
    const unknown = codes.filter((c) => !isFtmCountry(c));
    if (unknown.length) this.warn(`${field}: ${unknown.join(', ')} is not a country code FtM knows; left out`);
    const known = codes.filter(isFtmCountry);
    return known.length ? known : undefined;
  }

  topics(props: readonly string[]): string[] | undefined {
    const topics = [...new Set(this.values(...props))];
    const unknown = topics.filter((t) => !isFtmTopic(t));
    if (unknown.length) this.warn(`topics: ${unknown.join(', ')} is not an FtM topic; left out`);
    const known = topics.filter(isFtmTopic);
    return known.length ? known : undefined;
  }

  warn(message: string): void {
    this.out.warn({ line: this.line, message: `${this.record.schema} ${this.record.id}: ${message}` });
  }

  problem(field: string, message: string): void {
    this.out.problems.push({ line: this.line, field, message });
  }
}

/** FtM dates may carry a time (`2020-04-01T00:00:00`); ours are partial ISO dates. */
export function isoDate(value: string): string {
  return /^(\d{4}(-\d{2}(-\d{2})?)?)(T.*)?$/.exec(value)?.[1] ?? value;
}

/** The most precise date all of these fall in (`1988-01-07`, `1988-07-01` -> `1988`), if any. */
export function commonDate(dates: readonly string[]): string | undefined {
  const parts = dates.map((d) => d.split('-'));
  const shared: string[] = [];
  for (let i = 0; i < 3; i++) {
    const values = new Set(parts.map((p) => p[i]));
    if (values.size !== 1 || values.has(undefined)) break;
    shared.push([...values][0] as string);
  }
  return shared.length ? shared.join('-') : undefined;
}
