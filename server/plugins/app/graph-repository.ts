/** The graph repository as a decorator, built on the neo4j plugin's driver. */
import fp from 'fastify-plugin';
import { GraphRepository } from '../../services/graph-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    graph: GraphRepository;
  }
}

export default fp(
  async (app) => {
    app.decorate('graph', new GraphRepository(app.neo4j.driver, app.neo4j.database));
  },
  { name: 'graph-repository', dependencies: ['neo4j'] },
);
