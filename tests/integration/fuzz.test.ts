/**
 * Property-based fuzzing of every endpoint of the OpenAPI document with fast-check: random and
 * malformed path parameters, query strings (unknown, repeated, out-of-range and binary values), bodies
 * and content types, and Accept headers. Never a 5xx, the app never falls over, and every 4xx body is
 * `{error: {code, message}}` with `field` where a parameter is at fault.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { benignObject, benignValue, operations, type JsonSchema, type Operation } from './helpers/openapi.js';

const { database } = testConnection();
const RUNS_PER_ENDPOINT = 30;
const SECONDS_PER_ENDPOINT = 3;
let app: FastifyInstance;
let driver: Driver;
let ops: Operation[];
const startedAt = new Date().toISOString();

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  ops = await operations(app);
});
afterAll(async () => {
  // Valid random token requests create tokens (as the test admin); remove them.
  await driver.executeQuery(
    "MATCH (t:ApiToken) WHERE t.createdBy STARTS WITH 'admin (' AND t.createdAt >= $startedAt DELETE t",
    { startedAt },
    { database },
  );
  await app.close();
  await driver.close();
});

const nasty = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '%',
  '%00',
  '..',
  '../..',
  '\u202e',
  '🙂',
);

function valueOf(schema: JsonSchema, write: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(String(benignValue(schema, { write }))) },
    { weight: 2, arbitrary: nasty },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 1200 }) },
  );
}

interface FuzzRequest {
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathValues = fc.record(
    Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, valueOf(p.schema, op.write)])),
  );
  const declared = op.parameters
    .filter((p) => p.in === 'query')
    .map((p) => fc.option(fc.tuple(fc.constant(p.name), valueOf(p.schema, op.write)), { nil: undefined }));
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...op.parameters.map((p) => p.name).concat('x'))),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 3 },
  );
  const body = op.write
    ? fc.oneof(
        fc.constant(JSON.stringify(op.body ? benignObject(op.body, op) : {})),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
        fc.constant('{"unterminated": '),
      )
    : fc.constant(undefined);
  const contentType = fc.constantFrom(
    'application/json',
    'application/x-ndjson',
    'application/zip',
    'application/octet-stream',
    'text/csv',
    'application/json; charset=latin1',
    '',
  );
  const accept = fc.constantFrom('application/json', 'text/event-stream', '*/*', 'text/html', '');
  return fc
    .record({ pathValues, declared: fc.tuple(...declared), extra, body, contentType, accept })
    .map(({ pathValues, declared: pairs, extra: more, body: payload, contentType: type, accept: acceptHeader }) => {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        encodeURIComponent((pathValues as Record<string, string>)[name] ?? ''),
      );
      const query = [...pairs.filter((p): p is [string, string] => p !== undefined), ...more]
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      const headers: Record<string, string> = {};
      if (acceptHeader) headers.accept = acceptHeader;
      if (payload !== undefined && type) headers['content-type'] = type;
      return {
        method: op.method,
        url: query ? `${path}?${query}` : path,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      };
    });
}

describe('fuzzing every endpoint of the OpenAPI document', () => {
  it('never answers 5xx, and every 4xx says what is wrong in the common error shape', async () => {
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(requestFor(op), async (request) => {
          const response = await app.inject(request);
          const where = `${request.method} ${request.url} -> ${response.statusCode} ${response.body.slice(0, 300)}`;
          expect(response.statusCode < 500, where).toBe(true);
          if (response.statusCode >= 400) {
            const body = response.json<{ error: { code: unknown; message: unknown; field?: unknown } }>();
            expect(body.error.code, where).toEqual(expect.any(String));
            expect(body.error.message, where).toEqual(expect.any(String));
            // A parameter at fault is named; only a request wrong as a whole has no field.
            if (body.error.code === 'invalid_parameter' && body.error.field === undefined) {
              expect(body.error.message, where).toMatch(/^request: /);
            }
            if (body.error.field !== undefined) expect(body.error.field, where).toEqual(expect.any(String));
          }
        }),
        // Heavy endpoints (all conflict patterns) get fewer runs rather than minutes of them.
        { numRuns: RUNS_PER_ENDPOINT, interruptAfterTimeLimit: SECONDS_PER_ENDPOINT * 1000, seed: 20261128, endOnFailure: true },
      );
    }
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  }, 240_000);
});
