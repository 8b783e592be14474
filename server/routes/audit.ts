/**
 * GET /api/audit: the audit trail, newest first, optionally only what touched one entity; GET
 * /api/audit/{id}: one entry (the page links an import to its entry). Entries about drafts (their titles
 * are unpublished findings) are shown to token holders only, as the drafts are.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, AuditEntry, AuditQuery, AuditResponse } from '../../schemas/index.js';
import { openSession } from '../db/transactions.js';
import { readAuditEntry } from '../services/audit-log.js';
import { listAudit } from '../services/audit-log.js';
import { NotFoundError } from '../services/graph-repository.js';

const DRAFT_ACTIONS = new Set(['snapshot.create', 'snapshot.delete']);

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

  app.get(
    '/audit/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'One entry of the audit trail: who changed what, when, through which route',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: AuditEntry, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => {
      const session = openSession(app.neo4j.driver, app.neo4j.database, 'READ');
      try {
        const entry = await session.executeRead((tx) => readAuditEntry(tx, request.params.id));
        if (!entry || (DRAFT_ACTIONS.has(entry.action) && !request.access.isTokenHolder))
          throw new NotFoundError('audit entry', request.params.id);
        return entry;
      } finally {
        await session.close();
      }
    },
  );
};

export default audit;
