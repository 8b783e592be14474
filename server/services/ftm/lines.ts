/**
 * FollowTheMoney JSON lines (`entities.ftm.json`, as OpenSanctions and Aleph publish them): one entity
 * per line, `{id, schema, properties: {name: [...]}, caption?}`. Other top-level keys (`datasets`,
 * `referents`, `first_seen`...) are the publisher's bookkeeping and are not read. Pure.
 */
import type { ImportProblem } from '../../../schemas/index.js';
import { isA, propertiesOf, schemaOf } from './model.js';
import { readNotes } from './notes.js';

export interface FtmRecord {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  /** 1-based line of the first fragment (the one cited). */
  line: number;
}

/**
 * Splits JSON lines into records. Lines with the same id are fragments of one entity (FtM's own rule):
 * their values are merged, the more specific schema kept (LegalEntity and Company make a Company), and
 * counted in `merged`; the first line stays the one cited.
 */
export function parseFtmLines(text: string): { records: FtmRecord[]; problems: ImportProblem[]; merged: number } {
  const byId = new Map<string, FtmRecord>();
  const problems: ImportProblem[] = [];
  let merged = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, field: '(line)', message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const record = asRecord(value, line, problems);
    if (!record) return;
    const earlier = byId.get(record.id);
    if (!earlier) {
      byId.set(record.id, record);
      return;
    }
    merged += 1;
    if (record.schema !== earlier.schema) {
      if (isA(record.schema, earlier.schema)) earlier.schema = record.schema;
      else if (!isA(earlier.schema, record.schema))
        problems.push({
          line,
          field: 'schema',
          message: `${record.id} is a ${earlier.schema} on line ${earlier.line} and a ${record.schema} here; FtM cannot merge the two`,
        });
    }
    for (const [key, values] of Object.entries(record.properties)) {
      earlier.properties[key] = [...new Set([...(earlier.properties[key] ?? []), ...values])];
    }
    earlier.caption ??= record.caption;
  });
  return { records: [...byId.values()], problems, merged };
}

function asRecord(value: unknown, line: number, problems: ImportProblem[]): FtmRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ line, field: '(line)', message: 'expected a JSON object' });
    return undefined;
  }
  const { id, schema, properties, caption } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') problems.push({ line, field: 'id', message: 'missing id' });
  if (typeof schema !== 'string' || schema === '') problems.push({ line, field: 'schema', message: 'missing schema' });
  if (properties !== undefined && (typeof properties !== 'object' || properties === null || Array.isArray(properties))) {
    problems.push({ line, field: 'properties', message: 'expected an object of lists' });
    return undefined;
  }
  if (typeof id !== 'string' || id === '' || typeof schema !== 'string' || schema === '') return undefined;
  const props: Record<string, string[]> = {};
  for (const [key, v] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    const list = Array.isArray(v) ? v : [v];
    // Nested entities (yente's `nested` form) stand for their id.
    props[key] = list
      .map((x) => (typeof x === 'object' && x !== null && 'id' in x ? (x as { id: unknown }).id : x))
      .filter((x) => x !== null && x !== undefined && String(x).trim() !== '')
      .map((x) => String(x).trim());
  }
  return { id, schema, properties: props, ...(typeof caption === 'string' && caption !== '' ? { caption } : {}), line };
}

/**
 * FtM ids the records refer to but do not define: values of entity-typed properties, the documents
 * our own exports cite and the ids in their annotations. The reader looks these up in the database.
 */
export function ftmReferences(records: readonly FtmRecord[]): string[] {
  const defined = new Set(records.map((r) => r.id));
  const refs = new Set<string>();
  for (const r of records) {
    if (!schemaOf(r.schema)) continue;
    const props = propertiesOf(r.schema);
    for (const [key, values] of Object.entries(r.properties)) {
      if (props.get(key)?.type === 'entity') for (const v of values) refs.add(v);
    }
    const notes = readNotes(r.properties.summary ?? []);
    for (const c of notes.citations) refs.add(c.document);
    for (const key of ['counterpartyIds', 'onBehalfOf', 'authority'])
      for (const v of [notes.annotation[key]].flat()) if (typeof v === 'string') refs.add(v);
  }
  return [...refs].filter((id) => !defined.has(id));
}
