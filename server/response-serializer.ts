/**
 * How responses become JSON. The zod schemas of the routes describe every response (and the OpenAPI
 * document is generated from them), but encoding a payload through zod costs 20x a JSON.stringify: about
 * 5 ms for a 2-hop neighbourhood of 100 entities on the benchmark machine (docs/benchmarks, ADR 0012).
 *
 * So the payload is checked where it is cheap to be strict and stringified directly where it is hot:
 * - `checked` (tests, and INTERLOCK_CHECK_RESPONSES=1): encode through the schema and fail unless the
 *   encoded payload is exactly what the handler returned. A handler that returns a field its schema does
 *   not declare, or a value the schema would transform, fails its test instead of being silently mended.
 * - `direct` (the default when running): the JSON of the handler's payload. What the tests prove
 *   equal to the encoded form is what production sends.
 *
 * Both send `jsonBytes` of the payload: a payload with a kept part (json-bytes.ts) has that part turned
 * into JSON once, not on every response.
 */
import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { jsonBytes } from './json-bytes.js';

export type ResponseMode = 'checked' | 'direct';

export class ResponseShapeError extends Error {
  constructor(method: string, url: string, detail: string) {
    super(`Response of ${method} ${url} differs from its schema: ${detail}`);
    this.name = 'ResponseShapeError';
  }
}

export function responseSerializer(mode: ResponseMode): FastifySerializerCompiler<unknown> {
  // Fastify sends a Buffer as it is (reply.js), though its types only name strings.
  if (mode === 'direct') return () => (data) => jsonBytes(data) as string;
  return (route) => {
    const encode = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    return (data) => {
      const encoded: unknown = JSON.parse(encode(data));
      const direct = jsonBytes(data);
      const difference = firstDifference(encoded, JSON.parse(direct.toString()), '$');
      if (difference) throw new ResponseShapeError(route.method, route.url, difference);
      // The bytes production sends, proven equal (up to key order) to what the schema gives.
      return direct as string;
    };
  };
}

/** Where two JSON values differ (object key order aside), as a path and both values; null if nowhere. */
function firstDifference(schema: unknown, handler: unknown, path: string): string | null {
  if (Array.isArray(schema) && Array.isArray(handler)) {
    if (schema.length !== handler.length)
      return `${path}: ${schema.length} items by the schema, ${handler.length} from the handler`;
    for (let i = 0; i < schema.length; i++) {
      const d = firstDifference(schema[i], handler[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isObject(schema) && isObject(handler)) {
    for (const key of new Set([...Object.keys(schema), ...Object.keys(handler)])) {
      if (!(key in schema)) return `${path}.${key} is not in the schema`;
      if (!(key in handler)) return `${path}.${key} is added by the schema`;
      const d = firstDifference(schema[key], handler[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return isDeepStrictEqual(schema, handler)
    ? null
    : `${path}: ${JSON.stringify(schema)?.slice(0, 80)} by the schema, ${JSON.stringify(handler)?.slice(0, 80)} from the handler`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
