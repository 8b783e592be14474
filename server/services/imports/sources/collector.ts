/**
 * What the readers of public sources (LittleSis, OCDS, USAspending) share: collecting entities and
 * relationships with the record they came from, one row per id (a party named in many records is one
 * entity, its names and identifiers gathered), dates as sources write them turned into ours, and
 * citations cut to what the schema takes. The result is a `MappedImport` the usual validation and
 * writes take from there.
 */
import type { ImportProblem, ImportWarning } from '../../../../schemas/index.js';
import { clip } from '../ids.js';
import { MAX_WARNINGS, type MappedImport, type Origin } from '../mapped-import.js';

type Value = Record<string, unknown>;

export interface Citation {
  documentId: string;
  locator: string;
  quote: string;
}

export function citation(documentId: string, locator: string, quote: string): Citation {
  return { documentId, locator: clip(locator, 200), quote: clip(quote.trim() || locator, 1000) };
}

/**
 * A date as sources write it, as ours (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): LittleSis writes unknown
 * parts as `00` (`2010-05-00`), OCDS and USAspending full timestamps. Anything else is no date.
 */
export function partialDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const [year, month, day] = [m[1], m[2], m[3]];
  if (!month || month === '00') return year;
  if (Number(month) > 12) return year;
  if (!day || day === '00') return `${year}-${month}`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= last ? `${year}-${month}-${day}` : `${year}-${month}`;
}

/** A money amount as a non-negative number, or undefined (sources write numbers and strings). */
export function amountOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** A string worth keeping: trimmed, non-empty. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : t;
}

export class FactCollector {
  private readonly entities = new Map<
    string,
    { value: Value; origin: Origin; seen?: { names: Set<string>; identifiers: Set<string>; citations: Set<string> } }
  >();
  private readonly relationships = new Map<string, { value: Value; origin: Origin }>();
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportWarning[] = [];
  skipped = 0;

  constructor(private readonly fileName: string) {}

  /**
   * Adds an entity, or gathers into the one already collected under its id: names it did not have
   * become aliases, identifiers and citations are added once, fields it lacked are taken.
   */
  entity(value: Value, line: number | undefined): void {
    const id = String(value.id);
    const known = this.entities.get(id);
    if (!known) {
      this.entities.set(id, { value: { aliases: [], ...value }, origin: this.origin(line) });
      return;
    }
    // A party named in many records (an agency on every row): gathered, with what was already seen kept
    // in sets so each record costs the same however often the entity came before.
    const merged = known.value;
    const seen = (known.seen ??= {
      names: new Set([String(merged.name), ...(merged.aliases as string[])]),
      identifiers: new Set(asList(merged.identifiers).map(identifierKeyOf)),
      citations: new Set(asList(merged.citations).map((c) => JSON.stringify(c))),
    });
    for (const [key, v] of Object.entries(value)) if (merged[key] === undefined && v !== undefined) merged[key] = v;
    for (const name of [value.name, ...asList(value.aliases)]) {
      if (typeof name !== 'string' || seen.names.has(name) || (merged.aliases as string[]).length >= 100) continue;
      seen.names.add(name);
      (merged.aliases as string[]).push(name);
    }
    for (const identifier of asList(value.identifiers)) {
      const key = identifierKeyOf(identifier);
      if (seen.identifiers.has(key)) continue;
      seen.identifiers.add(key);
      merged.identifiers = [...asList(merged.identifiers), identifier];
    }
    for (const c of asList(value.citations)) {
      if (seen.citations.size >= MAX_CITATIONS_PER_ENTITY) break;
      const key = JSON.stringify(c);
      if (seen.citations.has(key)) continue;
      seen.citations.add(key);
      (merged.citations as unknown[]).push(c);
    }
  }

  /** Replaces the entity collected under this id (a later release of the same contract wins). */
  replaceEntity(value: Value, line: number | undefined): void {
    this.entities.set(String(value.id), { value: { aliases: [], ...value }, origin: this.origin(line) });
  }

  hasEntity(id: string): boolean {
    return this.entities.has(id);
  }

  kindOf(id: string): string | undefined {
    return this.entities.get(id)?.value.kind as string | undefined;
  }

  /** Adds a relationship; a later one with the same id replaces it (the latest release wins). */
  relationship(value: Value, line: number | undefined): void {
    this.relationships.set(String(value.id), { value, origin: this.origin(line) });
  }

  deleteRelationship(id: string): void {
    this.relationships.delete(id);
  }

  warn(message: string, line?: number): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ ...(line ? { line } : {}), message });
  }

  problem(problem: ImportProblem): void {
    this.problems.push(problem);
  }

  result(documentId: string | null): MappedImport {
    const entities = [...this.entities.values()];
    const relationships = [...this.relationships.values()];
    return {
      file: {
        format: 'interlock/1',
        entities: entities.map((e) => withoutEmpty(e.value)),
        relationships: relationships.map((r) => withoutEmpty(r.value)),
      },
      origins: { entities: entities.map((e) => e.origin), relationships: relationships.map((r) => r.origin) },
      problems: this.problems,
      documentId,
      merged: { entities: 0, relationships: 0 },
      skipped: this.skipped,
      warnings: this.warnings,
      unmapped: [],
    };
  }

  private origin(line: number | undefined): Origin {
    return line === undefined ? { file: this.fileName } : { file: this.fileName, line };
  }
}

/**
 * Citations kept for an entity named in many records: the first ones are enough to find it in the
 * source, and an agency on every row of a large file would otherwise carry thousands.
 */
const MAX_CITATIONS_PER_ENTITY = 10;

function identifierKeyOf(identifier: unknown): string {
  const i = identifier as Value;
  return `${String(i.scheme)}\u0000${String(i.value)}`;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Drops undefined fields and empty identifier lists (the schema takes absent, not empty, where it can). */
function withoutEmpty(value: Value): Value {
  const result: Value = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (key === 'identifiers' && Array.isArray(v) && v.length === 0) continue;
    result[key] = v;
  }
  return result;
}
