/**
 * Short links: `POST /api/views` keeps a view of the explorer that is too long for an address and
 * answers its `/v/<id>`; `GET /api/views/:id` gives it back. Making one needs only the right to read
 * (a view holds no facts, only which entities are shown and how), so anyone may share what they see
 * when reads are open.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, SavedViewParams, SavedViewResult, ViewState } from '../../schemas/index.js';

const views: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/views',
    {
      config: { access: 'reader' },
      schema: {
        tags: ['views'],
        summary: 'Keep a view of the explorer as a short link (the same view always gets the same id)',
        body: ViewState,
        response: { 200: SavedViewResult, 400: ApiError, 401: ApiError, 403: ApiError, 503: ApiError },
      },
    },
    async (request) => app.views.save(request.body, request.access.actor),
  );

  app.get(
    '/views/:id',
    {
      schema: {
        tags: ['views'],
        summary: 'The view a short link names',
        params: SavedViewParams,
        response: { 200: ViewState, 400: ApiError, 401: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => app.views.get(request.params.id),
  );
};

export default views;
