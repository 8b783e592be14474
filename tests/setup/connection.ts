/** The database the integration tests share, provided by the global setup. */
import { inject } from 'vitest';
import { createDriver } from '../../server/db/driver.js';
import type { Driver } from 'neo4j-driver';

export interface Neo4jTestConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestConnection;
  }
}

export function testConnection(): Neo4jTestConnection {
  return inject('neo4j');
}

export function testDriver(): Driver {
  return createDriver(testConnection());
}
