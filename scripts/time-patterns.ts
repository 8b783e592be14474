/**
 * Times each conflict pattern on a generated graph: median of 5 runs after one warm-up, on an embedded
 * Neo4j in a fresh folder (or `--data-dir`, kept and reused: the graph is imported only when the database
 * is empty), or on NEO4J_URI. Prints a markdown table.
 *
 *   npx tsx scripts/time-patterns.ts --relationships 100000 [--data-dir /tmp/bench-100k] [--pattern id]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDriver, waitForDatabase } from '../server/db/driver.js';
import { findFreePort, startEmbeddedNeo4j } from '../server/neo4j/embedded.js';
import { ConflictService } from '../server/services/conflicts/service.js';
import { importInterlockFile } from '../server/services/importer.js';
import { applySchema } from '../server/services/schema-migration.js';
import { generateGraph } from './generate-graph.js';

const options = new Command('time-patterns')
  .option('--relationships <n>', 'size of the generated graph', (v) => Number.parseInt(v, 10), 100_000)
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
  .option('--runs <n>', 'timed runs per pattern', (v) => Number.parseInt(v, 10), 5)
  .option('--data-dir <dir>', 'keep the embedded database here and reuse it')
  .option('--pattern <id>', 'time only this pattern')
  .parse()
  .opts<{ relationships: number; seed: number; runs: number; dataDir?: string; pattern?: string }>();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const keep = options.dataDir !== undefined;
const dataDir = process.env.NEO4J_URI ? undefined : (options.dataDir ?? (await mkdtemp(join(tmpdir(), 'interlock-bench-'))));
const embedded = dataDir ? await startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort() }) : undefined;
const driver = createDriver(
  embedded
    ? { uri: embedded.uri, ...embedded.credentials }
    : { uri: process.env.NEO4J_URI ?? '', user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' },
);
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
try {
  await waitForDatabase(driver, database);
  await applySchema(driver, database);
  const graph = generateGraph(options.relationships, options.seed);
  let started = performance.now();
  await importInterlockFile(driver, database, graph);
  console.log(
    `Imported ${graph.entities.length} entities and ${graph.relationships.length} relationships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const service = new ConflictService(driver, database);
  console.log(`\n| pattern | findings | median ms (${options.runs} runs) |\n|---|---:|---:|`);
  for (const pattern of service.list().filter((p) => !options.pattern || p.id === options.pattern)) {
    await service.findings({ pattern: pattern.id });
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < options.runs; i++) {
      started = performance.now();
      count = (await service.findings({ pattern: pattern.id })).findings.length;
      times.push(performance.now() - started);
    }
    console.log(`| ${pattern.id} | ${count} | ${median(times).toFixed(0)} |`);
  }
} finally {
  await driver.close();
  await embedded?.stop();
  if (dataDir && !keep) await rm(dataDir, { recursive: true, force: true });
}
