/**
 * GET /api/audit: the audit trail, newest first, optionally only what touched one entity. Entries about
 * drafts (their titles are unpublished findings) are shown to token holders only, as the drafts are.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, AuditQuery, AuditResponse } from '../../schemas/index.js';
import { listAudit } from '../services/audit-log.js';

const audit: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who changed what, when, and through which route (newest first)',
        querystring: AuditQuery,
        response: { 200: AuditResponse, 400: ApiError, 503: ApiError },
      },
    },
    async (request) => ({
      entries: await listAudit(app.neo4j.driver, app.neo4j.database, {
        ...request.query,
        withDrafts: request.access.isTokenHolder,
      }),
    }),
  );
};

export default audit;
