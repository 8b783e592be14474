/**
 * Pure view logic for showing a snapshot: its frozen content as a view graph, the highlight of a story
 * step, the documents its citations point to. No React, no Cytoscape.
 */
import type { Entity, Snapshot, SnapshotStep } from '../../../../schemas/index.js';
import type { Highlight, ViewGraph } from '../../model/index.js';

export function viewOf(snapshot: Snapshot): ViewGraph {
  return {
    nodes: new Map(snapshot.content.entities.map((e) => [e.id, e])),
    edges: new Map(snapshot.content.relationships.map((r) => [r.id, r])),
  };
}

const NOTHING: Highlight = { nodeIds: new Set(), edgeIds: new Set() };

/** What a step lights up; a step that names only links lights up their ends too. */
export function stepHighlight(step: SnapshotStep | undefined, view: ViewGraph): Highlight {
  if (!step) return NOTHING;
  const nodeIds = new Set(step.nodeIds);
  for (const id of step.edgeIds) {
    const edge = view.edges.get(id);
    if (edge) nodeIds.add(edge.source).add(edge.target);
  }
  return { nodeIds, edgeIds: new Set(step.edgeIds) };
}

export function documentsOf(snapshot: Snapshot): ReadonlyMap<string, Entity> {
  return new Map(
    [...snapshot.content.entities, ...snapshot.content.documents].filter((e) => e.kind === 'Document').map((e) => [e.id, e]),
  );
}

/** The title of the Document a citation points to, or its id when the snapshot does not hold it. */
export function documentTitle(documents: ReadonlyMap<string, Entity>, id: string): string {
  const doc = documents.get(id);
  return doc?.kind === 'Document' ? doc.title : (doc?.name ?? id);
}

/** The sources of the whole map: each document once, with how many facts cite it. */
export function sourceList(snapshot: Snapshot): { id: string; title: string; url?: string | undefined; count: number }[] {
  const documents = documentsOf(snapshot);
  const counts = new Map<string, number>();
  for (const fact of [...snapshot.content.entities, ...snapshot.content.relationships])
    for (const id of new Set(fact.citations.map((c) => c.documentId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, count]) => {
      const doc = documents.get(id);
      return { id, title: documentTitle(documents, id), url: doc?.kind === 'Document' ? doc.url : undefined, count };
    });
}
