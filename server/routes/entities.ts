/** GET /api/entities/:id and /api/entities/:id/neighborhood. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, EntityDetailResponse, EntityParams, GraphResponse, NeighborhoodQuery } from '../../schemas/index.js';

const entities: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/entities/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'One entity with its relationships and their citations',
        params: EntityParams,
        response: { 200: EntityDetailResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => app.graph.entityDetail(request.params.id),
  );

  app.get(
    '/entities/:id/neighborhood',
    {
      schema: {
        tags: ['graph'],
        summary: 'Entities within `depth` hops, nearest first, and the relationships among them',
        params: EntityParams,
        querystring: NeighborhoodQuery,
        response: { 200: GraphResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => app.graph.neighborhood(request.params.id, request.query),
  );
};

export default entities;
