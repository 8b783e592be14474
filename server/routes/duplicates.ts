/**
 * Duplicates and merges: proposed pairs with a reason and a score, a person's "not the same" remembered,
 * a merge that keeps every relationship, alias and citation, and its undo.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  AuditParams,
  DuplicatesQuery,
  DuplicatesResponse,
  MergeRequest,
  MergeResult,
  RejectDuplicateRequest,
  RejectDuplicateResult,
  UndoResult,
} from '../../schemas/index.js';
import { mergeEntities } from '../services/editing/merge.js';
import { undoAuditEntry } from '../services/editing/undo.js';
import { findDuplicates, rejectDuplicate } from '../services/duplicates/service.js';
import { actorOf } from './edits.js';

const errors = { 400: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };

const duplicates: FastifyPluginAsyncZod = async (app) => {
  const { driver, database } = app.neo4j;

  app.get(
    '/duplicates',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Likely duplicate pairs, likeliest first, each with a reason and a score',
        querystring: DuplicatesQuery,
        response: { 200: DuplicatesResponse, 400: ApiError, 503: ApiError },
      },
    },
    async (request) =>
      request.query.entity === undefined
        ? app.heavyReads.run(() => findDuplicates(driver, database, request.query))
        : findDuplicates(driver, database, request.query),
  );

  app.post(
    '/duplicates/rejections',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Say two entities are not the same: the pair is not proposed again',
        body: RejectDuplicateRequest,
        response: { 201: RejectDuplicateResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await rejectDuplicate(driver, database, request.body, actorOf(request))),
  );

  app.post(
    '/merges',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Merge mergeId into keepId (same kind): relationships, aliases and citations move; undoable',
        body: MergeRequest,
        response: { 201: MergeResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await mergeEntities(driver, database, request.body, actorOf(request))),
  );

  app.post(
    '/merges/:id/undo',
    {
      schema: {
        tags: ['duplicates'],
        summary: 'Undo a merge (the id is its audit entry), restoring both entities exactly',
        params: AuditParams,
        response: { 200: UndoResult, ...errors },
      },
    },
    async (request) => undoAuditEntry(driver, database, request.params.id, actorOf(request), { only: 'merge' }),
  );
};

export default duplicates;
