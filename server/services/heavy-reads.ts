/**
 * Admission for heavy reads: questions about the whole graph (every conflict finding, every duplicate
 * pair) that hold a database core for seconds. A few may run at once (INTERLOCK_HEAVY_READS); one more
 * is answered 503 `busy` with Retry-After at once, rather than queued behind the others while searches
 * and neighbourhoods starve. Answers computed once per graph version are shared, so a repeated question
 * is quick and frees its place at once.
 */

/** All places for heavy reads are taken: HTTP 503 with Retry-After. */
export class BusyError extends Error {
  readonly statusCode = 503;
  readonly code = 'busy';
  readonly retryAfterSeconds = 5;
}

export class HeavyReads {
  private running = 0;

  constructor(readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      throw new BusyError(
        `The server is already answering ${this.limit} question(s) about the whole graph; try again in a few seconds, or ask about one entity.`,
      );
    }
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }
}
