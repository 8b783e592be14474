/** Creating the driver and waiting for the database, shared by the server, the CLI and the tests. */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
}

export function createDriver({ uri, user, password }: ConnectionSettings): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Numbers come back as JS numbers: our integers (counts, years) are far below 2^53.
    disableLosslessIntegers: true,
    // Fail fast while the database is away, so requests get a 503 instead of hanging.
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'interlock/0.1',
  });
}

/** Resolves once the database answers, retrying for up to `timeoutMs`; refused credentials fail at once. */
export async function waitForDatabase(driver: Driver, database: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (error) {
      if (isSecurityError(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** The database refused the credentials (wrong password, or too many wrong ones in a row). */
export function isSecurityError(error: unknown): boolean {
  return error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.');
}
