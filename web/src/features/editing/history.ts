/** What an audit entry changed, in lines a reader can scan. Pure. */
import type { AuditChange, AuditEntry } from '../../../../schemas/index.js';

export interface FieldChange {
  readonly field: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

export interface ChangeLine {
  readonly id: string;
  readonly what: AuditChange['what'];
  readonly op: AuditChange['op'];
  /** Relationship type or entity kind. */
  readonly label: string | undefined;
  readonly fields: readonly FieldChange[];
}

const CITATION_LISTS = ['citationDocumentIds', 'citationLocators', 'citationQuotes'];

/** Actions a person may undo from the history (imports are corrected by importing again). */
export const UNDOABLE = new Set(['create', 'update', 'delete', 'merge', 'undo']);

export function changeLines(entry: AuditEntry): ChangeLine[] {
  return (entry.changes ?? []).map((c) => ({
    id: c.id,
    what: c.what,
    op: c.op,
    label: c.what === 'relationship' ? c.type : c.kind,
    fields: c.op === 'updated' ? fieldChanges(c.before ?? {}, c.after ?? {}) : [],
  }));
}

/** The properties that differ, citations shown as one "sources" line with their count. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !CITATION_LISTS.includes(k)).sort();
  const changes: FieldChange[] = keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ field: key, before: shown(before[key]), after: shown(after[key]) }));
  const sources = (props: Record<string, unknown>) =>
    Array.isArray(props.citationDocumentIds) ? props.citationDocumentIds.length : 0;
  const quotes = (props: Record<string, unknown>) => JSON.stringify(CITATION_LISTS.map((k) => props[k]));
  if (quotes(before) !== quotes(after))
    changes.push({ field: 'sources', before: String(sources(before)), after: String(sources(after)) });
  return changes;
}

function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
