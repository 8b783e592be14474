/**
 * `npm run cli -- import --bulk <file> [more files]`: a first load into an empty database with Neo4j's
 * offline importer (services/imports/bulk, ADR 0033). The importer writes the store files itself, so no
 * Neo4j may have the data folder open: an app running on it is a refusal, not something to go through.
 */
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import type { ImportFormat } from '../schemas/index.js';
import { findRunningApp } from './app-lock.js';
import { formatFromFileName, progressBar, reportImport } from './cli-import.js';
import type { Config } from './config.js';
import { embeddedDataDir } from './db/connection.js';
import { startEmbeddedNeo4j } from './neo4j/embedded.js';
import { bulkLoad, DatabaseNotEmptyError } from './services/imports/bulk/bulk-load.js';
import { fileFromPath } from './services/imports/import-file.js';

/** Exit codes of a refused bulk load (1 stays "the import failed", e.g. problems in the file). */
export const BULK_EXIT = { appRunning: 3, notEmpty: 4, notEmbedded: 5 } as const;

class Refusal extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export async function bulkCommand(
  config: Config,
  files: string[],
  options: { format?: ImportFormat | undefined; dryRun?: boolean | undefined; locale?: string | undefined },
  log: (message: string) => void,
): Promise<void> {
  if (config.NEO4J_URI)
    throw new Refusal(
      `A bulk load writes the embedded database's files, and NEO4J_URI (${config.NEO4J_URI}) names another Neo4j. ` +
        'Unset NEO4J_URI to load into the embedded database, or import without --bulk. Nothing was imported.',
      BULK_EXIT.notEmbedded,
    );
  if (options.dryRun) throw new Error('--bulk and --dry-run do not go together: run --dry-run without --bulk to check a file.');
  const running = await findRunningApp(config.INTERLOCK_DATA_DIR);
  if (running.state !== 'none')
    throw new Refusal(
      `An Interlock app (pid ${running.lock.pid}, started ${running.lock.startedAt}) has the data folder ` +
        `${resolve(config.INTERLOCK_DATA_DIR)} open; a bulk load needs it closed. Stop the app (Ctrl-C in its terminal, ` +
        `or kill ${running.lock.pid}) and run this again, or import without --bulk through the app. Nothing was imported.`,
      BULK_EXIT.appRunning,
    );
  const dataDir = embeddedDataDir(config);
  const bar = progressBar();
  const started = performance.now();
  try {
    const { result, phases } = await bulkLoad({
      dataDir,
      files: await Promise.all(files.map((f) => fileFromPath(f, basename(f)))),
      format: options.format,
      typedAs: (file) => formatFromFileName(file.fileName),
      locale: options.locale,
      actor: `cli:${userInfo().username}`,
      route: 'cli import --bulk',
      maxUnpackedBytes: Math.round(config.INTERLOCK_IMPORT_MAX_MB * 1024 * 1024),
      startDatabase: () =>
        startEmbeddedNeo4j({
          dataDir,
          boltPort: config.NEO4J_EMBEDDED_BOLT_PORT,
          heap: config.INTERLOCK_NEO4J_HEAP,
          pageCache: config.INTERLOCK_NEO4J_PAGECACHE,
          log: () => undefined,
        }),
      onProgress: bar.update,
      log,
    });
    bar.stop();
    log(
      `Bulk load: empty database checked in ${phases.check.toFixed(1)} s, files read and checked ${phases.read.toFixed(1)} s, ` +
        `Neo4j's importer ${phases.importer.toFixed(1)} s, database started ${phases.start.toFixed(1)} s, constraints and ` +
        `indexes ${phases.schema.toFixed(1)} s, audit entry ${phases.audit.toFixed(1)} s, database stopped ${phases.stop.toFixed(1)} s.`,
    );
    reportImport(result, (performance.now() - started) / 1000, log);
  } catch (error) {
    bar.stop();
    if (error instanceof DatabaseNotEmptyError) throw new Refusal(error.message, BULK_EXIT.notEmpty);
    throw error;
  }
}
