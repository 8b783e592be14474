/**
 * The app's endpoints as its OpenAPI document lists them, for tests that must cover every endpoint
 * (including ones added after the test was written): method, path, parameters with their JSON Schema,
 * and the JSON body schema when there is one.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI style: `/api/entities/{id}`. */
  path: string;
  parameters: Parameter[];
  /** Schema of an `application/json` body, when the operation declares one. */
  body?: JsonSchema;
  /** Whether it changes anything (every method but GET). */
  write: boolean;
}

interface Document {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
  >;
}

export async function operations(app: FastifyInstance): Promise<Operation[]> {
  await app.ready();
  const document = app.swagger() as unknown as Document;
  const found: Operation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod)) {
      const upper = method.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      found.push({
        method: upper,
        path,
        parameters: (operation.parameters ?? []).filter((p) => p.in !== 'header'),
        ...(body ? { body } : {}),
        write: upper !== 'GET',
      });
    }
  }
  return found;
}

const ENTITY_ID_PATTERN = '^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._~-]*$';

/**
 * A valid value for a parameter, so that the other parameters of a request reach the handler. Reads get
 * a real entity; writes get an entity id that does not exist, so a valid request changes nothing.
 */
export function benignValue(schema: JsonSchema, options: { write: boolean }): unknown {
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.anyOf?.[0]) return benignValue(schema.anyOf[0], options);
  if (schema.oneOf?.[0]) return benignValue(schema.oneOf[0], options);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return benignObject(schema, options);
    default:
      if (schema.pattern === ENTITY_ID_PATTERN) return options.write ? 'person:zz-not-there' : 'person:vincent-line';
      if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 7 })[0];
      return 'ice'.padEnd(schema.minLength ?? 1, 'e');
  }
}

export function benignObject(schema: JsonSchema, options: { write: boolean }): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.entries(schema.properties ?? {})
      .filter(([name]) => required.has(name))
      .map(([name, property]) => [name, benignValue(property, options)]),
  );
}

/** `/api/entities/{id}` with `{id: 'a b'}` -> `/api/entities/a%20b`, with the query string appended. */
export function urlFor(path: string, pathValues: Record<string, string>, query: Record<string, string>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValues[name] ?? 'x'));
  const search = new URLSearchParams(query).toString();
  return search ? `${filled}?${search}` : filled;
}

/** The valid values of every parameter of an operation, by where they go. */
export function benignParameters(op: Operation): { path: Record<string, string>; query: Record<string, string> } {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === 'path') path[p.name] = String(benignValue(p.schema, op));
    else if (p.required) query[p.name] = String(benignValue(p.schema, op));
  }
  return { path, query };
}
