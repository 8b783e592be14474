/** The conflict service as a decorator; patterns are read from cypher/patterns once, at start. */
import fp from 'fastify-plugin';
import { ConflictService } from '../../services/conflicts/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    conflicts: ConflictService;
  }
}

export default fp(
  async (app) => {
    app.decorate('conflicts', new ConflictService(app.neo4j.driver, app.neo4j.database));
  },
  { name: 'conflict-service', dependencies: ['neo4j'] },
);
