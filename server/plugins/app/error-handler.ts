/**
 * One error handler for the whole API. Every error answer is `{error: {code, message, field?}}`:
 * invalid input -> 400 naming the field; unknown entity -> 404; a query past its time or memory -> 503
 * saying so; database unreachable -> 503 (the driver reconnects by itself, so the next request after the
 * database returns succeeds); anything else -> 500 with a generic message and the detail in the log.
 * Driver errors are told apart by `code`, never by message text.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Neo4jError } from 'neo4j-driver';
import type { ApiError, ImportErrorResponse, VersionConflictResponse } from '../../../schemas/index.js';
import { isQueryTimeout, isTransactionMemoryError, writeOutcomeOf } from '../../db/guarded-driver.js';
import { NotFoundError } from '../../services/graph-repository.js';
import { ImportValidationError } from '../../services/import-validation.js';
import { VersionConflictError } from '../../services/editing/versions.js';
import { ImportRollbackError } from '../../services/imports/import-service.js';
import { BusyError } from '../../services/heavy-reads.js';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

const UNAVAILABLE_MESSAGE = {
  read: 'The graph database is not reachable right now; try again shortly.',
  not_applied:
    'The graph database is not reachable right now. Nothing was written: the change was rolled back; send it again shortly.',
  unknown:
    'The graph database went away while saving the change: it was either saved in full or not at all. Check the audit trail (GET /api/audit) before sending it again.',
};

export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (UNAVAILABLE_CODES.has(error.code) ||
      error.code.startsWith('Neo.TransientError.') ||
      error.code === 'Neo.ClientError.Database.DatabaseNotFound')
  );
}

/**
 * Every pooled connection is busy for longer than the driver waits: the app is at capacity, not broken.
 * The driver gives this error no code of its own, only its message.
 */
export function isPoolExhausted(error: unknown): boolean {
  return error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out');
}

/** 503: the request could not be served now (busy, cut off, past a cap, the database away); `code` says which. */
function unavailable(code: string, message: string): { status: 503; body: ApiError } {
  return { status: 503, body: { error: { code, message } } };
}

export function toApiError(error: unknown): {
  status: number;
  body: ApiError | ImportErrorResponse | VersionConflictResponse;
} {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const field = first?.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined;
    const message = first ? `${field ?? 'request'}: ${first.message}` : 'invalid request';
    return { status: 400, body: { error: { code: 'invalid_parameter', message, ...(field ? { field } : {}) } } };
  }
  if (error instanceof NotFoundError) {
    return { status: 404, body: { error: { code: 'not_found', message: error.message } } };
  }
  if (error instanceof ImportValidationError) {
    const first = error.problems[0];
    return {
      status: 400,
      body: {
        error: { code: 'invalid_import', message: error.message, ...(first ? { field: first.field } : {}) },
        problems: error.problems,
      },
    };
  }
  if (error instanceof VersionConflictError) {
    return {
      status: 412,
      body: {
        error: { code: error.code, message: error.message, field: error.field },
        current: error.current,
        lastChange: error.lastChange,
      },
    };
  }
  if (error instanceof BusyError || error instanceof ImportRollbackError) return unavailable(error.code, error.message);
  if (isQueryTimeout(error))
    return unavailable(
      'query_timeout',
      'The query ran too long and was cancelled; nothing was changed. Narrow it (fewer hops, fewer types, a smaller limit).',
    );
  if (isTransactionMemoryError(error))
    return unavailable(
      'query_too_large',
      'The query needed more memory than the database allows one query, and was stopped; nothing was changed. Narrow it (fewer hops, fewer types, a smaller limit), or ask the administrator to raise the database memory.',
    );
  if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { error: { code: 'body_too_large', message: 'The request body is larger than this server accepts.' } },
    };
  }
  if (isPoolExhausted(error))
    return unavailable(
      'database_busy',
      'The server is answering too many requests at once; nothing was changed. Try again shortly.',
    );
  if (isDatabaseUnavailable(error))
    return unavailable('database_unavailable', UNAVAILABLE_MESSAGE[writeOutcomeOf(error) ?? 'read']);
  const status = (error as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (error as FastifyError).code ?? 'bad_request';
    const field = (error as { field?: unknown }).field;
    return {
      status,
      body: {
        error: { code: code.toLowerCase(), message: (error as Error).message, ...(typeof field === 'string' ? { field } : {}) },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } },
  };
}

/**
 * Errors the router raises before any route or hook runs (a malformed URL, a path part past the length
 * limit): the same error shape as everything else. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: error.code }, error.message);
  void reply.status(400).send({
    error: { code: 'bad_url', message: 'The address is malformed, or a part of it is longer than this server accepts.' },
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}

export default fp(
  async (app) => {
    app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
      const { status, body } = toApiError(error);
      const limit = request.routeOptions.bodyLimit;
      if (body.error.code === 'body_too_large' && limit) {
        body.error.message = `The request body is larger than this server accepts here (${formatBytes(limit)}).`;
      }
      const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      if (status >= 500 && !(error instanceof BusyError)) request.log.error({ err: error }, body.error.message);
      else request.log.info({ code: body.error.code, field: body.error.field }, body.error.message);
      return reply.status(status).send(body);
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
    );
  },
  { name: 'error-handler' },
);
