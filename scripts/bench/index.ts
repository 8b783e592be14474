/**
 * The benchmark suite: `npm run bench` (see docs/benchmarks/README.md). Runs the chosen parts on this
 * machine, side by side with their baselines, and writes the results as markdown and JSON.
 *
 *   npm run bench -- [--only import,bulk,queries,findings,start,page,bundle] [--relationships 100000]
 *                    [--import-sizes 100000,1000000] [--concurrency 1,8,32] [--seconds 3] [--out docs/benchmarks/latest]
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { Command } from 'commander';
import type { InterlockFile } from '../../schemas/index.js';
import { generateGraph } from '../generate-graph.js';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { benchBundle } from './bundle.js';
import { benchImport } from './import.js';
import { benchBulk } from './bulk.js';
import { benchFindings, removeStoredFindings, untilFindingsCurrent } from './findings.js';
import { benchLiveImport } from './live-import.js';
import { benchDatabase, importUnlessLoaded, type BenchDatabase } from './neo4j.js';
import { benchPage } from './page.js';
import { benchQueries, benchWholeGraph } from './queries.js';
import { renderReport, type BenchReport } from './report.js';
import { residentMb, startServer } from './server-process.js';
import { benchStart } from './start.js';
import { parseList } from './stats.js';

const PARTS = ['import', 'bulk', 'live-import', 'queries', 'findings', 'start', 'page', 'bundle'] as const;
const numbers = (text: string) => text.split(',').map((s) => Number.parseInt(s.trim(), 10));

const options = new Command('bench')
  .option('--only <parts>', `comma-separated parts: ${PARTS.join(', ')}`)
  .option('--relationships <n>', 'size of the graph the queries run on', (v) => Number.parseInt(v, 10), 100_000)
  .option('--import-sizes <list>', 'graph sizes to import (default: --relationships)')
  .option('--seed <n>', 'seed of the generated graph', (v) => Number.parseInt(v, 10), 1)
  .option('--concurrency <list>', 'numbers of concurrent clients', '1,8,32')
  .option('--seconds <n>', 'seconds of load per query and concurrency', (v) => Number(v), 3)
  .option('--max-requests <n>', 'requests per query and concurrency at most', (v) => Number.parseInt(v, 10), 2000)
  .option(
    '--warm-up <n>',
    'unmeasured requests per query and side (at most 10 s) before measuring it',
    (v) => Number.parseInt(v, 10),
    500,
  )
  .option('--keep-findings', 'findings part: keep the stored findings of --data-dir instead of measuring a full recomputation')
  .option('--page-sizes <list>', 'graph sizes drawn on the page', '1000,5000,20000')
  .option(
    '--live-added <n>',
    'live-import part: relationships added to the graph of --relationships',
    (v) => Number.parseInt(v, 10),
    100_000,
  )
  .option('--no-raw', 'bulk part: leave out the raw UNWIND loop baseline (the import part measures it too)')
  .option('--batch-size <n>', 'rows per import batch (ours and raw)', (v) => Number.parseInt(v, 10))
  .option('--heap <size>', 'heap of the embedded Neo4j of the benchmarks', process.env.INTERLOCK_NEO4J_HEAP ?? '2g')
  .option(
    '--pagecache <size>',
    'page cache of the embedded Neo4j of the benchmarks',
    process.env.INTERLOCK_NEO4J_PAGECACHE ?? '1g',
  )
  .option(
    '--data-dir <path>',
    'findings and queries parts: a data folder kept between runs; the graph is imported into it only when empty',
  )
  .option('--no-rebuild', 'measure the existing web/dist instead of building the page first')
  .option('--out <path>', 'where to write <path>.md and <path>.json', 'docs/benchmarks/latest')
  .parse()
  .opts<{
    only?: string;
    relationships: number;
    importSizes?: string;
    liveAdded: number;
    seed: number;
    concurrency: string;
    seconds: number;
    maxRequests: number;
    warmUp: number;
    keepFindings?: boolean;
    pageSizes: string;
    batchSize?: number;
    raw: boolean;
    heap: string;
    pagecache: string;
    rebuild: boolean;
    dataDir?: string;
    out: string;
  }>();

const parts = parseList(options.only, PARTS, PARTS);
const log = (m: string) => console.error(m);
const token = process.env.INTERLOCK_BENCH_TOKEN;
const dbOptions = { heap: options.heap, pageCache: options.pagecache };
const load = () => loadavg().map((l) => Number(l.toFixed(2)));

const report: BenchReport = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: gitCommit(),
    neo4jHeap: options.heap,
    neo4jPageCache: options.pagecache,
  },
  loadBefore: load(),
  parts: {},
};

const graphs = new Map<number, ReturnType<typeof generateGraph>>();
const graphOf = (n: number) => {
  if (!graphs.has(n)) graphs.set(n, generateGraph(n, options.seed));
  return graphs.get(n)!;
};

let queryDatabase: BenchDatabase | undefined;

/** The database the findings and queries parts run on: a kept `--data-dir` (imported once), or a fresh one. */
async function graphDatabase(graph: InterlockFile, part: string): Promise<BenchDatabase> {
  const db = await benchDatabase({ ...dbOptions, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  // A fresh database is empty, so this imports into it; a kept one is imported into only the first time.
  const fresh = await importUnlessLoaded(db, () => graph);
  log(
    fresh
      ? `Imported ${options.relationships} relationships for the ${part} benchmark.`
      : `Using the graph kept in ${options.dataDir}.`,
  );
  return db;
}
if (parts.includes('import')) {
  report.parts.import = [];
  for (const size of options.importSizes ? numbers(options.importSizes) : [options.relationships]) {
    log(`Import, ${size} relationships (load ${load().join(' ')}):`);
    const keep = (parts.includes('queries') || parts.includes('findings')) && size === options.relationships && !queryDatabase;
    const { database, ...m } = await benchImport(graphOf(size), {
      ...dbOptions,
      keepOurs: keep,
      log,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    if (database) queryDatabase = database;
    report.parts.import.push({ ...m, load: load() });
    if (size !== options.relationships) graphs.delete(size);
  }
}

if (parts.includes('bulk')) {
  report.parts.bulk = [];
  for (const size of options.importSizes ? numbers(options.importSizes) : [options.relationships]) {
    log(`Bulk load, ${size} relationships (load ${load().join(' ')}):`);
    const loadBefore = load();
    const m = await benchBulk(graphOf(size), { ...dbOptions, raw: options.raw, log });
    report.parts.bulk.push({ ...m, loadBefore, load: load() });
    if (size !== options.relationships) graphs.delete(size);
  }
}

if (parts.includes('live-import')) {
  log(`Import into a live graph of ${options.relationships} relationships (load ${load().join(' ')}):`);
  const loadBefore = load();
  const m = await benchLiveImport(graphOf(options.relationships), options.liveAdded, {
    ...dbOptions,
    log,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  report.parts.liveImport = { ...m, loadBefore, load: load() };
}

// Findings before queries: the queries' server then finds the stored findings current for the same graph
// instead of computing them all again (a full recomputation at 1M takes minutes).
if (parts.includes('findings')) {
  const graph = graphOf(options.relationships);
  queryDatabase ??= await graphDatabase(graph, 'findings');
  // Findings computed by an earlier server on this database are removed: the full recomputation is
  // measured (unless --keep-findings: then it is not, and the rest is measured on the findings kept).
  if (!options.keepFindings) await removeStoredFindings(queryDatabase);
  const adminToken = `ilk_bench-${Date.now()}-admin-token-for-this-run`;
  const server = await startServer({
    NEO4J_URI: queryDatabase.uri,
    NEO4J_USER: queryDatabase.credentials.user,
    NEO4J_PASSWORD: queryDatabase.credentials.password,
    INTERLOCK_SEED: '0',
    PORT: String(await findFreePort()),
    INTERLOCK_ADMIN_TOKEN: adminToken,
    INTERLOCK_RATE_LIMIT_READS: process.env.INTERLOCK_RATE_LIMIT_READS ?? '100000000',
    INTERLOCK_RATE_LIMIT_WRITES: '100000',
  });
  try {
    log(`Stored findings on ${options.relationships} relationships (load ${load().join(' ')}):`);
    const measurement = await benchFindings({
      apiUrl: server.url,
      adminToken,
      graph,
      relationships: options.relationships,
      concurrency: numbers(options.concurrency).filter((c) => c <= 8),
      seconds: options.seconds,
      maxRequests: options.maxRequests,
      warmUp: options.warmUp,
      keptFindings: Boolean(options.keepFindings),
      log,
    });
    report.parts.findings = { ...measurement, serverRssMb: residentMb(server.pid), load: load() };
  } finally {
    await server.stop();
    if (!parts.includes('queries')) await queryDatabase.close();
  }
}

if (parts.includes('queries')) {
  const graph = graphOf(options.relationships);
  queryDatabase ??= await graphDatabase(graph, 'query');
  const server = await startServer({
    NEO4J_URI: queryDatabase.uri,
    NEO4J_USER: queryDatabase.credentials.user,
    NEO4J_PASSWORD: queryDatabase.credentials.password,
    INTERLOCK_SEED: '0',
    PORT: String(await findFreePort()),
    // The limiter stays on (its cost is part of the overhead measured) with a budget the load cannot use up.
    INTERLOCK_RATE_LIMIT_READS: process.env.INTERLOCK_RATE_LIMIT_READS ?? '100000000',
  });
  try {
    // The server computes the stored findings at start: measured in the findings part, not beside these queries.
    await untilFindingsCurrent(server.url, log);
    log(`Queries on ${options.relationships} relationships (load ${load().join(' ')}):`);
    const measurements = await benchQueries({
      apiUrl: server.url,
      driver: queryDatabase.driver,
      database: queryDatabase.database,
      graph,
      concurrency: numbers(options.concurrency),
      seconds: options.seconds,
      maxRequests: options.maxRequests,
      warmUp: options.warmUp,
      token,
      log,
    });
    const wholeGraph = await benchWholeGraph({ apiUrl: server.url, token, log });
    report.parts.queries = {
      relationships: options.relationships,
      measurements,
      wholeGraph,
      serverRssMb: residentMb(server.pid),
      neo4jRssMb: queryDatabase.embedded ? residentMb(queryDatabase.embedded.pid) : NaN,
      load: load(),
    };
  } finally {
    await server.stop();
    await queryDatabase.close();
  }
}

if (parts.includes('start')) {
  log(`Cold start (load ${load().join(' ')}):`);
  report.parts.start = { ...(await benchStart({ token, log })), load: load() };
}

if (parts.includes('page')) {
  log(`Page (load ${load().join(' ')}):`);
  report.parts.page = { measurements: await benchPage({ sizes: numbers(options.pageSizes), seconds: 4, log }), load: load() };
}

if (parts.includes('bundle')) {
  log('Bundle:');
  report.parts.bundle = await benchBundle({ rebuild: options.rebuild });
  log(`  initial JavaScript ${(report.parts.bundle.initialGzipBytes / 1024).toFixed(0)} KB gzipped`);
}

report.finishedAt = new Date().toISOString();
report.loadAfter = load();
await mkdir(dirname(options.out), { recursive: true });
await writeFile(`${options.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
await writeFile(`${options.out}.md`, renderReport(report));
log(`Wrote ${options.out}.md and ${options.out}.json`);

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
