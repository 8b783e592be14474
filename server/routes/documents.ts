/** GET /api/documents/:id/facts: everything sourced to one document. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, DocumentFactsQuery, DocumentFactsResponse, EntityParams } from '../../schemas/index.js';
import { SourceReads } from '../services/source-reads.js';

const documents: FastifyPluginAsyncZod = async (app) => {
  const reads = new SourceReads(app.neo4j.driver, app.neo4j.database);
  app.get(
    '/documents/:id/facts',
    {
      schema: {
        tags: ['graph'],
        summary: 'The relationships citing a document (with its locator and quote) and the entities they touch',
        params: EntityParams,
        querystring: DocumentFactsQuery,
        response: { 200: DocumentFactsResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => reads.documentFacts(request.params.id, request.query.limit),
  );
};

export default documents;
