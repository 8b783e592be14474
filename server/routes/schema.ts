/** GET /api/schema/import.json: the JSON Schema of our import format, for editors and validators. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { interlockFileJsonSchema } from '../../schemas/index.js';

const schema: FastifyPluginAsyncZod = async (app) => {
  const document = interlockFileJsonSchema();
  app.get(
    '/schema/import.json',
    { schema: { tags: ['system'], summary: 'JSON Schema of the Interlock import format' } },
    async (_request, reply) => reply.type('application/schema+json').send(document),
  );
};

export default schema;
