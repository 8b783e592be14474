/**
 * GET /api/entities?ids=, /api/entities/:id, /api/entities/:id/neighborhood and /api/relationships/:id.
 * A single entity or relationship carries its version as the `ETag` (send it back as `If-Match` to edit).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  EntityBatchQuery,
  EntityBatchResponse,
  EntityDetailResponse,
  EntityParams,
  GraphResponse,
  NeighborhoodQuery,
  RelationshipDetailResponse,
} from '../../schemas/index.js';
import { etagOf } from '../services/editing/versions.js';
import { SourceReads } from '../services/source-reads.js';

const entities: FastifyPluginAsyncZod = async (app) => {
  const batch = new SourceReads(app.neo4j.driver, app.neo4j.database);
  app.get(
    '/entities',
    {
      schema: {
        tags: ['graph'],
        summary: 'Several entities at once with the relationships among them; unknown ids are listed in `missing`',
        querystring: EntityBatchQuery,
        response: { 200: EntityBatchResponse, 400: ApiError, 503: ApiError },
      },
    },
    async (request) => batch.entities(request.query.ids),
  );

  app.get(
    '/entities/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'One entity with its relationships and their citations; its version is the ETag',
        params: EntityParams,
        response: { 200: EntityDetailResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const detail = await app.graph.entityDetail(request.params.id);
      if (detail.entity.version !== undefined) void reply.header('etag', etagOf(detail.entity.version));
      return detail;
    },
  );

  app.get(
    '/relationships/:id',
    {
      schema: {
        tags: ['graph'],
        summary: 'One relationship with its citations and its two ends; its version is the ETag',
        params: EntityParams,
        response: { 200: RelationshipDetailResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const detail = await app.graph.relationshipDetail(request.params.id);
      if (detail.relationship.version !== undefined) void reply.header('etag', etagOf(detail.relationship.version));
      return detail;
    },
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
