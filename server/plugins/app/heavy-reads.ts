/** The admission of whole-graph questions (services/heavy-reads.ts) as a decorator, sized by the configuration. */
import fp from 'fastify-plugin';
import { HeavyReads } from '../../services/heavy-reads.js';

declare module 'fastify' {
  interface FastifyInstance {
    heavyReads: HeavyReads;
  }
}

export default fp(
  async (app) => {
    app.decorate('heavyReads', new HeavyReads(app.security.heavyReads));
  },
  { name: 'heavy-reads', dependencies: ['security'] },
);
