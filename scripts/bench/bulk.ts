/**
 * Bulk load into an empty database (`import --bulk`, ADR 0033) against two baselines on the same generated
 * graph: Neo4j's offline importer alone on CSV of that graph (what the bulk load adds reading, checking,
 * the schema and the audit entry to), and the hand-written `UNWIND $rows MERGE` loop of the import part.
 * Each into a fresh data folder. Relationships per second over the whole run, the ratio to the importer
 * alone, and the time of each phase of ours.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { InterlockFile } from '../../schemas/index.js';
import { runOfflineImport } from '../../server/neo4j/offline-importer.js';
import type { BulkLoadPhases } from '../../server/services/imports/bulk/bulk-load.js';
import { ARRAY_DELIMITER_OPTION, BulkCsvFiles, nodeRow, relationshipRow } from '../../server/services/imports/bulk/csv-rows.js';
import { BATCH } from '../../server/services/imports/graph-writes.js';
import { benchDatabase, type BenchDatabaseOptions } from './neo4j.js';
import { rawImport } from './raw-import.js';
import { ratio } from './stats.js';

export interface BulkMeasurement {
  relationships: number;
  entities: number;
  /** `import --bulk` from the JSON file to the recorded audit entry (database stopped). */
  oursSeconds: number;
  /** Neo4j's importer alone on CSV of the same graph (written beforehand, not timed). */
  importerSeconds: number;
  /** The `UNWIND $rows MERGE` loop on raw neo4j-driver into a fresh database (schema applied, not timed). */
  rawSeconds: number | null;
  oursPerSecond: number;
  importerPerSecond: number;
  rawPerSecond: number | null;
  /** ours/importer-alone throughput: the target is ≥ 0.5. */
  ratioToImporter: number;
  phases: BulkLoadPhases;
  /** Seconds per step of the finishing phase: indexes created, constraints built, the wait for the indexes. */
  schema: Record<string, number>;
}

export async function benchBulk(
  graph: InterlockFile,
  options: BenchDatabaseOptions & { raw?: boolean; log: (m: string) => void },
): Promise<BulkMeasurement> {
  const relationships = graph.relationships.length;
  const root = await mkdtemp(join(tmpdir(), 'interlock-bench-bulk-'));
  try {
    const input = join(root, 'graph.json');
    await writeFile(input, JSON.stringify(graph));

    // The importer alone: CSV of the same rows as ours writes, then only the importer is timed.
    const alone = join(root, 'alone');
    const csvFolder = await mkdtemp(join(root, 'csv-'));
    const files = new BulkCsvFiles(csvFolder);
    for (const e of graph.entities) await files.addNode(nodeRow(e));
    for (const r of graph.relationships) await files.addRelationship(relationshipRow(r));
    const csv = await files.close();
    let started = performance.now();
    await runOfflineImport(
      { ...csv, arrayDelimiter: ARRAY_DELIMITER_OPTION },
      { dataDir: alone, reportFile: join(csvFolder, 'import.report') },
    );
    const importerSeconds = (performance.now() - started) / 1000;
    options.log(`  Neo4j's importer alone: ${relationships} relationships in ${importerSeconds.toFixed(1)} s`);
    await rm(alone, { recursive: true, force: true });

    // Ours, from the file to the audit entry, in a process of its own as the CLI runs it (bulk-process.ts).
    const dataDir = join(root, 'ours');
    started = performance.now();
    const { phases, schema } = await bulkLoadProcess(input, dataDir, options);
    const oursSeconds = (performance.now() - started) / 1000;
    options.log(
      `  ours (import --bulk): ${relationships} relationships in ${oursSeconds.toFixed(1)} s (` +
        Object.entries(phases)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(', ') +
        ')',
    );
    options.log(
      `    schema: ${Object.entries(schema)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );
    await rm(dataDir, { recursive: true, force: true });

    let rawSeconds: number | null = null;
    if (options.raw !== false) {
      const db = await benchDatabase(options);
      try {
        started = performance.now();
        await rawImport(db.driver, db.database, graph, BATCH);
        rawSeconds = (performance.now() - started) / 1000;
        options.log(`  raw UNWIND loop: ${relationships} relationships in ${rawSeconds.toFixed(1)} s`);
      } finally {
        await db.close();
      }
    }
    return {
      relationships,
      entities: graph.entities.length,
      oursSeconds,
      importerSeconds,
      rawSeconds,
      oursPerSecond: relationships / oursSeconds,
      importerPerSecond: relationships / importerSeconds,
      rawPerSecond: rawSeconds === null ? null : relationships / rawSeconds,
      ratioToImporter: ratio(importerSeconds, oursSeconds),
      phases,
      schema,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Runs bulk-process.ts in a child process and reads the phases it prints. */
async function bulkLoadProcess(
  input: string,
  dataDir: string,
  options: BenchDatabaseOptions,
): Promise<{ phases: BulkLoadPhases; schema: Record<string, number> }> {
  const script = fileURLToPath(new URL('./bulk-process.ts', import.meta.url));
  const args = ['--import', 'tsx', script, input, dataDir, options.heap ?? '', options.pageCache ?? ''];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as { phases: BulkLoadPhases; schema: Record<string, number> };
}
