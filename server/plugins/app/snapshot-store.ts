/** The snapshot store as a decorator, built on the neo4j plugin's driver. */
import fp from 'fastify-plugin';
import { SnapshotStore } from '../../services/snapshots/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    snapshots: SnapshotStore;
  }
}

export default fp(
  async (app) => {
    app.decorate('snapshots', new SnapshotStore(app.neo4j.driver, app.neo4j.database));
  },
  { name: 'snapshot-store', dependencies: ['neo4j'] },
);
