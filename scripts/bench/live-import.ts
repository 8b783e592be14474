/**
 * Import into a live graph (issue 15: "import into a live 1M graph, 100k more relationships"): the
 * benchmark graph is bulk-loaded once and its store copied, then our import and the raw
 * `UNWIND $rows MERGE` loop each add the same further relationships to one of the two copies, after the
 * same small warm-up import, and then as many more again into the same running database: the first
 * import after a start pays for cold caches and code not yet compiled, the next one does not. Unlike
 * the import part, every write lands in large indexes and stores.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InterlockFile } from '../../schemas/index.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { bulkLoad } from '../../server/services/imports/bulk/bulk-load.js';
import { BATCH } from '../../server/services/imports/graph-writes.js';
import { fileFromPath } from '../../server/services/imports/import-file.js';
import { generateGraph } from '../generate-graph.js';
import { renamed, type ImportMeasurement } from './import.js';
import { benchDatabase, startBenchNeo4j, type BenchDatabase, type BenchDatabaseOptions } from './neo4j.js';
import { rawImport } from './raw-import.js';
import { ratio } from './stats.js';

/**
 * As the import part's measurement, with `relationships` and `entities` those the import adds: the first
 * import after the database started. `again`: as many more, imported next into the same running database
 * (its caches warm, as in an app that has been serving for a while).
 */
export interface LiveImportMeasurement extends ImportMeasurement {
  /** Relationships already in the graph. */
  baseRelationships: number;
  again: Pick<ImportMeasurement, 'oursSeconds' | 'rawSeconds' | 'oursPerSecond' | 'rawPerSecond' | 'ratio'>;
}

export async function benchLiveImport(
  base: InterlockFile,
  added: number,
  options: BenchDatabaseOptions & { batchSize?: number; log: (m: string) => void },
): Promise<LiveImportMeasurement> {
  const batchSize = options.batchSize ?? BATCH;
  // Other ids than the base graph's, so every row is new to the database.
  const graph = renamed(generateGraph(added, 11), 'live');
  const graphAgain = renamed(generateGraph(added, 13), 'again');
  const warmUp = renamed(generateGraph(Math.min(5_000, Math.max(100, Math.round(added / 20))), 7), 'warm');
  const root = await mkdtemp(join(tmpdir(), 'interlock-bench-live-'));
  try {
    const input = join(root, 'base.json');
    await writeFile(input, JSON.stringify(base));
    const ours = join(root, 'ours');
    let started = performance.now();
    await bulkLoad({
      dataDir: ours,
      files: [await fileFromPath(input, 'base.json')],
      format: 'json',
      actor: 'bench',
      route: 'bench',
      maxUnpackedBytes: 4096 * 1024 * 1024,
      startDatabase: () => startBenchNeo4j(ours, options),
    });
    options.log(
      `  base graph of ${base.relationships.length} relationships bulk-loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await rm(input);
    const raw = join(root, 'raw');
    await cp(ours, raw, { recursive: true });

    const time = async (what: string, dataDir: string, work: (db: BenchDatabase, file: InterlockFile) => Promise<unknown>) => {
      const db = await benchDatabase({ ...options, dataDir });
      try {
        await work(db, warmUp);
        const seconds: number[] = [];
        for (const [file, when] of [
          [graph, 'first after the start'],
          [graphAgain, 'next, same database'],
        ] as const) {
          started = performance.now();
          await work(db, file);
          seconds.push((performance.now() - started) / 1000);
          options.log(`  ${what}, ${when}: ${added} relationships into the live graph in ${seconds.at(-1)!.toFixed(1)} s`);
        }
        return seconds as [number, number];
      } finally {
        await db.close();
      }
    };
    const rawSeconds = await time('raw driver', raw, (db, file) => rawImport(db.driver, db.database, file, batchSize));
    const oursSeconds = await time('ours', ours, (db, file) =>
      importInterlockFile(db.driver, db.database, file, { actor: 'bench', route: 'bench' }, { batchSize }),
    );
    const figures = (i: 0 | 1) => ({
      oursSeconds: oursSeconds[i],
      rawSeconds: rawSeconds[i],
      oursPerSecond: added / oursSeconds[i],
      rawPerSecond: added / rawSeconds[i],
      ratio: ratio(rawSeconds[i], oursSeconds[i]),
    });
    return {
      baseRelationships: base.relationships.length,
      relationships: added,
      entities: graph.entities.length,
      batchSize,
      ...figures(0),
      again: figures(1),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
