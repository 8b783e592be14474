/**
 * Reads of the graph: search, one entity's detail, neighbourhoods and paths. Each public method runs in
 * one read transaction function (`executeRead`, so reads can go to replicas and are retried on transient
 * errors) and maps records to the API's plain shapes; no driver type leaks out. JS numbers travel as
 * floats, so integer parameters (limits, hops) are wrapped with `int()`.
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  SUBSTANTIVE_TYPES,
  type EntityDetailResponse,
  type EntityKind,
  type GraphEdge,
  type GraphNode,
  type GraphResponse,
  type PathsResponse,
  type RelationshipDetailResponse,
  type RelationshipType,
  type SearchResult,
} from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';
import { toGraphEdge, toGraphNode } from '../db/mapping.js';
import { inSearchOrder, searchQueries } from './search-query.js';
import { readTransaction } from '../db/transactions.js';

type Row = Record<string, unknown>;

export class NotFoundError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`No ${what} with id "${id}"`);
  }
}

export interface NeighborhoodOptions {
  depth: number;
  types?: readonly RelationshipType[] | undefined;
  limit: number;
}

export interface PathOptions {
  from: string;
  to: string;
  maxHops: number;
  types?: readonly RelationshipType[] | undefined;
}

export class GraphRepository {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return readTransaction(this.driver, this.database, work);
  }

  async search(text: string, options: { kind?: EntityKind | undefined; limit: number }): Promise<SearchResult[]> {
    const queries = searchQueries(text);
    if (queries === null) return [];
    return this.read(async (tx) => {
      // Names with every word first; any word only when no name has them all (search-query.ts).
      const result = await inSearchOrder(queries, (query) =>
        tx.run(cypher('queries/search'), {
          query,
          text: text.trim().toLowerCase(),
          kind: options.kind ?? null,
          limit: int(options.limit),
        }),
      );
      return result.records.map((r) => ({
        id: r.get('id') as string,
        name: r.get('name') as string,
        kind: r.get('kind') as EntityKind,
        aliases: r.get('aliases') as string[],
        score: r.get('score') as number,
      }));
    });
  }

  async entityDetail(id: string): Promise<EntityDetailResponse> {
    return this.read(async (tx) => {
      const result = await tx.run(cypher('queries/entity-detail'), { id });
      const record = result.records[0];
      if (!record) throw new NotFoundError('entity', id);
      const links = record.get('links') as {
        rel: Row;
        other: { id: string; name: string; aliases: string[]; kind: EntityKind };
      }[];
      const neighbors = new Map(links.map((l) => [l.other.id, l.other]));
      return {
        entity: toGraphNode(record.get('entity') as Row),
        relationships: links.map(({ rel }) => {
          const { id: relId, type, source, target, citations, version, ...properties } = toGraphEdge(rel);
          return { id: relId, type, source, target, properties, citations, version };
        }),
        neighbors: [...neighbors.values()],
      };
    });
  }

  /** One relationship by id with its ends (looked up per type of the allowlist, a seek each). */
  async relationshipDetail(id: string): Promise<RelationshipDetailResponse> {
    return this.read(async (tx) => {
      const found = (await tx.run(cypher('queries/edit-relationship-state'), { id })).records[0]?.toObject();
      if (!found) throw new NotFoundError('relationship', id);
      const ends = await tx.run(cypher('queries/entities-by-id'), { ids: [found.source, found.target] });
      const byId = new Map(ends.records.map((r) => toGraphNode(r.get('node') as Row)).map((n) => [n.id, n]));
      const ref = (endId: string) => {
        const node = byId.get(endId);
        if (!node) throw new NotFoundError('entity', endId);
        return { id: node.id, kind: node.kind, name: node.name };
      };
      const relationship = toGraphEdge({
        ...(found.properties as Row),
        type: found.type,
        source: found.source,
        target: found.target,
      });
      return { relationship, source: ref(found.source as string), target: ref(found.target as string) };
    });
  }

  /**
   * Breadth-first in one query (cypher/queries/neighborhood.cypher), so `limit` keeps the nearest
   * entities and depth 3 on a hub never enumerates every path. Edges are those among the entities returned.
   */
  async neighborhood(id: string, options: NeighborhoodOptions): Promise<GraphResponse> {
    return this.read(async (tx) => {
      const result = await tx.run(cypher('queries/neighborhood'), {
        id,
        depth: int(options.depth),
        limit: int(options.limit),
        types: options.types ?? [],
      });
      const record = result.records[0];
      if (!record) throw new NotFoundError('entity', id);
      return {
        nodes: (record.get('nodes') as Row[]).map(toGraphNode),
        edges: (record.get('edges') as Row[]).map(toGraphEdge),
        truncated: record.get('truncated') as boolean,
      };
    });
  }

  async paths(options: PathOptions): Promise<PathsResponse> {
    const types = options.types?.length ? options.types : SUBSTANTIVE_TYPES;
    return this.read(async (tx) => {
      const result = await tx.run(cypher('queries/shortest-paths'), {
        from: options.from,
        to: options.to,
        types,
        maxHops: int(options.maxHops),
      });
      const record = result.records[0]!;
      if (!record.get('fromFound')) throw new NotFoundError('entity', options.from);
      if (!record.get('toFound')) throw new NotFoundError('entity', options.to);
      const nodes = new Map<string, GraphNode>();
      const edges = new Map<string, GraphEdge>();
      const paths = (record.get('paths') as { nodes: Row[]; edges: Row[] }[]).map((path) => {
        const pathNodes = path.nodes.map(toGraphNode);
        const pathEdges = path.edges.map(toGraphEdge);
        for (const n of pathNodes) nodes.set(n.id, n);
        for (const e of pathEdges) edges.set(e.id, e);
        return { nodeIds: pathNodes.map((n) => n.id), edgeIds: pathEdges.map((e) => e.id) };
      });
      return { paths, nodes: [...nodes.values()], edges: [...edges.values()] };
    });
  }
}
