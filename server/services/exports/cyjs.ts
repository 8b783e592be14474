/**
 * Cytoscape.js JSON (also what Cytoscape desktop opens as `.cyjs`): elements with every property and
 * the citations in `data`, the map positions in `position`, and the snapshot named in the graph `data`.
 */
import { allEntities, provenanceLine, type ExportInput } from './context.js';

export function renderCyjs(input: ExportInput): string {
  const { snapshot, exportedAt } = input;
  const { content } = snapshot;
  const document = {
    format_version: '1.0',
    generated_by: 'Interlock',
    target_cytoscapejs_version: '~3',
    data: {
      name: content.title,
      description: content.description,
      snapshot: snapshot.id,
      version: snapshot.version,
      published: snapshot.published,
      exportedAt: exportedAt.toISOString(),
      about: provenanceLine(input),
      steps: content.steps,
    },
    elements: {
      nodes: allEntities(snapshot).map((entity) => ({
        data: { ...entity, label: entity.name },
        ...(content.positions[entity.id] ? { position: content.positions[entity.id] } : {}),
        classes: `kind-${entity.kind}`,
      })),
      edges: content.relationships.map((rel) => ({ data: { ...rel, label: rel.type }, classes: `type-${rel.type}` })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
