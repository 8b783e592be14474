/** OpenAPI generated from the routes' zod schemas, served as JSON and as a docs page at /docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The request body as the OpenAPI document should describe it, for routes that take raw bytes
     * (a file upload in several content types) and so declare no body schema to validate.
     */
    openapiBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  }
}

export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Interlock API',
          description: 'Conflict-of-interest relationship graph: who sits where and who pays whom, every fact cited.',
          version: '0.1.0',
        },
      },
      transform: (input) => {
        const output = jsonSchemaTransform(input);
        const body = (input.route.config as { openapiBody?: unknown } | undefined)?.openapiBody;
        return body ? { ...output, schema: { ...output.schema, body } } : output;
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'openapi' },
);
