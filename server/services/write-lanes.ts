/**
 * Runs batch transactions `lanes` at a time: an import's batches, and the batches of stored findings a
 * full recomputation writes (the findings maintainer also runs an update's pattern queries with it).
 * One transaction at a time leaves one of the machine's cores to Neo4j's commit while the other waits;
 * two at a time wrote 100k relationships into a live 1M graph 1.25-1.3× faster than the one-at-a-time
 * loop on a 2-core machine, and stored findings 1.25-1.35× faster (docs/benchmarks). Relationships to a
 * hub do not serialise the lanes: Neo4j 5 does not lock a dense node's record to add a relationship to
 * it, and the rare deadlock between two batches is a transient error the driver retries.
 *
 * The first failure stops the lanes taking new jobs; the jobs already running are waited for (so that
 * whatever committed has its undo record when the caller rolls back), then that failure is thrown.
 */
/** Lanes of a large import unless told otherwise (WriteTuning.lanes). */
export const WRITE_LANES = 2;

export async function inLanes(jobs: readonly (() => Promise<void>)[], lanes: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null && next < jobs.length) {
      const job = jobs[next++]!;
      try {
        await job();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, jobs.length)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
