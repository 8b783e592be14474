import { describe, expect, it } from 'vitest';
import { initialScripts } from '../../scripts/bench/bundle.js';
import { renderReport } from '../../scripts/bench/report.js';
import { formatNumber, markdownTable, median, parseList, percentile, ratio, summarize } from '../../scripts/bench/stats.js';

describe('percentiles', () => {
  it('interpolate between closest ranks, whatever the order of the samples', () => {
    const samples = [40, 10, 30, 20, 50];
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile(samples, 100)).toBe(50);
    expect(median(samples)).toBe(30);
    expect(percentile(samples, 95)).toBeCloseTo(48);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(samples).toEqual([40, 10, 30, 20, 50]);
  });

  it('are NaN without samples and refuse a percentile out of range', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarise p50, p95 and p99 with the count', () => {
    const samples = Array.from({ length: 100 }, (_x, i) => i + 1);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50.5, p95: expect.closeTo(95.05, 5), p99: expect.closeTo(99.01, 5) });
  });
});

describe('ratios and numbers', () => {
  it('divide, or say NaN when a side is missing or zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });

  it('format with thousands separators and a dash for a missing value', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(0.816, 2)).toBe('0.82');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});

describe('markdown tables', () => {
  it('align columns and escape pipes', () => {
    expect(markdownTable(['query', 'ms'], [['a|b', '1.0']], ['l', 'r'])).toBe('| query | ms |\n|---|---:|\n| a\\|b | 1.0 |');
  });

  it('refuse a row of the wrong width', () => {
    expect(() => markdownTable(['a', 'b'], [['1']])).toThrow('row has 1 cells');
  });
});

describe('options', () => {
  it('keep known names in their canonical order, default to all, and name unknown ones', () => {
    const known = ['import', 'queries', 'page'] as const;
    expect(parseList('page, import', known, known)).toEqual(['import', 'page']);
    expect(parseList(undefined, known, known)).toEqual(['import', 'queries', 'page']);
    expect(() => parseList('imports', known, known)).toThrow('unknown: imports');
  });
});

describe('the initial scripts of a page', () => {
  it('are its module scripts and module preloads, not its lazy chunks or styles', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">`;
    expect(initialScripts(html)).toEqual(['assets/index-a.js', 'assets/vendor-b.js']);
  });
});

describe('the report', () => {
  it('has a table per part measured, with the load it ran under', () => {
    const text = renderReport({
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:10:00Z',
      machine: { cpus: 2, cpuModel: 'x', memoryGb: 8, node: 'v20', commit: 'abc', neo4jHeap: '2g', neo4jPageCache: '1g' },
      loadBefore: [1, 2, 3],
      parts: {
        bundle: { initialFiles: ['a.js'], initialBytes: 1000, initialGzipBytes: 300, allJsBytes: 2000, allJsGzipBytes: 600 },
      },
    });
    expect(text).toContain('before 1 / 2 / 3');
    expect(text).toContain('## Bundle');
    expect(text).toContain('| initial (1 files) | 1,000 | 300 |');
    expect(text).not.toContain('## Import');
  });
});
