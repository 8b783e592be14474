/** What an audit entry changed, in lines a reader can scan. Pure. */
import type { AuditChange, AuditEntry } from '../../../../schemas/index.js';

export interface FieldChange {
  readonly field: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

export interface ChangeLine {
  readonly id: string;
  /** The ends of a relationship (ids), to name it "A → B". */
  readonly source?: string | undefined;
  readonly target?: string | undefined;
  /** The entity's name as the change recorded it (after, else before). */
  readonly name?: string | undefined;
  readonly what: AuditChange['what'];
  readonly op: AuditChange['op'];
  /** Relationship type or entity kind. */
  readonly label: string | undefined;
  readonly fields: readonly FieldChange[];
}

const CITATION_LISTS = ['citationDocumentIds', 'citationLocators', 'citationQuotes'];
/** A role's translations are stored as two parallel lists; History shows one line per language. */
const TRANSLATION_LISTS = ['roleTranslationLanguages', 'roleTranslationTexts'];

/** Actions a person may undo from the history (imports are corrected by importing again). */
export const UNDOABLE = new Set(['create', 'update', 'delete', 'merge', 'undo']);

export function changeLines(entry: AuditEntry): ChangeLine[] {
  return (entry.changes ?? []).map((c) => ({
    id: c.id,
    source: c.source,
    target: c.target,
    name: typeof c.after?.name === 'string' ? c.after.name : typeof c.before?.name === 'string' ? c.before.name : undefined,
    what: c.what,
    op: c.op,
    label: c.what === 'relationship' ? c.type : c.kind,
    fields: c.op === 'updated' ? fieldChanges(c.before ?? {}, c.after ?? {}) : [],
  }));
}

/** The properties that differ, citations shown as one "sources" line with their count. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !CITATION_LISTS.includes(k) && !TRANSLATION_LISTS.includes(k))
    .sort();
  const changes: FieldChange[] = keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ field: key, before: shown(before[key]), after: shown(after[key]) }));
  const sources = (props: Record<string, unknown>) =>
    Array.isArray(props.citationDocumentIds) ? props.citationDocumentIds.length : 0;
  const quotes = (props: Record<string, unknown>) => JSON.stringify(CITATION_LISTS.map((k) => props[k]));
  const translations = (props: Record<string, unknown>) => {
    const languages = Array.isArray(props.roleTranslationLanguages) ? props.roleTranslationLanguages.map(String) : [];
    const texts = Array.isArray(props.roleTranslationTexts) ? props.roleTranslationTexts.map(String) : [];
    return new Map(languages.map((language, i) => [language, texts[i]]));
  };
  const [was, is] = [translations(before), translations(after)];
  for (const language of [...new Set([...was.keys(), ...is.keys()])].sort())
    if (was.get(language) !== is.get(language))
      changes.push({ field: `roleTranslations.${language}`, before: was.get(language), after: is.get(language) });
  if (quotes(before) !== quotes(after))
    changes.push({ field: 'sources', before: String(sources(before)), after: String(sources(after)) });
  return changes;
}

/** How a change came in, in words rather than an HTTP route (the route stays in the audit trail). */
export type ChangeSource = 'page' | 'import' | 'cli' | 'seed' | 'system';

export function changeSource(route: string): ChangeSource | undefined {
  if (route.startsWith('cli')) return 'cli';
  if (/\bseed\b/.test(route)) return 'seed';
  if (route.startsWith('system') || /recovery|rollback/.test(route)) return 'system';
  if (/\/api\/import\b/.test(route)) return 'import';
  if (/^(POST|PUT|PATCH|DELETE) \/api\//.test(route)) return 'page';
  return undefined;
}

/**
 * Names for the ids an entry mentions: what the caller knows (the canvas), then the names the entry's
 * own entity changes recorded; an id only when nothing names it.
 */
export function namer(entry: AuditEntry, known: (id: string) => string | undefined): (id: string) => string {
  const recorded = new Map(
    changeLines(entry)
      .filter((l) => l.what === 'entity' && l.name)
      .map((l) => [l.id, l.name as string] as const),
  );
  return (id) => known(id) ?? recorded.get(id) ?? id;
}

function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
