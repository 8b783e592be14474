/**
 * Freezing a snapshot: the entities and relationships named by the request are read from the graph
 * (never taken from the request, so a snapshot can only show facts the graph holds, with their real
 * citations), together with every Document they cite, and checked for consistency: every id known,
 * every relationship's ends on the map, every step and position about an element of the map.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import {
  DocumentEntity,
  Entity,
  Relationship,
  type CreateSnapshot,
  type SnapshotContent,
  type SnapshotFilters,
  type SnapshotStep,
} from '../../../schemas/index.js';
import { CreateSnapshot as CreateSnapshotSchema } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { toGraphEdge, toGraphNode } from '../../db/mapping.js';
import { SnapshotRequestError } from './errors.js';
import { completePositions } from './layout.js';

type Row = Record<string, unknown>;
type Input = ReturnType<typeof CreateSnapshotSchema.parse>;

export async function freezeContent(tx: ManagedTransaction, request: CreateSnapshot | Input): Promise<SnapshotContent> {
  const input = CreateSnapshotSchema.parse(request);
  const nodeIds = unique(input.nodeIds);
  const edgeIds = unique(input.edgeIds);

  const entities = (await readEntities(tx, nodeIds)).map((row) => Entity.parse(toGraphNode(row)));
  const found = new Set(entities.map((e) => e.id));
  nodeIds.forEach((id, i) => {
    if (!found.has(id))
      throw new SnapshotRequestError(400, 'unknown_entity', `nodeIds.${i}: no entity with id "${id}"`, `nodeIds.${i}`);
  });

  const induced = await tx.run(cypher('queries/induced-edges'), { ids: nodeIds, types: [] });
  const byId = new Map(induced.records.map((r) => [String((r.get('edge') as Row).id), r.get('edge') as Row]));
  const relationships = edgeIds.map((id, i) => {
    const row = byId.get(id);
    if (!row)
      throw new SnapshotRequestError(
        400,
        'unknown_relationship',
        `edgeIds.${i}: no relationship "${id}" between two entities of nodeIds`,
        `edgeIds.${i}`,
      );
    return Relationship.parse(toGraphEdge(row));
  });

  const cited = new Set<string>();
  for (const fact of [...entities, ...relationships]) for (const c of fact.citations) cited.add(c.documentId);
  const missingDocs = [...cited].filter((id) => !found.has(id)).sort();
  const documents = (await readEntities(tx, missingDocs))
    .map((row) => toGraphNode(row))
    .filter((node) => node.kind === 'Document')
    .map((node) => DocumentEntity.parse(node));

  checkSteps(input.steps, new Set(nodeIds), new Set(edgeIds));
  checkOnMap(Object.keys(input.positions ?? {}), found, (key) => `positions.${key}`);
  checkOnMap(input.pinned ?? [], found, (_id, i) => `pinned.${i}`);
  const pinned = unique(input.pinned ?? []).sort();

  return {
    title: input.title,
    description: input.description,
    entities: entities.sort(byIdOrder),
    relationships: relationships.sort(byIdOrder),
    documents: documents.sort(byIdOrder),
    positions: completePositions(nodeIds, input.positions ?? {}),
    ...(input.filters ? { filters: normaliseFilters(input.filters) } : {}),
    ...(input.asOf ? { asOf: input.asOf } : {}),
    steps: input.steps,
    // Only when there are pins, so the content (and the published id) of a map without any stays as it was.
    ...(pinned.length > 0 ? { pinned } : {}),
  };
}

function checkOnMap(ids: readonly string[], map: ReadonlySet<string>, field: (id: string, i: number) => string): void {
  ids.forEach((id, i) => {
    if (!map.has(id))
      throw new SnapshotRequestError(400, 'invalid_snapshot', `${field(id, i)}: "${id}" is not on the map`, field(id, i));
  });
}

async function readEntities(tx: ManagedTransaction, ids: readonly string[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(cypher('queries/snapshot-entities'), { ids });
  return result.records.map((r) => r.get('node') as Row);
}

function checkSteps(steps: readonly SnapshotStep[], nodes: ReadonlySet<string>, edges: ReadonlySet<string>): void {
  steps.forEach((step, s) => {
    step.nodeIds.forEach((id, i) => {
      if (!nodes.has(id))
        throw new SnapshotRequestError(
          400,
          'invalid_snapshot',
          `steps.${s}.nodeIds.${i}: "${id}" is not on the map`,
          `steps.${s}.nodeIds.${i}`,
        );
    });
    checkOnMap(Object.keys(step.positions ?? {}), nodes, (key) => `steps.${s}.positions.${key}`);
    step.edgeIds.forEach((id, i) => {
      if (!edges.has(id))
        throw new SnapshotRequestError(
          400,
          'invalid_snapshot',
          `steps.${s}.edgeIds.${i}: "${id}" is not on the map`,
          `steps.${s}.edgeIds.${i}`,
        );
    });
  });
}

/** Sorted lists: the same filters always freeze (and hash) the same way. */
function normaliseFilters(filters: SnapshotFilters): SnapshotFilters {
  return {
    ...filters,
    hiddenKinds: [...filters.hiddenKinds].sort(),
    hiddenCategories: [...filters.hiddenCategories].sort(),
    hiddenTypes: [...filters.hiddenTypes].sort(),
    hiddenStatuses: [...filters.hiddenStatuses].sort(),
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function byIdOrder(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
