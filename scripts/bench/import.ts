/**
 * Import throughput: our import path (validation, comparison with the database, batch writes with an
 * undo log, audit entry) against the raw `UNWIND $rows MERGE` loop, on the same generated graph, each
 * into a fresh empty database after a small warm-up import of other ids, with the same batch size. Relationships per second over the whole run
 * (entities included, since both write them), and the ratio ours/raw.
 */
import type { InterlockFile } from '../../schemas/index.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { BATCH } from '../../server/services/imports/graph-writes.js';
import { benchDatabase, type BenchDatabase, type BenchDatabaseOptions } from './neo4j.js';
import { rawImport } from './raw-import.js';
import { ratio } from './stats.js';
import { generateGraph } from '../generate-graph.js';

/** The same graph with other ids (`gen-` becomes `<tag>-`), so it can go into a database first. */
export function renamed(graph: InterlockFile, tag: string): InterlockFile {
  return JSON.parse(JSON.stringify(graph).replaceAll(':gen-', `:${tag}-`)) as InterlockFile;
}

export interface ImportMeasurement {
  relationships: number;
  entities: number;
  batchSize: number;
  oursSeconds: number;
  rawSeconds: number;
  oursPerSecond: number;
  rawPerSecond: number;
  /** ours/raw throughput: 1 = as fast as the hand-written loop. */
  ratio: number;
}

export async function benchImport(
  graph: InterlockFile,
  options: BenchDatabaseOptions & { batchSize?: number; keepOurs?: boolean; log: (m: string) => void },
): Promise<ImportMeasurement & { database?: BenchDatabase }> {
  const batchSize = options.batchSize ?? BATCH;
  const relationships = graph.relationships.length;
  const warmUp = renamed(generateGraph(Math.min(5_000, Math.max(100, Math.round(relationships / 20))), 7), 'warm');
  let kept: BenchDatabase | undefined;
  const time = async (what: string, work: (db: BenchDatabase, graph: InterlockFile) => Promise<unknown>, keep = false) => {
    const db = await benchDatabase(options);
    try {
      // A small graph of other ids first, through the same path: query plans compiled, JIT warm.
      await work(db, warmUp);
      const started = performance.now();
      await work(db, graph);
      const seconds = (performance.now() - started) / 1000;
      options.log(`  ${what}: ${relationships} relationships in ${seconds.toFixed(1)} s`);
      if (keep) kept = db;
      return seconds;
    } finally {
      if (!keep) await db.close();
    }
  };
  // Raw first, then ours: the JVM and the OS cache are equally cold for both (each is a fresh database).
  const rawSeconds = await time('raw driver', (db, file) => rawImport(db.driver, db.database, file, batchSize));
  const oursSeconds = await time(
    'ours',
    (db, file) => importInterlockFile(db.driver, db.database, file, { actor: 'bench', route: 'bench' }, { batchSize }),
    options.keepOurs,
  );
  return {
    relationships,
    entities: graph.entities.length,
    batchSize,
    oursSeconds,
    rawSeconds,
    oursPerSecond: relationships / oursSeconds,
    rawPerSecond: relationships / rawSeconds,
    ratio: ratio(rawSeconds, oursSeconds),
    ...(kept ? { database: kept } : {}),
  };
}
