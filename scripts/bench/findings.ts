/**
 * Stored conflict findings (ADR 0021) through a server process on the benchmark graph: how long the
 * full recomputation takes in the background after the server starts on a freshly imported graph, the
 * latency of the whole-graph first page, how long a new finding takes to show after the edit that
 * creates it, and search latency while clients keep asking for the whole-graph list.
 */
import { Worker } from 'node:worker_threads';
import { int } from 'neo4j-driver';
import type { InterlockFile } from '../../schemas/index.js';
import { cypher } from '../../server/db/cypher-files.js';
import { closedLoop } from './load.js';
import type { BenchDatabase } from './neo4j.js';
import { median, summarize, type LatencySummary } from './stats.js';

export interface FindingsMeasurement {
  relationships: number;
  /**
   * From the server's first 200 of /api/health to `status: current` (the full recomputation at start);
   * null when the findings of an earlier run were kept (`--keep-findings`) and it was not measured.
   */
  fullMs: number | null;
  findings: number;
  /** The first page of all findings, the same for every client (built once per state of the findings). */
  firstPage: { clients: number; latency: LatencySummary; requests: number }[];
  /** The first ask of pages no one asked for before (offsets 0, 100, ...), one client: each page is built. */
  unaskedPage: { latency: LatencySummary; requests: number };
  /** Milliseconds from the edit's answer to the finding showing in /api/conflicts, each trial. */
  editToFindingMs: number[];
  editToFindingMedianMs: number;
  /**
   * Search alone, then while `wholeGraphClients` clients keep asking for the first page of all findings:
   * `busy` with those clients in a thread of their own (they stand for other people's browsers),
   * `busyInProcess` with them in the process that times the searches (as before December 5).
   */
  search: { alone: LatencySummary; busy: LatencySummary; busyInProcess?: LatencySummary; wholeGraphClients: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `clients` readers asking for `url` one after another, in a worker thread, until told to stop. */
const READERS = `
const { workerData, parentPort } = require('node:worker_threads');
let asking = true;
let failed = 0;
parentPort.on('message', () => { asking = false; });
let ready = false;
const reader = async () => {
  while (asking) {
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    if (!response.ok) failed++;
    if (!ready) parentPort.postMessage('ready');
    ready = true;
  }
};
Promise.all(Array.from({ length: workerData.clients }, reader)).then(
  () => parentPort.postMessage({ failed }),
  (error) => parentPort.postMessage({ failed: failed + 1, error: String(error) }),
);
`;

/**
 * The latencies `measure` gives while `clients` readers keep asking for `url` from a worker thread: their
 * responses are received on another event loop than the one timing `measure`'s requests.
 */
async function besideReaders(url: string, clients: number, measure: () => Promise<number[]>): Promise<number[]> {
  const readers = new Worker(READERS, { eval: true, workerData: { url, clients } });
  const failed = new Promise<never>((_, reject) => readers.once('error', reject));
  await Promise.race([new Promise((resolve) => readers.once('message', resolve)), failed]);
  const done = new Promise<{ failed: number; error?: string }>((resolve) => readers.once('message', resolve));
  const stop = async () => {
    readers.postMessage('stop');
    const stopped = await Promise.race([done, failed]);
    await readers.terminate();
    return stopped;
  };
  let latencies: number[];
  try {
    latencies = await measure();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const { failed: failures, error } = await stop();
  if (failures) throw new Error(`${failures} whole-graph asks failed${error ? `: ${error}` : ''}`);
  return latencies;
}

export async function untilFindingsCurrent(apiUrl: string, log: (m: string) => void, timeoutMs = 60 * 60_000): Promise<number> {
  const started = performance.now();
  let lastReport = 0;
  for (;;) {
    const status = (await (await fetch(`${apiUrl}/api/conflicts/status`)).json()) as {
      status: string;
      progress: { done: number; total: number; findings: number } | null;
    };
    if (status.status === 'current') return performance.now() - started;
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const p = status.progress;
      log(`  findings updating${p ? `: ${p.done}/${p.total} patterns, ${p.findings} findings written` : ''}`);
    }
    if (performance.now() - started > timeoutMs) throw new Error('the stored findings did not become current');
    await sleep(100);
  }
}

export async function benchFindings(options: {
  apiUrl: string;
  adminToken: string;
  graph: InterlockFile;
  relationships: number;
  concurrency: number[];
  seconds: number;
  maxRequests: number;
  /** Unmeasured searches before search is measured. */
  warmUp: number;
  /** The stored findings were kept from an earlier run: the full recomputation is not measured. */
  keptFindings: boolean;
  trials?: number;
  log: (m: string) => void;
}): Promise<FindingsMeasurement> {
  const { apiUrl, log } = options;
  log(
    options.keptFindings
      ? '  waiting for the kept findings to be current...'
      : '  waiting for the full recomputation of the stored findings...',
  );
  const untilCurrentMs = await untilFindingsCurrent(apiUrl, log);
  const fullMs = options.keptFindings ? null : untilCurrentMs;
  const total = ((await (await fetch(`${apiUrl}/api/conflicts?limit=1`)).json()) as { total: number }).total;
  log(`  findings current after ${(untilCurrentMs / 1000).toFixed(1)} s: ${total} findings`);

  const get = async (path: string) => {
    const response = await fetch(`${apiUrl}${path}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
  };
  // Pages no one asked for yet: each is read and built (later asks of the same page are served as built).
  const unasked: number[] = [];
  for (let page = 1; page <= 50; page++) {
    const started = performance.now();
    await get(`/api/conflicts?limit=100&cursor=${page * 100}`);
    unasked.push(performance.now() - started);
  }
  const unaskedPage = { latency: summarize(unasked), requests: unasked.length };
  log(`  a page not asked before, 1 client: p95 ${unaskedPage.latency.p95.toFixed(1)} ms`);
  const firstPage: FindingsMeasurement['firstPage'] = [];
  for (const clients of options.concurrency) {
    const latencies = await closedLoop(clients, options, () => get('/api/conflicts?limit=100'));
    firstPage.push({ clients, latency: summarize(latencies), requests: latencies.length });
    log(`  first page, ${clients} client(s): p95 ${summarize(latencies).p95.toFixed(1)} ms`);
  }

  // Search alone, then with six clients asking for the whole-graph list at the same time.
  const names = options.graph.entities.slice(0, 200).map((e) => e.name.split(' ')[0] ?? e.name);
  const search = (i: number) => get(`/api/search?q=${encodeURIComponent(names[i % names.length]!)}`);
  await closedLoop(2, { seconds: 10, maxRequests: options.warmUp }, search);
  const alone = summarize(await closedLoop(1, options, search));
  const wholeGraphClients = 6;
  const wholeGraphUrl = `${apiUrl}/api/conflicts?limit=100`;
  const busy = summarize(await besideReaders(wholeGraphUrl, wholeGraphClients, () => closedLoop(1, options, search)));
  // As measured before December 5: the readers in the process that times the searches, so the time it
  // spends receiving their pages (300 KB each at 100k) is counted in the searches' latency too.
  let inProcess = true;
  const background = Array.from({ length: wholeGraphClients }, async () => {
    while (inProcess) await get('/api/conflicts?limit=100');
  });
  const busyInProcess = summarize(await closedLoop(1, options, search));
  inProcess = false;
  await Promise.all(background);
  log(
    `  search p99 alone ${alone.p99.toFixed(1)} ms, with ${wholeGraphClients} whole-graph clients ${busy.p99.toFixed(1)} ms (${busyInProcess.p99.toFixed(1)} ms with them in this process)`,
  );

  // A new board seat for a person who already sits on a board: a board interlock with a new organisation.
  const seated = options.graph.relationships.filter((r) => r.type === 'SITS_ON_BOARD').map((r) => r.source);
  const headers = { authorization: `Bearer ${options.adminToken}`, 'content-type': 'application/json' };
  const citations = [
    {
      newDocument: { title: 'Benchmark board minutes', url: 'https://example.org/bench/minutes' },
      locator: 'p. 1',
      quote: 'joined',
    },
  ];
  const editToFindingMs: number[] = [];
  for (let trial = 0; trial < (options.trials ?? 5); trial++) {
    const person = seated[(trial * 7919) % seated.length]!;
    const org = await fetch(`${apiUrl}/api/entities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'Organization', name: `Benchmark Holdings ${Date.now()}-${trial}`, citations }),
    });
    const orgId = ((await org.json()) as { entity: { id: string } }).entity.id;
    await untilFindingsCurrent(apiUrl, log);
    const seat = await fetch(`${apiUrl}/api/relationships`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'SITS_ON_BOARD', source: person, target: orgId, current: true, citations }),
    });
    if (!seat.ok) throw new Error(`the benchmark edit failed: ${seat.status} ${await seat.text()}`);
    const written = performance.now();
    for (;;) {
      const body = (await (
        await fetch(`${apiUrl}/api/conflicts?pattern=board-interlock&entity=${encodeURIComponent(orgId)}`)
      ).json()) as { findings: unknown[] };
      if (body.findings.length > 0) break;
      if (performance.now() - written > 120_000) throw new Error('the new finding did not show');
      await sleep(20);
    }
    editToFindingMs.push(performance.now() - written);
    log(`  edit -> finding shown: ${(performance.now() - written).toFixed(0)} ms`);
  }
  return {
    relationships: options.relationships,
    fullMs,
    findings: total,
    firstPage,
    unaskedPage,
    editToFindingMs,
    editToFindingMedianMs: median(editToFindingMs),
    search: { alone, busy, busyInProcess, wholeGraphClients },
  };
}

/** Every stored finding, count and the findings state: the next recomputation starts from nothing. */
export async function removeStoredFindings(db: Pick<BenchDatabase, 'driver' | 'database'>): Promise<void> {
  for (;;) {
    const removed = await db.driver.executeQuery(
      cypher('queries/findings-delete-generations'),
      { keep: int(-1), limit: int(10_000) },
      { database: db.database },
    );
    if (Number(removed.records[0]?.get('removed') ?? 0) === 0) break;
  }
  await db.driver.executeQuery('MATCH (s:FindingsState) DELETE s', {}, { database: db.database });
}
