/**
 * Editing by hand: create, change and delete entities and relationships, and undo a recorded change.
 * Every write runs in one transaction with its audit entry (who: the token's name, when, the
 * route, the properties before and after). Reads of entities stay in entities.ts.
 * Changes and deletions may name the version they were made against (`If-Match: "3"` or `version` in
 * the body): 412 `version_conflict` with the current state when the fact has moved on since. Answers
 * carrying one fact carry its version as `ETag`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiError,
  AuditParams,
  CreateEntityRequest,
  CreateRelationshipRequest,
  DeleteRequest,
  DeleteResult,
  EntityParams,
  EntityWriteResult,
  RelationshipWriteResult,
  UndoResult,
  UpdateEntityRequest,
  UpdateRelationshipRequest,
  VersionConflictResponse,
} from '../../schemas/index.js';
import { createEntity, deleteEntity, updateEntity } from '../services/editing/entity-edits.js';
import { createRelationship, deleteRelationship, updateRelationship } from '../services/editing/relationship-edits.js';
import type { Actor } from '../services/editing/transaction.js';
import { undoAuditEntry } from '../services/editing/undo.js';
import { etagOf, expectedVersions } from '../services/editing/versions.js';

/** Who (the token's name, see the auth plugin) and through which route, for the audit entry. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: request.access.actor, route: `${request.method} ${request.routeOptions.url ?? request.url}` };
}

const errors = { 400: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };
const versionedErrors = { ...errors, 412: VersionConflictResponse };

/** The versions a change or deletion was made against: `If-Match`, or `version` in the body. */
function versionsOf(request: FastifyRequest): number[] | undefined {
  const ifMatch = request.headers['if-match'];
  const body = request.body as { version?: number | undefined } | undefined;
  return expectedVersions(Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch, body?.version);
}

function withEtag<T extends { entity?: { version?: number | undefined }; relationship?: { version?: number | undefined } }>(
  reply: FastifyReply,
  result: T,
): T {
  const version = result.entity?.version ?? result.relationship?.version;
  if (version !== undefined) void reply.header('etag', etagOf(version));
  return result;
}

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
    async (request, reply) =>
      reply.status(201).send(withEtag(reply, await createEntity(driver, database, request.body, actorOf(request)))),
  );

  app.patch(
    '/entities/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Change fields of an entity (null removes a field; citations, when given, replace the list)',
        description:
          'Send `If-Match: "<version>"` (or `version` in the body) to change it only if nobody has since: 412 `version_conflict` otherwise, with the entity as it is now and its last change. Without a version, only the fields sent are written.',
        params: EntityParams,
        body: UpdateEntityRequest,
        response: { 200: EntityWriteResult, ...versionedErrors },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await updateEntity(driver, database, request.params.id, request.body, actorOf(request), versionsOf(request)),
      ),
  );

  app.delete(
    '/entities/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Delete an entity and its relationships (refused while other facts cite it)',
        description:
          'With `If-Match: "<version>"` (or `{version}` as the body), only if nobody has changed it since (412 otherwise).',
        params: EntityParams,
        body: DeleteRequest,
        response: { 200: DeleteResult, ...versionedErrors },
      },
    },
    async (request) => deleteEntity(driver, database, request.params.id, actorOf(request), versionsOf(request)),
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
    async (request, reply) =>
      reply.status(201).send(withEtag(reply, await createRelationship(driver, database, request.body, actorOf(request)))),
  );

  app.patch(
    '/relationships/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Change fields of a relationship (its type and ends stay)',
        description:
          'Send `If-Match: "<version>"` (or `version` in the body) to change it only if nobody has since: 412 `version_conflict` otherwise. Without a version, only the fields sent are written.',
        params: EntityParams,
        body: UpdateRelationshipRequest,
        response: { 200: RelationshipWriteResult, ...versionedErrors },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await updateRelationship(driver, database, request.params.id, request.body, actorOf(request), versionsOf(request)),
      ),
  );

  app.delete(
    '/relationships/:id',
    {
      schema: {
        tags: ['editing'],
        summary: 'Delete a relationship',
        description:
          'With `If-Match: "<version>"` (or `{version}` as the body), only if nobody has changed it since (412 otherwise).',
        params: EntityParams,
        body: DeleteRequest,
        response: { 200: DeleteResult, ...versionedErrors },
      },
    },
    async (request) => deleteRelationship(driver, database, request.params.id, actorOf(request), versionsOf(request)),
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
