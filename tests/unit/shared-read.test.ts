import { describe, expect, it } from 'vitest';
import { SharedRead } from '../../server/services/shared-read.js';

/** A read whose answers the test releases one at a time: each read answers the number of writes made before it started. */
function controlledRead() {
  let writes = 0;
  const started: { wrote: number; finish: (fail?: boolean) => void }[] = [];
  const shared = new SharedRead(
    () =>
      new Promise<number>((resolve, reject) => {
        const wrote = writes;
        started.push({ wrote, finish: (fail) => (fail ? reject(new Error('database away')) : resolve(wrote)) });
      }),
  );
  return { shared, started, write: () => writes++ };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a shared read', () => {
  it('answers callers who arrive together with one read', async () => {
    const { shared, started } = controlledRead();
    const asks = [shared.now(), shared.now(), shared.now()];
    await settle();
    // The first started a read; the two who came while it ran wait for the next one, together.
    expect(started).toHaveLength(1);
    started[0]!.finish();
    await settle();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    expect(await Promise.all(asks)).toEqual([0, 0, 0]);
    expect(started).toHaveLength(2);
  });

  it('never answers a caller with a read that started before it asked', async () => {
    const { shared, started, write } = controlledRead();
    const early = shared.now();
    write(); // confirmed to its writer, who then reads
    const late = shared.now();
    started[0]!.finish();
    await settle();
    started[1]!.finish();
    expect(await early).toBe(0);
    expect(await late).toBe(1);
  });

  it('lets a failed read fail only its own callers, and reads again for the next', async () => {
    const { shared, started } = controlledRead();
    const failing = shared.now();
    const waiting = shared.now();
    started[0]!.finish(true);
    await expect(failing).rejects.toThrow('database away');
    await settle();
    started[1]!.finish();
    expect(await waiting).toBe(0);
    const after = shared.now();
    await settle();
    expect(started).toHaveLength(3);
    started[2]!.finish();
    expect(await after).toBe(0);
  });
});
