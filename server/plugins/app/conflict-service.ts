/**
 * The conflict service (patterns, read from cypher/patterns once, at start) and the stored findings
 * (services/findings/) as decorators. The findings maintainer updates the stored findings after every
 * write this process makes (a successful POST, PUT, PATCH or DELETE under /api), once anyone has asked
 * for findings; it stops with the app.
 */
import fp from 'fastify-plugin';
import { ConflictService } from '../../services/conflicts/service.js';
import { FindingsMaintainer, type Log } from '../../services/findings/maintainer.js';
import { FindingsService } from '../../services/findings/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    conflicts: ConflictService;
    findings: FindingsService;
  }
}

export default fp(
  async (app) => {
    const { driver, database, queryTimeoutMs } = app.neo4j;
    const conflicts = new ConflictService(driver, database);
    const log: Log = (message, error) => (error ? app.log.warn({ err: error }, message) : app.log.info(message));
    const maintainer = new FindingsMaintainer(driver, database, conflicts, log);
    app.decorate('conflicts', conflicts);
    app.decorate('findings', new FindingsService(driver, database, conflicts, maintainer, log, queryTimeoutMs));
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300 && request.url.startsWith('/api/'))
        maintainer.noteWrite();
    });
    app.addHook('onClose', async () => maintainer.stop());
  },
  { name: 'conflict-service', dependencies: ['neo4j'] },
);
