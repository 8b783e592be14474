/**
 * A throwaway embedded Neo4j for one benchmark (fresh data folder, free port, schema applied), or the
 * Neo4j of NEO4J_URI when set (then nothing is cleaned: the caller chose that database).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { InterlockFile } from '../../schemas/index.js';
import { createDriver, waitForDatabase } from '../../server/db/driver.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { applySchema } from '../../server/services/schema-migration.js';

export interface BenchDatabase {
  driver: Driver;
  database: string;
  uri: string;
  /** How to sign in to it (an app started against it needs them too). */
  credentials: { user: string; password: string };
  embedded?: EmbeddedNeo4j;
  close(): Promise<void>;
}

export interface BenchDatabaseOptions {
  heap?: string;
  pageCache?: string;
  /** Keep the data folder (e.g. to reuse an imported graph); default: removed on close. */
  dataDir?: string;
}

/** The embedded Neo4j of a benchmark on `dataDir`, quiet, with the benchmark's memory settings. */
export async function startBenchNeo4j(
  dataDir: string,
  options: Pick<BenchDatabaseOptions, 'heap' | 'pageCache'>,
): Promise<EmbeddedNeo4j> {
  return startEmbeddedNeo4j({
    dataDir,
    boltPort: await findFreePort(),
    ...(options.heap ? { heap: options.heap } : {}),
    ...(options.pageCache ? { pageCache: options.pageCache } : {}),
    log: () => undefined,
    // A shared, loaded machine can take minutes to start a JVM; the benchmark waits rather than fails.
    startTimeoutMs: 600_000,
  });
}

export async function benchDatabase(options: BenchDatabaseOptions = {}): Promise<BenchDatabase> {
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  if (process.env.NEO4J_URI) {
    const settings = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
    };
    const driver = createDriver(settings);
    await waitForDatabase(driver, database);
    await applySchema(driver, database);
    return { driver, database, uri: settings.uri, credentials: settings, close: () => driver.close() };
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'interlock-bench-')));
  const embedded = await startBenchNeo4j(dataDir, options);
  const driver = createDriver({ uri: embedded.uri, ...embedded.credentials });
  await waitForDatabase(driver, database);
  await applySchema(driver, database);
  return {
    driver,
    database,
    uri: embedded.uri,
    credentials: embedded.credentials,
    embedded,
    close: async () => {
      await driver.close();
      await embedded.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Imports `graph()` unless the database already holds relationships: a data folder kept from an earlier
 * run (`--data-dir`) is reused as it is, once a sample of the graph's relationships is found in it (a
 * folder made with another `--relationships` or `--seed` would be measured with the wrong entities: the
 * edit trials would pick people who sit on no board there). Says whether it imported.
 */
export async function importUnlessLoaded(db: BenchDatabase, graph: () => InterlockFile): Promise<boolean> {
  const { records } = await db.driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n', {}, { database: db.database });
  if (Number(records[0]?.get('n')) === 0) {
    await importInterlockFile(db.driver, db.database, graph(), { actor: 'bench', route: 'bench' });
    return true;
  }
  const { relationships } = graph();
  const sample = Array.from({ length: 50 }, (_, i) => relationships[Math.floor((i * relationships.length) / 50)]!);
  const found = await db.driver.executeQuery(
    `UNWIND $sample AS wanted
     OPTIONAL MATCH (:Entity {id: wanted.source})-[r]->()
     WHERE r.id = wanted.id
     WITH wanted, count(r) AS held
     WHERE held = 0
     RETURN collect(wanted.id) AS missing`,
    { sample: sample.map(({ id, source }) => ({ id, source })) },
    { database: db.database },
  );
  const missing = (found.records[0]?.get('missing') as string[] | undefined) ?? [];
  if (missing.length > 0)
    throw new Error(
      `The graph kept in this data folder is not the generated graph asked for (${missing.length} of ${sample.length} sampled relationships missing, e.g. ${missing[0]}): pass the --relationships and --seed it was made with, or another --data-dir.`,
    );
  return false;
}
