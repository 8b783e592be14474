import { describe, expect, it } from 'vitest';
import { VersionedMemo } from '../../server/services/graph-version.js';

describe('results kept per graph version', () => {
  it('are computed once per key and version, and again when the version changes', async () => {
    const memo = new VersionedMemo<string>();
    let runs = 0;
    const compute = (value: string) => async () => {
      runs++;
      return value;
    };
    expect(await memo.get('all', 'v1', compute('first'))).toBe('first');
    expect(await memo.get('all', 'v1', compute('again'))).toBe('first');
    expect(runs).toBe(1);
    expect(await memo.get('all', 'v2', compute('second'))).toBe('second');
    expect(await memo.get('one-pattern', 'v2', compute('other key'))).toBe('other key');
    expect(runs).toBe(3);
  });

  it('share a computation still running, and forget one that failed', async () => {
    const memo = new VersionedMemo<number>();
    let runs = 0;
    let release!: (n: number) => void;
    const slow = () => {
      runs++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = memo.get('k', 'v', slow);
    const second = memo.get('k', 'v', slow);
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(runs).toBe(1);

    await expect(memo.get('bad', 'v', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await memo.get('bad', 'v', async () => 7)).toBe(7);
  });

  it('keep only the most recently used keys', async () => {
    const memo = new VersionedMemo<string>(2);
    let runs = 0;
    const compute = async () => String(++runs);
    await memo.get('a', 'v', compute);
    await memo.get('b', 'v', compute);
    await memo.get('a', 'v', compute); // a is now the most recent
    await memo.get('c', 'v', compute); // evicts b
    expect(runs).toBe(3);
    await memo.get('a', 'v', compute);
    expect(runs).toBe(3);
    await memo.get('b', 'v', compute);
    expect(runs).toBe(4);
  });
});
