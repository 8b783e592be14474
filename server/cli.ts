/**
 * `npm run cli -- <command>`: the same services as the server, from a terminal. Talks to NEO4J_URI when
 * set, otherwise to the running app's embedded Neo4j, or starts the embedded one itself.
 */
import { Command } from 'commander';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { cypher } from './db/cypher-files.js';
import { writeTransaction } from './db/transactions.js';
import { requestFullRecomputation } from './services/findings/store.js';
import { runImport } from './services/imports/import-service.js';
import { recoverUnfinishedImports, STALE_AFTER_MS } from './services/imports/recovery.js';
import { applySchema } from './services/schema-migration.js';
import { describeSeed, loadSeed } from './services/seed.js';
import { basename, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { ImportFormat, type ImportResult } from '../schemas/index.js';
import { formatFromFileName, importThroughApp, progressBar, reportImport } from './cli-import.js';
import { findRunningApp } from './app-lock.js';
import { fileFromPath } from './services/imports/import-file.js';
import { exportCommand } from './cli-export.js';
import { addCredentialsCommand } from './cli-credentials.js';
import { addTokenCommands } from './cli-tokens.js';
import { bulkCommand } from './cli-bulk.js';

const log = (message: string) => console.error(`[interlock] ${message}`);

async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(loadConfig(), { log, reuseRunningEmbedded: true });
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

const program = new Command('interlock').description(
  'Interlock command line: schema, seed, import, export, statistics, API tokens and database credentials',
);

program
  .command('schema')
  .description('apply the schema in cypher/schema (idempotent)')
  .action(() => withDatabase(async (db) => log(`Schema applied (${await applySchema(db.driver, db.database)} statements).`)));

program
  .command('seed')
  .description('add the Colorado seed story facts that are missing (never changes what people edited or removed)')
  .action(() =>
    withDatabase(async (db) => {
      await applySchema(db.driver, db.database);
      log(describeSeed(await loadSeed(db.driver, db.database)));
    }),
  );

program
  .command('import')
  .description(
    'import a file: Interlock JSON, a zip of entities.csv and relationships.csv, FollowTheMoney JSON lines, LittleSis JSON, OCDS JSON or a USAspending award CSV (gzip too; the format is read from the content)',
  )
  .argument('<files...>', 'path to the file (with --bulk, one or more files)')
  .option('--format <format>', 'json, csv, ftm, littlesis, ocds or usaspending (default: read from the content)')
  .option('--dry-run', 'report what would be created, updated and merged without writing')
  .option('--locale <locale>', 'how the file writes numbers, e.g. de (1.234,5) or en (1,234.5)')
  .option('--direct', 'write to the database over Bolt (NEO4J_URI or the embedded one) even when an app runs on this data folder')
  .option('--bulk', "load into an EMPTY database with Neo4j's offline importer (much faster; the app must be stopped)")
  .action(
    async (
      files: string[],
      options: { format?: string; dryRun?: boolean; locale?: string; direct?: boolean; bulk?: boolean },
    ) => {
      const config = loadConfig();
      const format = options.format === undefined ? undefined : ImportFormat.parse(options.format);
      if (options.bulk) return bulkCommand(config, files, { ...options, format }, log);
      if (files.length !== 1) throw new Error('Import one file at a time (several files go together only with --bulk).');
      const file = files[0]!;
      // An app already running on this data folder holds the database: import through it (app-lock.ts).
      const running = options.direct ? { state: 'none' as const } : await findRunningApp(config.INTERLOCK_DATA_DIR);
      if (running.state === 'silent')
        throw new Error(
          `An Interlock app (pid ${running.lock.pid}, started ${running.lock.startedAt}) holds the data folder ${resolve(config.INTERLOCK_DATA_DIR)}, ` +
            `but ${running.reason}. Wait until it prints "Ready" and run this again, or stop it (Ctrl-C in its terminal, or kill ${running.lock.pid}) ` +
            'and run this again to import without it. Nothing was imported.',
        );
      const bar = progressBar();
      const started = performance.now();
      if (running.state === 'running') {
        log(`Importing through the running app at ${running.lock.url} (pid ${running.lock.pid}).`);
        let result: ImportResult;
        try {
          result = await importThroughApp(running.lock, file, {
            format,
            dryRun: options.dryRun ?? false,
            locale: options.locale,
            onProgress: bar.update,
          });
        } finally {
          bar.stop();
        }
        reportImport(result, (performance.now() - started) / 1000, log);
        return;
      }
      await withDatabase(async (db) => {
        // A fresh database needs the constraints and indexes before the first import, or every lookup by
        // id scans all nodes (idempotent and quick when they exist).
        await applySchema(db.driver, db.database);
        let result: ImportResult;
        try {
          result = await runImport(db.driver, db.database, await fileFromPath(file, basename(file)), {
            format,
            typedAs: formatFromFileName(file),
            dryRun: options.dryRun ?? false,
            locale: options.locale,
            actor: `cli:${userInfo().username}`,
            route: 'cli import',
            onProgress: bar.update,
            maxUnpackedBytes: Math.round(config.INTERLOCK_IMPORT_MAX_MB * 1024 * 1024),
          });
        } finally {
          bar.stop();
        }
        reportImport(result, (performance.now() - started) / 1000, log);
      });
    },
  );

program
  .command('export')
  .description('export a snapshot: png, svg, html, graphml, gexf, cyjs, json, csv, ftm or cypher')
  .argument('<snapshotId>', 'the snapshot id (pub-… or draft-…)')
  .requiredOption('--format <format>', 'png, svg, html, graphml, gexf, cyjs, json, csv, ftm or cypher')
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--size <size>', 'pictures: map (default), social, square, a4 or screen (with --width and --height)')
  .option('--width <pixels>', 'pictures with --size screen: width')
  .option('--height <pixels>', 'pictures with --size screen: height')
  .option('--lang <language>', 'pictures: en (default), es or ar')
  .action(
    (id: string, options: { format: string; out?: string; size?: string; lang?: string; width?: string; height?: string }) =>
      withDatabase((db) => exportCommand(db, id, options, log)),
  );

program
  .command('import-rollback')
  .description(
    'settle imports that stopped half-way (their process or the database died): undo them, or complete one whose every batch was written (the app does this by itself at start)',
  )
  .option('--force', `also imports that wrote a batch in the last ${STALE_AFTER_MS / 60_000} minutes (they may still be running)`)
  .action((options: { force?: boolean }) =>
    withDatabase(async (db) => {
      // A database this command started itself is fresh: nothing can still be writing to it.
      const staleAfterMs = options.force || db.embedded ? 0 : STALE_AFTER_MS;
      const settled = await recoverUnfinishedImports(db.driver, db.database, { log, staleAfterMs });
      if (settled.length === 0) log('No unfinished import.');
    }),
  );

program
  .command('stats')
  .description('count entities by kind and relationships by type')
  .option('--json', 'print JSON instead of a table')
  .action((options: { json?: boolean }) =>
    withDatabase(async (db) => {
      const { records } = await db.driver.executeQuery(cypher('queries/stats'), {}, { database: db.database, routing: 'READ' });
      const rows = records.map((r) => ({
        what: r.get('what') as string,
        name: r.get('name') as string,
        count: r.get('count') as number,
      }));
      if (options.json) console.log(JSON.stringify(rows, null, 2));
      else console.table(rows);
    }),
  );

program
  .command('recompute-findings')
  .description(
    'run every conflict pattern over the whole graph again, in the background of the running app (after changes made in Neo4j Browser that only changed properties)',
  )
  .action(() =>
    withDatabase(async (db) => {
      const requested = await writeTransaction(db.driver, db.database, (tx) =>
        requestFullRecomputation(tx, new Date().toISOString()),
      );
      log(
        requested
          ? 'Asked for a full recomputation of the stored findings: a running app takes it up within ten seconds, or the next one to start (progress in /api/conflicts/status).'
          : 'No findings are stored yet: their first computation covers the graph as it is.',
      );
    }),
  );

addTokenCommands(program, withDatabase, log);
addCredentialsCommand(program, log);

program.parseAsync().catch((error: unknown) => {
  const problems = (error as { problems?: { file?: string; line?: number; field: string; message: string }[] }).problems;
  console.error(`[interlock] ${error instanceof Error ? error.message : String(error)}`);
  for (const p of problems ?? [])
    console.error(`  ${p.file ? `${p.file} ` : ''}${p.line ? `line ${p.line}, ` : ''}${p.field}: ${p.message}`);
  // Refusals that ask for something to be done first have codes of their own (cli-bulk.ts).
  process.exit((error as { exitCode?: number }).exitCode ?? 1);
});
