/**
 * Typed client for the Interlock HTTP API. Every answer is checked against the shared zod schema, so a
 * server/web mismatch shows up as one readable message instead of a blank panel three clicks later.
 */
import type { z } from 'zod';
import {
  AccessResponse,
  ApiError,
  ConflictsResponse,
  DocumentFactsResponse,
  EntityBatchResponse,
  EntityDetailResponse,
  GraphResponse,
  MoneyFlowsResponse,
  PathsResponse,
  PatternsResponse,
  SearchResponse,
} from '../../../schemas/index.js';
import type { EntityKind, Language, RelationshipType } from '../../../schemas/index.js';
import { authorizationHeader } from './auth-token.js';

/** A failed call, with a message fit to show a reporter (and the whole answer, for those that say more). */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

type Query = Record<string, string | number | undefined>;

async function getJson<S extends z.ZodType>(path: string, query: Query, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return sendJson('GET', params.size > 0 ? `${path}?${params}` : path, schema, undefined, signal);
}

/**
 * One call to the API with the signed-in token: JSON in, the answer checked against `schema` (null for
 * an empty answer), and any failure as an `ApiRequestError` carrying the server's message. Every client
 * of the page (reads, editing, snapshots) goes through here.
 */
export async function sendJson<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S | null,
  body?: unknown,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      signal: signal ?? null,
      headers: {
        accept: 'application/json',
        ...authorizationHeader(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiRequestError('Cannot reach the Interlock server. Is it running?', 0, 'NETWORK');
  }

  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = ApiError.safeParse(answer);
    const message = problem.success
      ? problem.data.error.message
      : `The server answered ${response.status} ${response.statusText}.`;
    throw new ApiRequestError(message, response.status, problem.success ? problem.data.error.code : 'HTTP_ERROR', answer);
  }
  if (schema === null) return undefined as z.output<S>;
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'unknown shape';
    throw new ApiRequestError(
      `The server's answer to ${path} did not match the schema (${where}).`,
      response.status,
      'BAD_RESPONSE',
    );
  }
  return parsed.data;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A message for any error a call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

const typeList = (types: readonly RelationshipType[] | undefined): string | undefined => types?.join(',');

export const api = {
  /** Who this browser is signed in as (by its stored token) and what that allows. */
  access(signal?: AbortSignal): Promise<AccessResponse> {
    return getJson('/access', {}, AccessResponse, signal);
  },

  search(q: string, options: { kind?: EntityKind; limit?: number; signal?: AbortSignal } = {}): Promise<SearchResponse> {
    return getJson('/search', { q, kind: options.kind, limit: options.limit }, SearchResponse, options.signal);
  },

  entity(id: string, signal?: AbortSignal): Promise<EntityDetailResponse> {
    return getJson(`/entities/${encodeURIComponent(id)}`, {}, EntityDetailResponse, signal);
  },

  /** Several entities and the relationships among them in one request (a deep link's canvas). */
  entities(ids: readonly string[], signal?: AbortSignal): Promise<EntityBatchResponse> {
    return getJson('/entities', { ids: ids.join(',') }, EntityBatchResponse, signal);
  },

  /** Everything sourced to a document: the relationships citing it, with its quotes, and their ends. */
  documentFacts(id: string, signal?: AbortSignal): Promise<DocumentFactsResponse> {
    return getJson(`/documents/${encodeURIComponent(id)}/facts`, {}, DocumentFactsResponse, signal);
  },

  neighborhood(
    id: string,
    options: { depth?: 1 | 2 | 3; types?: readonly RelationshipType[]; limit?: number; signal?: AbortSignal } = {},
  ): Promise<GraphResponse> {
    const query = { depth: options.depth, types: typeList(options.types), limit: options.limit };
    return getJson(`/entities/${encodeURIComponent(id)}/neighborhood`, query, GraphResponse, options.signal);
  },

  paths(options: {
    from: string;
    to: string;
    maxHops?: number;
    types?: readonly RelationshipType[];
    signal?: AbortSignal;
  }): Promise<PathsResponse> {
    const query = { from: options.from, to: options.to, maxHops: options.maxHops, types: typeList(options.types) };
    return getJson('/paths', query, PathsResponse, options.signal);
  },

  patterns(lang: Language, signal?: AbortSignal): Promise<z.output<typeof PatternsResponse>> {
    return getJson('/patterns', { lang }, PatternsResponse, signal);
  },

  /** Findings with the evidence subgraph of all of them; every filter is optional. */
  conflicts(
    options: {
      pattern?: string;
      entity?: string;
      asOf?: string;
      limit?: number;
      cursor?: string;
      lang?: Language;
      signal?: AbortSignal;
    } = {},
  ): Promise<ConflictsResponse> {
    const query = {
      pattern: options.pattern,
      entity: options.entity,
      asOf: options.asOf,
      limit: options.limit,
      cursor: options.cursor,
      lang: options.lang,
    };
    return getJson('/conflicts', query, ConflictsResponse, options.signal);
  },

  moneyFlows(
    options: {
      entity?: string;
      rollup?: boolean;
      limit?: number;
      cursor?: string;
      /** With the evidence subgraph of the rows returned. */
      evidence?: boolean;
      signal?: AbortSignal;
    } = {},
  ): Promise<MoneyFlowsResponse> {
    const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
    const query = {
      entity: options.entity,
      rollup: flag(options.rollup),
      limit: options.limit,
      cursor: options.cursor,
      evidence: flag(options.evidence),
    };
    return getJson('/money-flows', query, MoneyFlowsResponse, options.signal);
  },
};
