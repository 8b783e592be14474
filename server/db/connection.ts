/**
 * Where the database is: NEO4J_URI when set; otherwise the embedded Neo4j in INTERLOCK_DATA_DIR. The
 * server always starts its own embedded one, and starts it again if its JVM dies (supervisor.ts); the CLI
 * first tries the one a running server started (the data folder can only be opened by one process) and
 * starts one itself only when none answers.
 */
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { existingEmbeddedCredentials } from '../neo4j/credentials.js';
import { startEmbeddedNeo4j, type StartEmbeddedNeo4jOptions } from '../neo4j/embedded.js';
import { superviseEmbeddedNeo4j, type DatabaseState, type SupervisedNeo4j } from '../neo4j/supervisor.js';
import { interruptWriting, recoverUnfinishedImports } from '../services/imports/recovery.js';
import { createDriver, waitForDatabase } from './driver.js';

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  /** The embedded Neo4j this process started and keeps running, if it started one. */
  embedded?: SupervisedNeo4j;
  /** `restarting` while the embedded Neo4j is being brought back after its JVM died. */
  state(): DatabaseState;
  /** Closes the driver and stops the embedded Neo4j if this process started it. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Config,
  options: { log: (message: string) => void; reuseRunningEmbedded?: boolean },
): Promise<Database> {
  const database = config.NEO4J_DATABASE;
  if (config.NEO4J_URI) {
    options.log(`Using Neo4j at ${config.NEO4J_URI} (NEO4J_URI is set; no embedded database started).`);
    return connect({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD }, database);
  }
  const dataDir = embeddedDataDir(config);
  const uri = `bolt://127.0.0.1:${config.NEO4J_EMBEDDED_BOLT_PORT}`;
  // A running app's Neo4j has made its password already; without one, nothing of ours can be running.
  const existing = options.reuseRunningEmbedded ? await existingEmbeddedCredentials(dataDir, options) : null;
  if (existing) {
    const probe = createDriver({ uri, ...existing });
    try {
      await probe.verifyConnectivity({ database });
      options.log(`Using the running Interlock database at ${uri}.`);
      return { driver: probe, database, uri, state: () => 'running', close: () => probe.close() };
    } catch {
      await probe.close();
    }
  }
  options.log(`Starting embedded Neo4j (data in ${dataDir}, Bolt on 127.0.0.1:${config.NEO4J_EMBEDDED_BOLT_PORT})...`);
  const settings: StartEmbeddedNeo4jOptions = {
    dataDir,
    boltPort: config.NEO4J_EMBEDDED_BOLT_PORT,
    heap: config.INTERLOCK_NEO4J_HEAP,
    pageCache: config.INTERLOCK_NEO4J_PAGECACHE,
    log: options.log,
  };
  const embedded = await startEmbeddedNeo4j(settings);
  options.log(`Embedded Neo4j ${embedded.version} is up at ${embedded.uri}.`);
  let connected: Database;
  try {
    connected = await connect({ ...embedded.credentials, uri: embedded.uri }, database);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const supervised = superviseEmbeddedNeo4j(embedded, () => startEmbeddedNeo4j(settings), {
    log: options.log,
    // Imports being written were cut off: none may write a batch into the restarted database.
    onStopped: interruptWriting,
    // The JVM is new: nothing can still be writing to it, so every unfinished import is settled now.
    afterRestart: async () => {
      await recoverUnfinishedImports(connected.driver, database, { log: options.log, staleAfterMs: 0 });
    },
  });
  return {
    ...connected,
    embedded: supervised,
    state: () => supervised.state,
    close: async () => {
      await connected.close();
      await supervised.stop();
    },
  };
}

/** Where the embedded Neo4j keeps its store, logs and password. */
export function embeddedDataDir(config: Pick<Config, 'INTERLOCK_DATA_DIR'>): string {
  return resolve(config.INTERLOCK_DATA_DIR, 'neo4j');
}

async function connect(settings: { uri: string; user: string; password: string }, database: string): Promise<Database> {
  const driver = createDriver(settings);
  try {
    await waitForDatabase(driver, database);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return { driver, database, uri: settings.uri, state: () => 'running', close: () => driver.close() };
}
