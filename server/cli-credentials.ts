/**
 * `npm run cli -- neo4j-credentials`: where the database is and how to sign in to it, for a person who
 * wants to open it in Neo4j Browser, Bloom or cypher-shell. The embedded Neo4j's password is read from
 * its data folder (server/neo4j/credentials.ts); nothing is started.
 */
import type { Command } from 'commander';
import { loadConfig } from './config.js';
import { embeddedDataDir } from './db/connection.js';
import { existingEmbeddedCredentials, passwordFileOf } from './neo4j/credentials.js';

export function addCredentialsCommand(program: Command, log: (message: string) => void): void {
  program
    .command('neo4j-credentials')
    .description("print the database's URI, user and password, to open it in Neo4j Browser, Bloom or cypher-shell")
    .option('--json', 'print {uri, user, password, database} as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const database = config.NEO4J_DATABASE;
      if (config.NEO4J_URI) {
        // Someone else's Neo4j: its password is theirs (NEO4J_PASSWORD), not ours to repeat.
        const found = { uri: config.NEO4J_URI, user: config.NEO4J_USER, database };
        if (options.json) console.log(JSON.stringify(found, null, 2));
        else
          console.log(
            `URI:      ${found.uri}\nUser:     ${found.user}\nPassword: the one in NEO4J_PASSWORD\nDatabase: ${database}`,
          );
        return;
      }
      const dataDir = embeddedDataDir(config);
      const credentials = await existingEmbeddedCredentials(dataDir, { log });
      if (!credentials) throw new Error(`No embedded database has been started in ${dataDir} yet: run \`npm start\` once.`);
      const uri = `bolt://127.0.0.1:${config.NEO4J_EMBEDDED_BOLT_PORT}`;
      if (options.json) {
        console.log(JSON.stringify({ uri, ...credentials, database }, null, 2));
        return;
      }
      console.log(`URI:      ${uri}\nUser:     ${credentials.user}\nPassword: ${credentials.password}\nDatabase: ${database}`);
      log(`The password is kept in ${passwordFileOf(dataDir)} (readable by you only). The database answers while`);
      log('`npm start` runs, on 127.0.0.1 only. In Neo4j Browser or Bloom: Connect URL as above, "Username / Password".');
      log(`cypher-shell: NEO4J_PASSWORD=… cypher-shell -a ${uri} -u ${credentials.user} -d ${database}`);
    });
}
