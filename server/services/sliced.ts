/**
 * Long pure work written once as a generator that yields between small steps, and run either to the end
 * at once (`untilDone`: small inputs, tests) or in slices of a few milliseconds with the event loop let in
 * between (`inSlices`). The server has one thread: a table built from a million-relationship graph's
 * findings takes seconds, and every other request (a search, a page) would wait for all of it.
 */

/** Work that yields (nothing) wherever it may be paused, and returns its result. */
export type Sliced<T> = Generator<void, T, void>;

/** How long a slice may hold the thread before other work is let in. */
export const SLICE_MS = 10;

/** Runs the work to its end without pausing. */
export function untilDone<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs the work in slices of about `sliceMs`, letting pending I/O and timers run between them. */
export async function inSlices<T>(work: Sliced<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** How many cheap steps (a row, a fact) a loop of such work takes between two pause points. */
export const STEPS_PER_PAUSE = 500;

/**
 * A stable sort in slices: runs of `run` elements sorted with `Array.prototype.sort` (stable), then merged
 * pairwise, the left run first on ties, so the order is the one a single stable sort gives.
 */
export function* sortedSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 8192): Sliced<T[]> {
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += run) {
    runs.push(items.slice(start, start + run).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i] as T[];
      const right = runs[i + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const out: T[] = [];
      let l = 0;
      let r = 0;
      while (l < left.length && r < right.length) {
        out.push(compare(right[r] as T, left[l] as T) < 0 ? (right[r++] as T) : (left[l++] as T));
        if (out.length % STEPS_PER_PAUSE === 0) yield;
      }
      while (l < left.length) out.push(left[l++] as T);
      while (r < right.length) out.push(right[r++] as T);
      merged.push(out);
      yield;
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
