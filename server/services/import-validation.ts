/**
 * Checks an Interlock file before anything is written: shapes (zod), unique ids, relationship ends that
 * exist (in the file or already in the database) with kinds the relationship type allows, and citations
 * that point to Documents. Returns every problem, each with where it is and why, so a person can fix a
 * file in one pass.
 */
import {
  InterlockFile,
  isAllowedEndpoint,
  type EntityKind,
  type ImportProblem,
  type InterlockFile as InterlockFileType,
} from '../../schemas/index.js';

export type { ImportProblem };

/** An import refused before anything was written; `problems` names every one (field, and line where known). */
export class ImportValidationError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const first = problems[0];
    super(
      `The import has ${problems.length} problem(s); nothing was written. First: ${first?.line ? `line ${first.line}, ` : ''}${first?.field}: ${first?.message}`,
    );
  }
}

export type ParseResult = { ok: true; file: InterlockFileType } | { ok: false; problems: ImportProblem[] };

export function parseInterlockFile(input: unknown): ParseResult {
  const parsed = InterlockFile.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(file)', message: issue.message })),
    };
  }
  return { ok: true, file: parsed.data };
}

/** Ids the file refers to but does not define: look these up in the database. */
export function externalReferences(file: InterlockFileType): string[] {
  const defined = new Set(file.entities.map((e) => e.id));
  const referenced = new Set<string>();
  for (const r of file.relationships) {
    referenced.add(r.source);
    referenced.add(r.target);
    for (const c of r.citations) referenced.add(c.documentId);
  }
  for (const e of file.entities) for (const c of e.citations) referenced.add(c.documentId);
  return [...referenced].filter((id) => !defined.has(id));
}

/**
 * Reference checks. `existingKinds` maps the ids from `externalReferences` that the database holds to
 * their kinds.
 */
export function checkReferences(file: InterlockFileType, existingKinds: ReadonlyMap<string, EntityKind>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const kinds = new Map<string, EntityKind>(existingKinds);
  const entityIds = new Set<string>();
  file.entities.forEach((e, i) => {
    if (entityIds.has(e.id)) problems.push({ field: `entities.${i}.id`, message: `duplicate entity id "${e.id}"` });
    entityIds.add(e.id);
    kinds.set(e.id, e.kind);
  });
  const relIds = new Set<string>();
  const citationCheck = (citations: { documentId: string }[], at: string) =>
    citations.forEach((c, j) => {
      const kind = kinds.get(c.documentId);
      if (kind === undefined)
        problems.push({ field: `${at}.citations.${j}.documentId`, message: `unknown document "${c.documentId}"` });
      else if (kind !== 'Document')
        problems.push({
          field: `${at}.citations.${j}.documentId`,
          message: `"${c.documentId}" is ${withArticle(kind)}, not a Document`,
        });
    });
  file.entities.forEach((e, i) => citationCheck(e.citations, `entities.${i}`));
  file.relationships.forEach((r, i) => {
    const at = `relationships.${i}`;
    if (relIds.has(r.id)) problems.push({ field: `${at}.id`, message: `duplicate relationship id "${r.id}"` });
    relIds.add(r.id);
    const sourceKind = kinds.get(r.source);
    const targetKind = kinds.get(r.target);
    if (sourceKind === undefined) problems.push({ field: `${at}.source`, message: `unknown entity "${r.source}"` });
    if (targetKind === undefined) problems.push({ field: `${at}.target`, message: `unknown entity "${r.target}"` });
    if (sourceKind && targetKind && !isAllowedEndpoint(r.type, sourceKind, targetKind)) {
      problems.push({
        field: `${at}.type`,
        message: `${r.type} cannot go from ${withArticle(sourceKind)} to ${withArticle(targetKind)}`,
      });
    }
    citationCheck(r.citations, at);
  });
  return problems;
}

function withArticle(kind: EntityKind): string {
  return /^[AEIOU]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
