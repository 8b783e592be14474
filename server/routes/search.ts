/** GET /api/search: entities by name or alias, in any script, ignoring case and accents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SearchQuery, SearchResponse } from '../../schemas/index.js';

const search: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['graph'],
        summary: 'Find entities by name or alias',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ApiError, 503: ApiError },
      },
    },
    async (request) => {
      const { q, kind, limit } = request.query;
      return { results: await app.graph.search(q, { kind, limit }) };
    },
  );
};

export default search;
