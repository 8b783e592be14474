/**
 * GET /api/health: is the app up, and can it reach Neo4j? 503 when it cannot: `neo4j.state` says
 * `restarting` while the app brings its embedded Neo4j back after a crash, `unreachable` otherwise.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse, HealthUnavailable } from '../../schemas/index.js';

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      // Monitoring needs no token, and the answer says nothing about the data.
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Service and database health',
        response: { 200: HealthResponse, 503: HealthUnavailable },
      },
    },
    async (request, reply) => {
      const { driver, database, state } = app.neo4j;
      if (state() === 'restarting') {
        return reply.status(503).send({
          status: 'unavailable' as const,
          neo4j: { connected: false as const, state: 'restarting' as const },
          error: { code: 'database_restarting', message: 'The graph database stopped and is being started again.' },
        });
      }
      try {
        const info = await driver.getServerInfo({ database });
        const version = info.agent?.replace(/^Neo4j\//, '') ?? 'unknown';
        return { status: 'ok' as const, neo4j: { connected: true as const, version } };
      } catch (error) {
        request.log.warn({ err: error }, 'health check: Neo4j unreachable');
        return reply.status(503).send({
          status: 'unavailable' as const,
          neo4j: { connected: false as const, state: 'unreachable' as const },
          error: { code: 'database_unavailable', message: 'The graph database is not reachable right now.' },
        });
      }
    },
  );
};

export default health;
