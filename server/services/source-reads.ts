/**
 * Reads that treat sources as first-class and let a link load its canvas in one request: everything
 * sourced to a document, and a batch of entities with the relationships among them. Kept apart from
 * the graph repository so each stays about one kind of question; the same conventions hold (one read
 * transaction function per call, records mapped to the API's plain shapes, integers wrapped with int()).
 */
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Citation, DocumentFactsResponse, EntityBatchResponse, GraphEdge, GraphNode } from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';
import { toGraphEdge, toGraphNode } from '../db/mapping.js';
import { NotFoundError } from './graph-repository.js';
import { readTransaction } from '../db/transactions.js';

type Row = Record<string, unknown>;

export class SourceReads {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  private read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return readTransaction(this.driver, this.database, work);
  }

  /** The relationships citing a document, each with the quotes from that document, and their ends. */
  async documentFacts(id: string, limit: number): Promise<DocumentFactsResponse> {
    return this.read(async (tx) => {
      const found = await tx.run(cypher('queries/entity-node'), { id });
      const row = found.records[0]?.get('node') as Row | undefined;
      const document = row ? toGraphNode(row) : undefined;
      if (!document || document.kind !== 'Document') throw new NotFoundError('document', id);

      // One more than asked for tells whether the limit cut the list.
      const result = await tx.run(cypher('queries/document-facts'), { id, limit: int(limit + 1) });
      const records = result.records.slice(0, limit);
      const nodes = new Map<string, GraphNode>();
      const facts = records.map((record) => {
        for (const key of ['source', 'target']) {
          const node = toGraphNode(record.get(key) as Row);
          nodes.set(node.id, node);
        }
        const edge = toGraphEdge(record.get('edge') as Row);
        return { edge, citations: edge.citations.filter((c) => c.documentId === id) };
      });
      facts.sort((a, b) => compareLocators(a.citations, b.citations) || a.edge.id.localeCompare(b.edge.id));
      return { document, facts, nodes: [...nodes.values()], truncated: result.records.length > limit };
    });
  }

  /** The named entities that exist, every relationship between two of them, and the ids that do not. */
  async entities(ids: readonly string[]): Promise<EntityBatchResponse> {
    return this.read(async (tx) => {
      const result = await tx.run(cypher('queries/entities-by-id'), { ids });
      const byId = new Map(result.records.map((r) => toGraphNode(r.get('node') as Row)).map((n) => [n.id, n]));
      const nodes = ids.map((id) => byId.get(id)).filter((n): n is GraphNode => n !== undefined);
      const missing = ids.filter((id) => !byId.has(id));
      const edgeResult = await tx.run(cypher('queries/induced-edges'), { ids: nodes.map((n) => n.id), types: [] });
      const edges: GraphEdge[] = edgeResult.records.map((r) => toGraphEdge(r.get('edge') as Row));
      return { nodes, edges, missing };
    });
  }
}

/** "line 9" before "line 24": locators compare as text with their numbers read as numbers. */
function compareLocators(a: readonly Citation[], b: readonly Citation[]): number {
  return (a[0]?.locator ?? '').localeCompare(b[0]?.locator ?? '', 'en', { numeric: true });
}
