/**
 * Load test of a running server (autocannon): holds N concurrent connections (default 200) for D
 * seconds (default 60) on a mix of search, neighbourhood and path requests, then reports requests per
 * second, latency percentiles, errors and non-2xx answers, per endpoint and in total.
 *
 *   INTERLOCK_RATE_LIMIT_READS=0 PORT=8187 npm start          # the server, its read limit off
 *   npm run load -- --url http://127.0.0.1:8187 [--connections 200] [--duration 60] [--token <token>]
 *
 * The ids default to the seed story and to the generated graph (`npm run bench:generate`); any that do
 * not exist answer 404 and show up as non-2xx.
 */
import autocannon from 'autocannon';
import { Command } from 'commander';

const options = new Command('load')
  .option('--url <url>', 'server to load', 'http://127.0.0.1:8080')
  .option('--connections <n>', 'concurrent connections', (v) => Number.parseInt(v, 10), 200)
  .option('--duration <s>', 'seconds', (v) => Number.parseInt(v, 10), 60)
  .option('--token <token>', 'API token, for a server whose reads are closed')
  .option('--json', 'print the figures as JSON')
  .parse()
  .opts<{ url: string; connections: number; duration: number; token?: string; json?: boolean }>();

/** Requests in the mix: the seed's golden path and entities of the generated graph. */
const MIX = [
  { endpoint: 'search', path: '/api/search?q=vincent' },
  { endpoint: 'search', path: '/api/search?q=lexisnexis&limit=20' },
  { endpoint: 'search', path: '/api/search?q=company&limit=20' },
  { endpoint: 'neighbourhood', path: '/api/entities/person:vincent-line/neighborhood?depth=2' },
  { endpoint: 'neighbourhood', path: '/api/entities/org:gen-1/neighborhood?depth=2&limit=100' },
  { endpoint: 'neighbourhood', path: '/api/entities/person:gen-7/neighborhood?depth=1' },
  { endpoint: 'paths', path: '/api/paths?from=person:vincent-line&to=public-body:ice&maxHops=4' },
  { endpoint: 'paths', path: '/api/paths?from=person:gen-1&to=org:gen-2&maxHops=4' },
  { endpoint: 'paths', path: '/api/paths?from=person:gen-3&to=public-body:gen-1&maxHops=4' },
];

type Tally = { requests: number; non2xx: number; statuses: Record<string, number> };

const headers: Record<string, string> = { accept: 'application/json' };
if (options.token) headers.authorization = `Bearer ${options.token}`;

/**
 * One autocannon instance per endpoint, run at the same time and sharing the connections, so each
 * endpoint gets its own latency figures (one instance would send every connection through the list in
 * order, and the slowest request would set the pace of all).
 */
const ENDPOINTS = [...new Set(MIX.map((m) => m.endpoint))];
async function loadEndpoint(endpoint: string, connections: number) {
  const tally: Tally = { requests: 0, non2xx: 0, statuses: {} };
  const requests = MIX.filter((m) => m.endpoint === endpoint).map(({ path }) => ({
    method: 'GET' as const,
    path,
    headers,
    onResponse: (status: number) => {
      tally.requests++;
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      if (status < 200 || status >= 300) tally.non2xx++;
    },
  }));
  const result = await autocannon({ url: options.url, connections, duration: options.duration, requests, timeout: 30 });
  return {
    endpoint,
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses: tally.statuses,
  };
}

console.error(
  `[load] ${options.connections} connections for ${options.duration} s on ${options.url} (${ENDPOINTS.join(', ')})...`,
);
const share = (i: number) =>
  Math.floor(options.connections / ENDPOINTS.length) + (i < options.connections % ENDPOINTS.length ? 1 : 0);
const byEndpoint = await Promise.all(ENDPOINTS.map((endpoint, i) => loadEndpoint(endpoint, share(i))));
const sum = (pick: (r: (typeof byEndpoint)[number]) => number) => byEndpoint.reduce((n, r) => n + pick(r), 0);
const figures = {
  url: options.url,
  connections: options.connections,
  durationSeconds: options.duration,
  requests: sum((r) => r.requests),
  requestsPerSecond: sum((r) => r.requestsPerSecond),
  errors: sum((r) => r.errors),
  timeouts: sum((r) => r.timeouts),
  non2xx: sum((r) => r.non2xx),
  byEndpoint,
};

if (options.json) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  console.log(`total            ${figures.requests} requests in ${figures.durationSeconds} s (${figures.requestsPerSecond}/s)`);
  console.log(`errors           ${figures.errors} (timeouts ${figures.timeouts}); non-2xx ${figures.non2xx}`);
  for (const r of byEndpoint) {
    console.log(
      `  ${r.endpoint.padEnd(14)} ${r.connections} conn  ${r.requestsPerSecond}/s  p50 ${r.latencyMs.p50} ms  p99 ${r.latencyMs.p99} ms  ` +
        `errors ${r.errors}  statuses ${JSON.stringify(r.statuses)}`,
    );
  }
  if (byEndpoint.some((r) => r.statuses['429'])) {
    console.log('Some answers were 429: start the server with INTERLOCK_RATE_LIMIT_READS=0 to measure it rather than its limit.');
  }
}
process.exitCode = figures.errors > 0 || figures.non2xx > 0 ? 1 : 0;
