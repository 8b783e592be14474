/**
 * Global setup for tests that need Neo4j: uses NEO4J_URI when set, otherwise starts one embedded Neo4j
 * on a free port with a throwaway data folder (its password comes from that folder, through the same
 * module the app uses). Applies the schema, loads the seed story and plans the conflict patterns, then hands
 * the connection to the test files through `inject('neo4j')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import type { TestProject } from 'vitest/node';
import { createDriver, waitForDatabase } from '../../server/db/driver.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';
import { applySchema } from '../../server/services/schema-migration.js';
import { loadSeed } from '../../server/services/seed.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { FindingsService } from '../../server/services/findings/service.js';
import type { Neo4jTestConnection } from './connection.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let connection: Neo4jTestConnection;
  if (process.env.NEO4J_URI) {
    connection = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'interlock-test-neo4j-'));
    embedded = await startEmbeddedNeo4j({ dataDir, boltPort: await findFreePort() });
    connection = { uri: embedded.uri, ...embedded.credentials, database: 'neo4j' };
  }
  const driver = createDriver(connection);
  try {
    await waitForDatabase(driver, connection.database);
    await applySchema(driver, connection.database);
    await loadSeed(driver, connection.database);
    // As the app does when it starts (main.ts): bring the stored findings up to date, which runs (and so
    // plans) every pattern's whole-graph form once, one after another; test files start from current findings.
    await storedFindingsCurrent(driver, connection.database);
  } finally {
    await driver.close();
  }
  project.provide('neo4j', connection);
  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

async function storedFindingsCurrent(driver: Driver, database: string): Promise<void> {
  const conflicts = new ConflictService(driver, database);
  const maintainer = new FindingsMaintainer(driver, database, conflicts);
  const findings = new FindingsService(driver, database, conflicts, maintainer);
  try {
    const deadline = Date.now() + 600_000;
    while ((await findings.status()).status !== 'current') {
      if (Date.now() > deadline) throw new Error('the stored findings of the seed were not current after 600 s');
      await sleep(200);
    }
  } finally {
    await maintainer.stop();
  }
}
