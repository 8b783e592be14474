/**
 * Pure helpers of the benchmark suite: percentiles, summaries, ratios and markdown tables. No I/O, so a
 * unit test checks them.
 */

/** The p-th percentile (0..100) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}

/** a / b, NaN when either is missing or b is 0. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN;
}

/** A number for a table: `—` when missing, otherwise rounded to `digits` (thousands separated). */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A GitHub-flavoured markdown table; `align` per column ('l' or 'r', default 'l'). Pipes in cells are escaped. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('l' | 'r')[] = [],
): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_h, i) => (align[i] === 'r' ? '---:' : '---'));
  for (const row of rows)
    if (row.length !== header.length) throw new Error(`row has ${row.length} cells, header ${header.length}: ${row.join(', ')}`);
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

/** Options like `--only import,queries`: the known names in order; unknown names are an error. */
export function parseList<T extends string>(text: string | undefined, known: readonly T[], fallback: readonly T[]): T[] {
  if (!text) return [...fallback];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(known as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`unknown: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return known.filter((k) => names.includes(k));
}
