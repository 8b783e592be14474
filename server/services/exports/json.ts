/**
 * Our own format, `interlock/1`: the entities on the map, the Documents they cite and the
 * relationships, so the file imports as-is into another Interlock (`POST /api/import`) with every
 * citation resolvable. The snapshot, its version and the export date are named in title and description.
 */
import { INTERLOCK_FORMAT, type InterlockFile } from '../../../schemas/index.js';
import { allEntities, provenanceLine, type ExportInput } from './context.js';

export function toInterlockFile(input: ExportInput): InterlockFile {
  const { content } = input.snapshot;
  return {
    format: INTERLOCK_FORMAT,
    title: content.title,
    description: [content.description, provenanceLine(input)].filter(Boolean).join('\n\n').slice(0, 4000),
    entities: allEntities(input.snapshot),
    relationships: content.relationships,
  };
}

export function renderJson(input: ExportInput): string {
  return `${JSON.stringify(toInterlockFile(input), null, 2)}\n`;
}
