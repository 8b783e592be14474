/**
 * `npm run cli -- <command>`: the same services as the server, from a terminal. Talks to NEO4J_URI when
 * set, otherwise to the running app's embedded Neo4j, or starts the embedded one itself.
 */
import { Command } from 'commander';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { cypher } from './db/cypher-files.js';
import { importInterlockFile } from './services/importer.js';
import { applySchema } from './services/schema-migration.js';
import { loadSeed } from './services/seed.js';
import { readFile } from 'node:fs/promises';

const log = (message: string) => console.error(`[interlock] ${message}`);

async function withDatabase(work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(loadConfig(), { log, reuseRunningEmbedded: true });
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

const program = new Command('interlock').description('Interlock command line: schema, seed, import and statistics');

program
  .command('schema')
  .description('apply the schema in cypher/schema (idempotent)')
  .action(() => withDatabase(async (db) => log(`Schema applied (${await applySchema(db.driver, db.database)} statements).`)));

program
  .command('seed')
  .description('load the Colorado seed story (idempotent)')
  .action(() =>
    withDatabase(async (db) => {
      await applySchema(db.driver, db.database);
      const s = await loadSeed(db.driver, db.database);
      log(`Seed story loaded: ${s.entities} entities, ${s.relationships} relationships.`);
    }),
  );

program
  .command('import')
  .description('import a file in Interlock JSON format (all or nothing)')
  .argument('<file>', 'path to the JSON file')
  .action((file: string) =>
    withDatabase(async (db) => {
      const input: unknown = JSON.parse(await readFile(file, 'utf8'));
      const s = await importInterlockFile(db.driver, db.database, input);
      log(`Imported ${s.entities} entities and ${s.relationships} relationships from ${file}.`);
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

program.parseAsync().catch((error: unknown) => {
  const problems = (error as { problems?: { field: string; message: string }[] }).problems;
  console.error(`[interlock] ${error instanceof Error ? error.message : String(error)}`);
  for (const p of problems ?? []) console.error(`  ${p.field}: ${p.message}`);
  process.exit(1);
});
