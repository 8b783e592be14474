/**
 * Editing by hand: create, change and delete entities and relationships, and undo a recorded change.
 * Every write runs in one transaction with its audit entry (who: the token's name, when, the
 * route, the properties before and after). Reads of entities stay in entities.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  ApiError,
  AuditParams,
  CreateEntityRequest,
  CreateRelationshipRequest,
  DeleteResult,
  EntityParams,
  EntityWriteResult,
  RelationshipWriteResult,
  UndoResult,
  UpdateEntityRequest,
  UpdateRelationshipRequest,
} from '../../schemas/index.js';
import { createEntity, deleteEntity, updateEntity } from '../services/editing/entity-edits.js';
import { createRelationship, deleteRelationship, updateRelationship } from '../services/editing/relationship-edits.js';
import type { Actor } from '../services/editing/transaction.js';
import { undoAuditEntry } from '../services/editing/undo.js';

/** Who (the token's name, see the auth plugin) and through which route, for the audit entry. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: request.access.actor, route: `${request.method} ${request.routeOptions.url ?? request.url}` };
}

const errors = { 400: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };

const edits: FastifyPluginAsyncZod = async (app) => {
  const { driver, database } = app.neo4j;

  app.post(
    '/entities',
    {
      schema: {
        tags: ['editing'],
        summary: 'Create an entity; citations may describe a new Document inline',
        body: CreateEntityRequest,
        response: { 201: EntityWriteResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createEntity(driver, database, request.body, actorOf(request))),
  );

  app.patch(
    '/entities/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Change fields of an entity (null removes a field; citations, when given, replace the list)',
        params: EntityParams,
        body: UpdateEntityRequest,
        response: { 200: EntityWriteResult, ...errors },
      },
    },
    async (request) => updateEntity(driver, database, request.params.id, request.body, actorOf(request)),
  );

  app.delete(
    '/entities/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Delete an entity and its relationships (refused while other facts cite it)',
        params: EntityParams,
        response: { 200: DeleteResult, ...errors },
      },
    },
    async (request) => deleteEntity(driver, database, request.params.id, actorOf(request)),
  );

  app.post(
    '/relationships',
    {
      schema: {
        tags: ['editing'],
        summary: 'Create a relationship: at least one citation (document, locator, quote) is required',
        body: CreateRelationshipRequest,
        response: { 201: RelationshipWriteResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createRelationship(driver, database, request.body, actorOf(request))),
  );

  app.patch(
    '/relationships/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Change fields of a relationship (its type and ends stay)',
        params: EntityParams,
        body: UpdateRelationshipRequest,
        response: { 200: RelationshipWriteResult, ...errors },
      },
    },
    async (request) => updateRelationship(driver, database, request.params.id, request.body, actorOf(request)),
  );

  app.delete(
    '/relationships/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Delete a relationship',
        params: EntityParams,
        response: { 200: DeleteResult, ...errors },
      },
    },
    async (request) => deleteRelationship(driver, database, request.params.id, actorOf(request)),
  );

  app.post(
    '/audit/:id/undo',
    {
      schema: {
        tags: ['editing', 'audit'],
        summary: 'Undo a recorded edit or merge, if nothing it touched has changed since (409 otherwise)',
        params: AuditParams,
        response: { 200: UndoResult, ...errors },
      },
    },
    async (request) => undoAuditEntry(driver, database, request.params.id, actorOf(request)),
  );
};

export default edits;
