/**
 * A closed-loop load generator: `concurrency` clients, each sending its next request as soon as the
 * previous one answered, for `seconds` (at most `maxRequests` in all), after a short warm-up. Returns the
 * latency of every request in milliseconds. The same loop drives the HTTP API and the raw driver.
 */
export async function closedLoop(
  concurrency: number,
  options: { seconds: number; maxRequests: number; warmUp?: number },
  request: (i: number) => Promise<void>,
): Promise<number[]> {
  for (let i = 0; i < (options.warmUp ?? 3); i++) await request(i);
  const latencies: number[] = [];
  const deadline = performance.now() + options.seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < deadline && next < options.maxRequests) {
      const i = next++;
      const started = performance.now();
      await request(i);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return latencies;
}
