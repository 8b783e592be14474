/**
 * What every export is made from: the snapshot (its frozen content), the moment of export, and the
 * helpers several formats share: the entities including the cited Documents, citation numbering for
 * footnotes, flat attribute tables for the graph formats, and the line that names the snapshot.
 */
import type { Citation, Entity, PictureLanguage, PictureSize, Relationship, Snapshot } from '../../../schemas/index.js';

export interface ExportInput {
  snapshot: Snapshot;
  exportedAt: Date;
  /** Pictures only: the size (default `map`, the map's aspect ratio) and the reader's language (default `en`). */
  picture?: { size?: PictureSize; width?: number | undefined; height?: number | undefined; lang?: PictureLanguage } | undefined;
}

/** Entities on the map plus the Documents they cite, by id. */
export function allEntities(snapshot: Snapshot): Entity[] {
  return [...snapshot.content.entities, ...snapshot.content.documents];
}

export function documentsById(snapshot: Snapshot): Map<string, Entity> {
  return new Map(
    allEntities(snapshot)
      .filter((e) => e.kind === 'Document')
      .map((e) => [e.id, e]),
  );
}

/** "Title (version 2, published pub-…), exported 2026-11-28T13:00:00.000Z from Interlock" */
export function provenanceLine({ snapshot, exportedAt }: ExportInput): string {
  const state = snapshot.published ? `published ${snapshot.id}` : `draft ${snapshot.id}`;
  return `${snapshot.content.title} (version ${snapshot.version}, ${state}), exported ${exportedAt.toISOString()} from Interlock`;
}

export interface Footnote {
  readonly number: number;
  readonly citation: Citation;
  readonly document: Entity | undefined;
}

/**
 * Numbers every distinct citation (document, locator, quote) once, relationships first in id order and
 * then entities, so a picture's markers and its list of sources agree.
 */
export function footnotes(snapshot: Snapshot): {
  notes: Footnote[];
  numbersOf(fact: { citations: readonly Citation[] }): number[];
} {
  const docs = documentsById(snapshot);
  const numbers = new Map<string, number>();
  const notes: Footnote[] = [];
  const key = (c: Citation) => `${c.documentId}\u0000${c.locator}\u0000${c.quote}`;
  const facts: { citations: readonly Citation[] }[] = [...snapshot.content.relationships, ...snapshot.content.entities];
  for (const fact of facts) {
    for (const citation of fact.citations) {
      if (numbers.has(key(citation))) continue;
      const number = notes.length + 1;
      numbers.set(key(citation), number);
      notes.push({ number, citation, document: docs.get(citation.documentId) });
    }
  }
  return {
    notes,
    numbersOf: (fact) => [...new Set(fact.citations.map((c) => numbers.get(key(c)) ?? 0))].filter((n) => n > 0),
  };
}

/** A document as a reader names it: its title, publisher and date where known. */
export function documentLabel(document: Entity | undefined, fallbackId: string): string {
  if (!document) return fallbackId;
  const title = document.kind === 'Document' ? document.title : document.name;
  const extra = document.kind === 'Document' ? [document.publisher, document.publishedOn].filter(Boolean).join(', ') : '';
  return extra ? `${title} (${extra})` : title;
}

export type AttributeType = 'string' | 'boolean' | 'double';

export interface AttributeColumn {
  readonly name: string;
  readonly type: AttributeType;
}

/**
 * An entity or relationship as flat attributes for GraphML and GEXF: lists joined with " | ", citations
 * kept as JSON text (exact) plus a count. Structure (id, type, source, target) is left to the format.
 */
export function flatten(fact: Entity | Relationship): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(fact)) {
    if (value === undefined || value === null || ['id', 'source', 'target', 'citations'].includes(key)) continue;
    if (Array.isArray(value)) {
      // Identifiers read as "lei: 5493…"; plain lists as they are.
      const items = value.map((v) =>
        typeof v === 'object' && v !== null && 'scheme' in v
          ? `${String(v.scheme)}: ${String((v as { value: unknown }).value)}`
          : String(v),
      );
      if (items.length > 0) flat[key] = items.join(' | ');
    } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') flat[key] = value;
    // A map of words per language (`roleTranslations`): one attribute per language, `roleTranslations.es`.
    else if (typeof value === 'object')
      for (const [language, text] of Object.entries(value as Record<string, unknown>))
        if (typeof text === 'string') flat[`${key}.${language}`] = text;
  }
  flat.citationCount = fact.citations.length;
  flat.citations = JSON.stringify(fact.citations);
  return flat;
}

/** The columns used by a set of flattened rows, each with one type (text where values disagree). */
export function columnsOf(rows: readonly Record<string, string | number | boolean>[]): AttributeColumn[] {
  const types = new Map<string, Set<string>>();
  for (const row of rows) for (const [k, v] of Object.entries(row)) types.set(k, (types.get(k) ?? new Set()).add(typeof v));
  return [...types.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, seen]) => ({
      name,
      type: seen.size === 1 && seen.has('boolean') ? 'boolean' : seen.size === 1 && seen.has('number') ? 'double' : 'string',
    }));
}

/** A file name from the title: `colorado-board-v2`. */
export function fileBaseName(snapshot: Snapshot): string {
  const slug = snapshot.content.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'snapshot'}-v${snapshot.version}`;
}
