/**
 * A Cypher script that recreates the subgraph in any Neo4j 5: one statement per line, no parameters,
 * every value a literal (strings escaped for Cypher), labels and types only from our allowlist. MERGE on
 * ids, so running it twice changes nothing; citations stored as the parallel lists of ADR 0002.
 */
import { ENTITY_KINDS, RELATIONSHIP_TYPES, type Entity, type Relationship } from '../../../schemas/index.js';
import { entityToStored, relationshipToStored } from '../../db/mapping.js';
import { allEntities, provenanceLine, type ExportInput } from './context.js';

/** A Cypher string literal: backslash, quotes and every control character escaped. */
export function cypherString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a snapshot holds only finite numbers');
    return Number.isInteger(value) ? `${value}.0` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  throw new Error(`no Cypher literal for ${typeof value}`);
}

function map(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    // Keys are our schema's field names; backquotes keep any of them a valid identifier.
    .map(([k, v]) => `\`${k.replace(/`/g, '``')}\`: ${literal(v)}`);
  return `{${entries.join(', ')}}`;
}

/** A comment line cannot hold a line break: it would end the comment and start a statement. */
function comment(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;
}

function entityStatement(entity: Entity): string {
  if (!ENTITY_KINDS.includes(entity.kind)) throw new Error(`unknown kind ${entity.kind}`);
  const { kind, properties } = entityToStored(entity);
  return `MERGE (n:Entity {id: ${cypherString(entity.id)}}) SET n:${kind}, n += ${map(properties)};`;
}

function relationshipStatement(rel: Relationship): string {
  if (!RELATIONSHIP_TYPES.includes(rel.type)) throw new Error(`unknown type ${rel.type}`);
  const { type, source, target, properties } = relationshipToStored(rel);
  return (
    `MATCH (a:Entity {id: ${cypherString(source)}}), (b:Entity {id: ${cypherString(target)}}) ` +
    `MERGE (a)-[r:${type} {id: ${cypherString(rel.id)}}]->(b) SET r += ${map(properties)};`
  );
}

export function renderCypher(input: ExportInput): string {
  const { snapshot } = input;
  return [
    comment(provenanceLine(input)),
    comment(
      `Recreates ${snapshot.content.entities.length} entities, ${snapshot.content.documents.length} cited documents and ${snapshot.content.relationships.length} relationships.`,
    ),
    comment('Run in cypher-shell or Neo4j Browser; safe to run twice (MERGE on ids).'),
    'CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
    ...allEntities(snapshot).map(entityStatement),
    ...snapshot.content.relationships.map(relationshipStatement),
    '',
  ].join('\n');
}
