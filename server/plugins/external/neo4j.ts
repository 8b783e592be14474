/**
 * The Neo4j driver as a decorator. The driver is created by the caller (main or a test) and handed in,
 * so the app never decides where the database is; `closeDriver` says whether closing the app closes it.
 */
import fp from 'fastify-plugin';
import type { Driver } from 'neo4j-driver';

export interface Neo4jPluginOptions {
  driver: Driver;
  database: string;
  closeDriver?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    neo4j: { driver: Driver; database: string };
  }
}

export default fp<Neo4jPluginOptions>(
  async (app, { driver, database, closeDriver = false }) => {
    app.decorate('neo4j', { driver, database });
    if (closeDriver) app.addHook('onClose', async () => driver.close());
  },
  { name: 'neo4j' },
);
