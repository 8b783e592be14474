/**
 * The Neo4j driver as a decorator. The driver is created by the caller (main or a test) and handed in,
 * so the app never decides where the database is; `closeDriver` says whether closing the app closes it.
 */
import fp from 'fastify-plugin';
import type { Driver } from 'neo4j-driver';
import { guardDriver } from '../../db/guarded-driver.js';

export interface Neo4jPluginOptions {
  driver: Driver;
  database: string;
  closeDriver?: boolean;
  /** Cap on every transaction the app runs (see db/query-timeout.ts); unset = Neo4j's own setting. */
  queryTimeoutMs?: number | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    neo4j: { driver: Driver; database: string };
  }
}

export default fp<Neo4jPluginOptions>(
  async (app, { driver, database, closeDriver = false, queryTimeoutMs }) => {
    app.decorate('neo4j', { driver: guardDriver(driver, queryTimeoutMs), database });
    if (closeDriver) app.addHook('onClose', async () => driver.close());
  },
  { name: 'neo4j' },
);
