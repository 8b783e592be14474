/**
 * Keeps the embedded Neo4j this process started running: when its JVM dies (a crash, an out-of-memory
 * kill, a `kill -9`), it is started again on the same data folder and port, with backoff, and the driver
 * reconnects by itself. Until it is back and whatever it left half-done is settled (`afterRestart`:
 * imports cut off by the crash are rolled back), the state is `restarting`: the health check says so and
 * the API answers 503 rather than serving a half-imported graph.
 */
import type { EmbeddedNeo4j } from './embedded.js';

export type DatabaseState = 'running' | 'restarting';

export interface SupervisedNeo4j {
  readonly state: DatabaseState;
  /** The JVM running now (a new one after each restart). */
  readonly current: EmbeddedNeo4j;
  readonly restarts: number;
  /** Stops supervising and stops the JVM. */
  stop(): Promise<void>;
}

/** Waits before each attempt: quick at first (a crash is usually a one-off), slower while it keeps failing. */
const BACKOFF_MS = [250, 2_000, 5_000, 10_000, 30_000];
/** A JVM that dies within this long of its start counts as failing again, not as a fresh crash. */
const STABLE_AFTER_MS = 60_000;

export function superviseEmbeddedNeo4j(
  first: EmbeddedNeo4j,
  start: () => Promise<EmbeddedNeo4j>,
  options: {
    log: (message: string) => void;
    /** Called as soon as the JVM is found dead, before it is started again. */
    onStopped?: () => void;
    afterRestart?: () => Promise<void>;
    backoffMs?: readonly number[];
  },
): SupervisedNeo4j {
  const backoff = options.backoffMs ?? BACKOFF_MS;
  let current = first;
  let state: DatabaseState = 'running';
  let restarts = 0;
  let stopping = false;
  let failures = 0;
  let startedAt = Date.now();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

  const watch = (jvm: EmbeddedNeo4j) => {
    void jvm.exited.then(({ code, signal }) => {
      if (stopping || jvm !== current) return;
      failures = Date.now() - startedAt < STABLE_AFTER_MS ? failures + 1 : 0;
      state = 'restarting';
      options.onStopped?.();
      options.log(`Embedded Neo4j (pid ${jvm.pid}) stopped (${signal ?? `exit ${code}`}); starting it again...`);
      void restart();
    });
  };

  const restart = async (): Promise<void> => {
    for (let attempt = failures; !stopping; attempt++) {
      await sleep(backoff[Math.min(attempt, backoff.length - 1)] ?? 1_000);
      if (stopping) return;
      const began = Date.now();
      try {
        const next = await start();
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        startedAt = Date.now();
        restarts += 1;
        watch(next);
        try {
          await options.afterRestart?.();
        } catch (error) {
          options.log(
            `After the restart, settling unfinished work failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        state = 'running';
        options.log(`Embedded Neo4j is back (pid ${next.pid}, ${((Date.now() - began) / 1000).toFixed(1)} s to start).`);
        return;
      } catch (error) {
        options.log(`Embedded Neo4j did not start again: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  watch(first);
  return {
    get state() {
      return state;
    },
    get current() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
