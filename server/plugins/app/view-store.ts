/** The short-link store as a decorator, built on the neo4j plugin's driver. */
import fp from 'fastify-plugin';
import { ViewStore } from '../../services/views/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    views: ViewStore;
  }
}

export default fp(
  async (app) => {
    app.decorate('views', new ViewStore(app.neo4j.driver, app.neo4j.database));
  },
  { name: 'view-store', dependencies: ['neo4j'] },
);
