/**
 * Query latency through the HTTP API against the same Cypher on raw neo4j-driver, side by side in one run:
 * search, a capped 2-hop neighbourhood, shortest paths (up to 6 hops) and each conflict pattern for one
 * entity, at several numbers of concurrent clients. The parameters rotate over entities of the generated
 * graph (the same list for both sides), and every client alternates the two sides. Ratio = API p50 / raw p50.
 */
import type { Driver } from 'neo4j-driver';
import type { InterlockFile } from '../../schemas/index.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { closedLoop } from './load.js';
import { rawQueries } from './raw-queries.js';
import { ratio, summarize, type LatencySummary } from './stats.js';

export interface QueryMeasurement {
  query: string;
  concurrency: number;
  api: LatencySummary;
  raw: LatencySummary;
  /** API p50 / raw p50 (1.0 = no overhead). */
  ratio: number;
}

interface Sample {
  search: string[];
  neighbourhood: string[];
  paths: [string, string][];
  /** People with a position and a board seat: the centre of most findings. */
  people: string[];
  /** Public bodies that buy: money flows. */
  buyers: string[];
}

/** Entities of the generated graph to rotate over, chosen deterministically (every k-th of each role). */
export function sampleOf(graph: InterlockFile, size = 24): Sample {
  const every = <T>(xs: readonly T[]) => xs.filter((_x, i) => i % Math.max(1, Math.floor(xs.length / size)) === 0).slice(0, size);
  const positions = new Set(graph.relationships.filter((r) => r.type === 'HOLDS_POSITION').map((r) => r.source));
  const seats = graph.relationships.filter((r) => r.type === 'SITS_ON_BOARD').map((r) => r.source);
  const people = every([...new Set(seats.filter((p) => positions.has(p)))]);
  const buyers = every([...new Set(graph.relationships.filter((r) => r.type === 'BUYER_OF').map((r) => r.source))]);
  const named = every(graph.entities.filter((e) => e.kind !== 'Document'));
  const orgs = graph.entities.filter((e) => e.kind === 'Organization');
  return {
    search: named.map((e) => e.name),
    neighbourhood: every(
      graph.entities.filter((e) => e.kind === 'Person' || e.kind === 'Organization' || e.kind === 'PublicBody'),
    ).map((e) => e.id),
    paths: people.map((p, i) => [p, orgs[(i * 7919) % orgs.length]!.id] as [string, string]),
    people,
    buyers,
  };
}

export async function benchQueries(options: {
  apiUrl: string;
  driver: Driver;
  database: string;
  graph: InterlockFile;
  concurrency: number[];
  seconds: number;
  maxRequests: number;
  /** Unmeasured requests per query and side before its measurements (at most 10 s of them). */
  warmUp: number;
  /** Sent as `Authorization: Bearer` when the API needs a token. */
  token?: string | undefined;
  log: (m: string) => void;
}): Promise<QueryMeasurement[]> {
  const sample = sampleOf(options.graph);
  const raw = rawQueries(options.driver, options.database);
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const get = async (path: string) => {
    const response = await fetch(`${options.apiUrl}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    await response.arrayBuffer();
  };
  const q = encodeURIComponent;
  const cases: { query: string; api: (i: number) => Promise<void>; raw: (i: number) => Promise<unknown> }[] = [
    {
      query: 'search',
      api: (i) => get(`/api/search?q=${q(pick(sample.search, i))}&limit=10`),
      raw: (i) => raw.search(pick(sample.search, i)),
    },
    {
      query: '2-hop neighbourhood (limit 200)',
      api: (i) => get(`/api/entities/${q(pick(sample.neighbourhood, i))}/neighborhood?depth=2&limit=200`),
      raw: (i) => raw.neighborhood(pick(sample.neighbourhood, i), 2, 200),
    },
    {
      query: 'shortest paths (<= 6 hops)',
      api: (i) => get(`/api/paths?from=${q(pick(sample.paths, i)[0])}&to=${q(pick(sample.paths, i)[1])}&maxHops=6`),
      raw: (i) => raw.paths(pick(sample.paths, i)[0], pick(sample.paths, i)[1], 6),
    },
    ...loadPatterns().map((pattern) => {
      const entities = pattern.id === 'money-flow' ? sample.buyers : sample.people;
      return {
        query: `conflicts: ${pattern.id} (one entity)`,
        api: (i: number) => get(`/api/conflicts?pattern=${pattern.id}&entity=${q(pick(entities, i))}`),
        raw: (i: number) => raw.pattern(pattern, pick(entities, i)),
      };
    }),
  ];
  const results: QueryMeasurement[] = [];
  for (const c of cases) {
    // Unmeasured warm-up of both sides: query plans compiled, the page cache warm, and the JVM's and
    // Node's JIT past their first thousands of calls (Neo4j answers `RETURN 1` in ~5 ms cold, ~1.7 ms warm).
    const warmUp = (work: (i: number) => Promise<unknown>) =>
      closedLoop(2, { seconds: 10, maxRequests: options.warmUp }, async (i) => void (await work(i)));
    await warmUp(c.raw);
    await warmUp(c.api);
    for (const concurrency of options.concurrency) {
      // Each client alternates a raw and an API request with the same parameters, so both sides see the
      // machine at the same moments: measured one side after the other (a few seconds each), the drift of
      // a shared machine between the two blocks counted as the overhead of one side.
      const latencies = { raw: [] as number[], api: [] as number[] };
      await closedLoop(
        concurrency,
        { seconds: 2 * options.seconds, maxRequests: 2 * options.maxRequests, warmUp: 0 },
        async (i) => {
          const side = i % 2 === 0 ? 'raw' : 'api';
          const started = performance.now();
          await c[side](i >> 1);
          latencies[side].push(performance.now() - started);
        },
      );
      const rawLatencies = summarize(latencies.raw);
      const apiLatencies = summarize(latencies.api);
      const m = {
        query: c.query,
        concurrency,
        api: apiLatencies,
        raw: rawLatencies,
        ratio: ratio(apiLatencies.p50, rawLatencies.p50),
      };
      results.push(m);
      options.log(
        `  ${c.query} x${concurrency}: api p50 ${m.api.p50.toFixed(1)} p95 ${m.api.p95.toFixed(1)} ms; raw p50 ${m.raw.p50.toFixed(1)} p95 ${m.raw.p95.toFixed(1)} ms (${m.api.count}/${m.raw.count} requests)`,
      );
    }
  }
  return results;
}

export interface WholeGraphMeasurement {
  pattern: string;
  /** The first ask: every pattern runs over the whole graph. */
  ms: number;
  /** The same ask again with the graph unchanged: the server keeps the answer per graph version. */
  againMs: number;
  total: number;
  /** The error code when the server refused (e.g. `query_timeout` past INTERLOCK_QUERY_TIMEOUT_MS). */
  error?: string;
}

/** The whole-graph answer of each pattern, twice (the page's Conflicts tab without an entity), first page only. */
export async function benchWholeGraph(options: {
  apiUrl: string;
  token?: string | undefined;
  log: (m: string) => void;
}): Promise<WholeGraphMeasurement[]> {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const ask = async (pattern: string) => {
    const started = performance.now();
    const response = await fetch(`${options.apiUrl}/api/conflicts?pattern=${pattern}&limit=100`, { headers });
    const body = (await response.json()) as { total?: number; error?: { code?: string } };
    return { ms: performance.now() - started, total: body.total ?? NaN, error: response.ok ? undefined : body.error?.code };
  };
  const out: WholeGraphMeasurement[] = [];
  for (const pattern of loadPatterns()) {
    const first = await ask(pattern.id);
    const again = await ask(pattern.id);
    out.push({
      pattern: pattern.id,
      ms: first.ms,
      againMs: again.ms,
      total: first.total,
      ...(first.error ? { error: first.error } : {}),
    });
    options.log(
      `  whole graph ${pattern.id}: ${first.ms.toFixed(0)} ms, again ${again.ms.toFixed(0)} ms, ${first.error ?? `${first.total} findings`}`,
    );
  }
  return out;
}
