import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import errorHandler, { toApiError } from '../../server/plugins/app/error-handler.js';
import { NotFoundError } from '../../server/services/graph-repository.js';
import { ImportValidationError } from '../../server/services/importer.js';

describe('toApiError', () => {
  it('turns a query validation failure into 400 naming the field', async () => {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    await app.register(errorHandler);
    app.get('/x', { schema: { querystring: z.object({ depth: z.coerce.number().max(3) }) } }, async () => ({ ok: true }));
    const response = await app.inject('/x?depth=9');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_parameter', field: 'depth' } });
    expect(response.json().error.message).toMatch(/^depth: /);
    await app.close();
  });

  it('answers unknown routes with the same error shape', async () => {
    const app = Fastify();
    await app.register(errorHandler);
    const response = await app.inject('/nope');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /nope' } });
    await app.close();
  });

  it('turns an unknown entity into 404', () => {
    expect(toApiError(new NotFoundError('entity', 'person:nobody'))).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No entity with id "person:nobody"' } },
    });
  });

  it('reports the first import problem with its field', () => {
    const { status, body } = toApiError(new ImportValidationError([{ field: 'entities.2.id', message: 'duplicate' }]));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_import', field: 'entities.2.id' });
  });

  it('turns an unreachable database into 503, by error code', () => {
    expect(toApiError(new Neo4jError('connection refused', 'ServiceUnavailable', '', '')).status).toBe(503);
    expect(toApiError(new Neo4jError('x', 'SessionExpired', '', '')).status).toBe(503);
    expect(toApiError(new Neo4jError('Service unavailable', 'Neo.ClientError.Statement.SyntaxError', '', '')).status).toBe(500);
  });

  it('answers 503 when every database connection is busy (the app is full, not broken)', () => {
    const busy = new Neo4jError(
      'Connection acquisition timed out in 60000 ms. Pool status: Active conn count = 100',
      'N/A',
      '',
      '',
    );
    const answer = toApiError(busy);
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('database_busy');
  });

  it('hides the detail of unexpected errors', () => {
    const { status, body } = toApiError(new Error('secret stack detail'));
    expect(status).toBe(500);
    expect(body.error.message).not.toContain('secret');
  });

  it('keeps framework 4xx errors as they are', () => {
    const error = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(toApiError(error)).toMatchObject({ status: 415, body: { error: { code: 'fst_err_ctp_invalid_media_type' } } });
  });

  it('names a too-large body plainly', () => {
    const error = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toApiError(error)).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
  });

  it('tells a query cancelled for running too long from an outage', () => {
    const timedOut = new Neo4jError('timed out', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '', '');
    expect(toApiError(timedOut)).toMatchObject({ status: 503, body: { error: { code: 'query_timeout' } } });
  });

  it('tells a query stopped for needing more memory than the database allows from an outage', () => {
    // Neo4j's code calls it transient, but the same query fails the same way again.
    const tooLarge = new Neo4jError('allocation would exceed', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '', '');
    const answer = toApiError(tooLarge);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'query_too_large' } } });
    expect(answer.body.error.message).not.toContain('not reachable');
  });

  it('says whether a write cut off by an outage was written', () => {
    const cut = (outcome: string) =>
      Object.assign(new Neo4jError('gone', 'ServiceUnavailable', '', ''), { writeOutcome: outcome });
    expect(toApiError(cut('not_applied')).body.error.message).toContain('Nothing was written');
    expect(toApiError(cut('unknown')).body.error.message).toContain('either saved in full or not at all');
    expect(toApiError(new Neo4jError('gone', 'ServiceUnavailable', '', '')).body.error.message).not.toContain('written');
  });
});
