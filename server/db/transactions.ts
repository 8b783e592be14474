/**
 * Transaction functions, the one way services talk to Neo4j: the database always named, reads sent as
 * reads (to a read replica behind a routing URI), and every session sharing the driver's bookmark
 * manager so a read is causally after the writes this process made (docs/scaling.md). The driver
 * retries the whole function on a transient error, so `work` must only run queries.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';

type Work<T> = (tx: ManagedTransaction) => Promise<T>;

/** A session of this process: named database, shared bookmarks. */
export function openSession(driver: Driver, database: string, mode: 'READ' | 'WRITE'): Session {
  return driver.session({ database, defaultAccessMode: mode, bookmarkManager: driver.executeQueryBookmarkManager });
}

export async function readTransaction<T>(driver: Driver, database: string, work: Work<T>): Promise<T> {
  const session = openSession(driver, database, 'READ');
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

export async function writeTransaction<T>(driver: Driver, database: string, work: Work<T>): Promise<T> {
  const session = openSession(driver, database, 'WRITE');
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}
