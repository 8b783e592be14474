/** Request and response shapes of the HTTP API. The OpenAPI document is generated from these. */
import { z } from 'zod';
import { Citation, EntityId, Version } from './common.js';
import { EntityKind, GraphEdge, GraphNode, RelationshipType } from './graph.js';

/** `types=A,B` in a query string, checked against the allowlist. */
const RelationshipTypeList = z
  .string()
  .max(1000)
  .transform((value) =>
    value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  )
  .pipe(z.array(RelationshipType).max(20));

export const HealthResponse = z.object({
  status: z.literal('ok'),
  neo4j: z.object({ connected: z.literal(true), version: z.string() }),
  /** The stored conflict findings: current or updating, and a full recomputation's progress (patterns done of all). */
  findings: z
    .object({
      status: z.enum(['current', 'updating']),
      progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    })
    .optional(),
});

export const HealthUnavailable = z.object({
  status: z.literal('unavailable'),
  neo4j: z.object({
    connected: z.literal(false),
    /** `restarting` while the app brings its embedded Neo4j back after the JVM died. */
    state: z.enum(['restarting', 'unreachable']),
  }),
  error: z.object({ code: z.string(), message: z.string() }),
});

/** The longest search the API answers; the page says so before asking. */
export const SEARCH_QUERY_MAX = 200;

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(SEARCH_QUERY_MAX),
  kind: EntityKind.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResult = z.object({
  id: EntityId,
  name: z.string(),
  kind: EntityKind,
  aliases: z.array(z.string()),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;
export const SearchResponse = z.object({ results: z.array(SearchResult) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const EntityParams = z.object({ id: EntityId });

/** A relationship seen from one entity, as the detail endpoint returns it. */
export const EntityRelationship = z.object({
  id: EntityId,
  type: RelationshipType,
  source: EntityId,
  target: EntityId,
  properties: z.record(z.string(), z.unknown()),
  citations: z.array(Citation),
  version: Version.optional(),
});
export type EntityRelationship = z.infer<typeof EntityRelationship>;

export const EntityDetailResponse = z.object({
  entity: GraphNode,
  relationships: z.array(EntityRelationship),
  /** The entities at the other end of `relationships`, so a client can name them without another call. */
  neighbors: z.array(
    z.object({
      id: EntityId,
      kind: EntityKind,
      name: z.string(),
      aliases: z.array(z.string()).optional().describe("other names, for the reader's language"),
    }),
  ),
});
export type EntityDetailResponse = z.infer<typeof EntityDetailResponse>;

/** An entity named by a relationship end, enough to show it. */
export const EntityRef = z.object({ id: EntityId, kind: EntityKind, name: z.string() });
export type EntityRef = z.infer<typeof EntityRef>;

/** One relationship (its version also as the `ETag`), with its two ends. */
export const RelationshipDetailResponse = z.object({ relationship: GraphEdge, source: EntityRef, target: EntityRef });
export type RelationshipDetailResponse = z.infer<typeof RelationshipDetailResponse>;

export const NeighborhoodQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  types: RelationshipTypeList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type NeighborhoodQuery = z.infer<typeof NeighborhoodQuery>;

export const GraphResponse = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** True when `limit` cut the answer short. */
  truncated: z.boolean(),
});
export type GraphResponse = z.infer<typeof GraphResponse>;

export const PathsQuery = z.object({
  from: EntityId,
  to: EntityId,
  maxHops: z.coerce.number().int().min(1).max(6).default(4),
  types: RelationshipTypeList.optional(),
});
export type PathsQuery = z.infer<typeof PathsQuery>;

export const Path = z.object({ nodeIds: z.array(EntityId), edgeIds: z.array(EntityId) });
export type Path = z.infer<typeof Path>;
export const PathsResponse = z.object({
  paths: z.array(Path),
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

/** Most ids one batch request may name; a deep link holds a canvas, not a database dump. */
export const MAX_BATCH_IDS = 200;

/** `ids=a,b,c`: the entities a deep link names, fetched in one request. */
export const EntityBatchQuery = z.object({
  ids: z
    .string()
    .max(MAX_BATCH_IDS * 201)
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(EntityId).min(1, 'name at least one id').max(MAX_BATCH_IDS, `at most ${MAX_BATCH_IDS} ids per request`)),
});
export type EntityBatchQuery = z.infer<typeof EntityBatchQuery>;

export const EntityBatchResponse = z.object({
  /** The entities found, in the order they were asked for. */
  nodes: z.array(GraphNode),
  /** Every relationship between two of them. */
  edges: z.array(GraphEdge),
  /** Ids asked for that name no entity (deleted or mistyped), so a client can say so. */
  missing: z.array(EntityId),
});
export type EntityBatchResponse = z.infer<typeof EntityBatchResponse>;

export const DocumentFactsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type DocumentFactsQuery = z.infer<typeof DocumentFactsQuery>;

/** One relationship sourced to a document, with the places in that document that state it. */
export const DocumentFact = z.object({
  edge: GraphEdge,
  /** The edge's citations of this document only (an edge may cite several documents). */
  citations: z.array(Citation),
});
export type DocumentFact = z.infer<typeof DocumentFact>;

export const DocumentFactsResponse = z.object({
  document: GraphNode,
  /** Relationships citing the document, in the order of their first locator. */
  facts: z.array(DocumentFact),
  /** The entities those relationships touch. */
  nodes: z.array(GraphNode),
  /** True when `limit` cut the list short. */
  truncated: z.boolean(),
});
export type DocumentFactsResponse = z.infer<typeof DocumentFactsResponse>;
