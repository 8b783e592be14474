/**
 * Every read of the page goes through one cache (TanStack Query): each answer is asked for once per
 * key however many panels show it, a failure is not kept (the next look asks again), and a change to
 * the graph invalidates what depends on it. Keys start with what they depend on: `graph` for anything
 * an edit, merge or undo can change, `snapshots` for the saved maps.
 */
import { QueryClient, infiniteQueryOptions, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import type { Entity, EntityDetailResponse, Language, RelationshipType } from '../../../schemas/index.js';
import { api, errorMessage } from './client.js';
import { editingApi } from './editing.js';
import { snapshotApi } from './snapshots.js';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The graph changes under the page only through its own writes, which invalidate what they touch.
        staleTime: Infinity,
        gcTime: 10 * 60_000,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}

/** How often the Conflicts tab asks again while the stored findings are being brought up to date. */
const FINDINGS_POLL_MS = 2_000;
/**
 * One entity's findings computed when asked, before the first computation over the whole graph is stored
 * (ADR 0041): each ask runs every pattern for it again, beside that computation, so they are asked for
 * again only to see them replaced by the stored ones when it is done.
 */
const COMPUTED_NOW_POLL_MS = 20_000;
/** Findings per page of the Conflicts tab ("More" asks for the next). */
export const FINDINGS_PAGE = 50;

/** Rows per page of the Money tab's table ("More" asks for the next). */
export const MONEY_PAGE = 100;

/** The part of every key that an edit to the graph makes stale. */
export const GRAPH = 'graph';

export const queries = {
  entity: (id: string) => queryOptions({ queryKey: [GRAPH, 'entity', id], queryFn: ({ signal }) => api.entity(id, signal) }),
  documentFacts: (id: string) =>
    queryOptions({ queryKey: [GRAPH, 'document-facts', id], queryFn: ({ signal }) => api.documentFacts(id, signal) }),
  /** Several entities and the relationships among them (a link's canvas). */
  entities: (ids: readonly string[]) =>
    queryOptions({ queryKey: [GRAPH, 'entities', ids.join(',')], queryFn: ({ signal }) => api.entities(ids, signal) }),
  neighborhood: (id: string, types: readonly RelationshipType[], limit: number) =>
    queryOptions({
      queryKey: [GRAPH, 'neighborhood', id, types.join(','), limit],
      queryFn: ({ signal }) => api.neighborhood(id, { depth: 1, types, limit, signal }),
    }),
  paths: (from: string, to: string, maxHops: number, types: readonly RelationshipType[]) =>
    queryOptions({
      queryKey: [GRAPH, 'paths', from, to, maxHops, types.join(',')],
      queryFn: ({ signal }) => api.paths({ from, to, maxHops, types, signal }),
    }),
  /** Pattern names and findings come in the reader's language (`lang`), so it is part of their keys. */
  patterns: (lang: Language) =>
    queryOptions({ queryKey: ['patterns', lang], queryFn: ({ signal }) => api.patterns(lang, signal) }),
  /**
   * Stored findings, a page at a time (the next page asked for by cursor); all pages loaded are asked
   * again every 2 s while the server says an edit or import is being taken in.
   */
  conflictPages: (entity: string | undefined, pattern: string | undefined, lang: Language) =>
    infiniteQueryOptions({
      queryKey: [GRAPH, 'conflicts', entity ?? null, 'pages', pattern ?? null, lang],
      queryFn: ({ signal, pageParam }) =>
        api.conflicts({ entity, pattern, lang, limit: FINDINGS_PAGE, ...(pageParam ? { cursor: pageParam } : {}), signal }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchInterval: (query) => {
        const last = query.state.data?.pages.at(-1);
        if (last?.status !== 'updating') return false;
        return last.computedNow ? COMPUTED_NOW_POLL_MS : FINDINGS_POLL_MS;
      },
    }),
  /** One pattern's findings involving one entity: how a link finds its lit finding again. */
  findingsOf: (pattern: string, entity: string, lang: Language) =>
    queryOptions({
      queryKey: [GRAPH, 'conflicts', entity, pattern, lang],
      queryFn: ({ signal }) => api.conflicts({ pattern, entity, lang, signal }),
    }),
  /**
   * The whole graph's money flows, from the stored findings, a page of rows at a time, each with the
   * evidence of its rows: asked again every 2 s while the findings are updating.
   */
  moneyPages: (rollup: boolean) =>
    infiniteQueryOptions({
      queryKey: [GRAPH, 'money-flows', rollup],
      queryFn: ({ signal, pageParam }) =>
        api.moneyFlows({ rollup, limit: MONEY_PAGE, evidence: true, ...(pageParam ? { cursor: pageParam } : {}), signal }),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchInterval: (query) => (query.state.data?.pages.at(-1)?.status === 'updating' ? FINDINGS_POLL_MS : false),
    }),
  /** One payer's flows with their evidence, computed for it: how a link finds its lit flow again, on any page. */
  moneyFlowsOf: (payer: string, rollup: boolean) =>
    queryOptions({
      queryKey: [GRAPH, 'money-flows', 'entity', payer, rollup],
      queryFn: ({ signal }) => api.moneyFlows({ entity: payer, rollup, evidence: true, signal }),
    }),
  audit: (entity: string) => queryOptions({ queryKey: [GRAPH, 'audit', entity], queryFn: () => editingApi.audit(entity) }),
  duplicates: () => queryOptions({ queryKey: [GRAPH, 'duplicates'], queryFn: () => editingApi.duplicates() }),
  snapshots: () => queryOptions({ queryKey: ['snapshots'], queryFn: () => snapshotApi.list() }),
};

/** A read as panels show it: loading, the answer, or a message fit to show a reporter. */
export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly message: string };

function loaded<T>(answer: { status: 'pending' | 'error' | 'success'; data: T | undefined; error: unknown }): Loaded<T> {
  if (answer.status === 'success' && answer.data !== undefined) return { status: 'ready', value: answer.data };
  if (answer.status === 'error') return { status: 'error', message: errorMessage(answer.error) };
  return { status: 'loading' };
}

/** `useQuery` with the answer as `Loaded`. */
export function useLoaded<T, K extends QueryKey>(options: UseQueryOptions<T, Error, T, K>): Loaded<T> {
  return loaded(useQuery(options));
}

export function useEntityDetail(id: string): Loaded<EntityDetailResponse> {
  return useLoaded(queries.entity(id));
}

export type DocumentEntity = Extract<Entity, { kind: 'Document' }>;

/** The Document entities behind a list of citations, as they arrive; missing ones stay undefined. */
export function useDocuments(ids: readonly string[]): ReadonlyMap<string, DocumentEntity> {
  const unique = [...new Set(ids)].sort();
  const answers = useQueries({ queries: unique.map((id) => queries.entity(id)) });
  const documents = new Map<string, DocumentEntity>();
  answers.forEach((answer, i) => {
    const entity = answer.data?.entity;
    const id = unique[i];
    // A document we cannot load still has its id and quote shown.
    if (id !== undefined && entity?.kind === 'Document') documents.set(id, entity);
  });
  return documents;
}
