/**
 * The Neo4j driver as a decorator. The driver is created by the caller (main or a test) and handed in,
 * so the app never decides where the database is; `closeDriver` says whether closing the app closes it.
 * While the embedded Neo4j is being restarted after a crash (`state`), the API answers 503 at once,
 * the health check apart: the graph may still hold half of an import that the restart is undoing.
 */
import fp from 'fastify-plugin';
import type { Driver } from 'neo4j-driver';
import { guardDriver } from '../../db/guarded-driver.js';
import type { DatabaseState } from '../../neo4j/supervisor.js';

export interface Neo4jPluginOptions {
  driver: Driver;
  database: string;
  closeDriver?: boolean;
  /** Cap on every transaction the app runs (see db/query-timeout.ts); unset = Neo4j's own setting. */
  queryTimeoutMs?: number | undefined;
  /** Whether the database is up or being restarted (the embedded one); always up when not given. */
  state?: (() => DatabaseState) | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    neo4j: {
      driver: Driver;
      database: string;
      state: () => DatabaseState;
      /** The cap every transaction runs under unless it sets its own; undefined: Neo4j's own setting. */
      queryTimeoutMs: number | undefined;
    };
  }
}

const RESTARTING = {
  error: {
    code: 'database_restarting',
    message: 'The graph database stopped and is being started again; nothing was read or changed. Try again in a few seconds.',
  },
};

export default fp<Neo4jPluginOptions>(
  async (app, { driver, database, closeDriver = false, queryTimeoutMs, state = () => 'running' }) => {
    app.decorate('neo4j', { driver: guardDriver(driver, queryTimeoutMs), database, state, queryTimeoutMs });
    if (closeDriver) app.addHook('onClose', async () => driver.close());
    app.addHook('onRequest', async (request, reply) => {
      if (state() === 'running' || !request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
      return reply.status(503).header('retry-after', '5').send(RESTARTING);
    });
  },
  { name: 'neo4j' },
);
