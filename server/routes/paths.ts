/** GET /api/paths: shortest paths between two entities, either direction; empty when there are none. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, PathsQuery, PathsResponse } from '../../schemas/index.js';

const paths: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/paths',
    {
      schema: {
        tags: ['graph'],
        summary: 'Shortest paths between two entities (provenance links are left out unless `types` names them)',
        querystring: PathsQuery,
        response: { 200: PathsResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      if (from === to) {
        return reply
          .status(400)
          .send({ error: { code: 'invalid_parameter', message: 'to: must differ from `from`', field: 'to' } });
      }
      return app.graph.paths(request.query);
    },
  );
};

export default paths;
