/**
 * An import's batches written two at a time (server/services/write-lanes.ts): never more at once
 * than asked, every batch once, and on a failure no new batch begins while the one running beside it is
 * waited for (its commit must have its undo record before the rollback reads them).
 */
import { describe, expect, it } from 'vitest';
import { inLanes } from '../../server/services/write-lanes.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('batches written in lanes', () => {
  it('writes every batch once, never more at once than the lanes', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const jobs = Array.from({ length: 9 }, (_x, i) => async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
      done.push(i);
    });
    await inLanes(jobs, 2);
    expect(most).toBe(2);
    expect([...done].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('writes in order, one after another, with one lane', async () => {
    const done: number[] = [];
    await inLanes(
      Array.from({ length: 5 }, (_x, i) => async () => {
        await tick();
        done.push(i);
      }),
      1,
    );
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });

  it('on a failure starts no further batch, waits for the one beside it, then throws the failure', async () => {
    const started: number[] = [];
    let besideFinished = false;
    const jobs = Array.from({ length: 6 }, (_x, i) => async () => {
      started.push(i);
      if (i === 2) throw new Error('batch 2 failed');
      if (i === 1) {
        for (let k = 0; k < 5; k++) await tick();
        besideFinished = true;
      } else await tick();
    });
    await expect(inLanes(jobs, 2)).rejects.toThrow('batch 2 failed');
    expect(besideFinished).toBe(true);
    expect(started).toEqual([0, 1, 2]);
  });
});
