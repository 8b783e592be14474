/**
 * From what a form sent to a checked entity or relationship: inline documents become Documents, the
 * result is validated by the same schemas and reference checks as an import (kinds at both ends, cited
 * ids that are Documents), and fields the kind or type does not have are refused rather than dropped.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import {
  Entity,
  Relationship,
  type Citation,
  type CitationInput,
  type EntityKind,
  type InterlockFile,
  type RelationshipType,
} from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { checkReferences, externalReferences } from '../import-validation.js';
import { EditConflictError, InvalidEditError, readEntity, type Props } from './graph-state.js';
import { newDocumentId } from './ids.js';

type DocumentEntity = Extract<Entity, { kind: 'Document' }>;

export interface ResolvedCitations {
  citations: Citation[];
  /** Documents described inline that do not exist yet: to create with the fact. */
  newDocuments: DocumentEntity[];
}

export async function resolveCitations(tx: ManagedTransaction, inputs: readonly CitationInput[]): Promise<ResolvedCitations> {
  const citations: Citation[] = [];
  const newDocuments = new Map<string, DocumentEntity>();
  for (const [i, input] of inputs.entries()) {
    if (input.documentId !== undefined) {
      citations.push({ documentId: input.documentId, locator: input.locator, quote: input.quote });
      continue;
    }
    const described = input.newDocument;
    if (!described) throw new InvalidEditError('give either documentId or newDocument', `citations.${i}`);
    const id = newDocumentId(described);
    citations.push({ documentId: id, locator: input.locator, quote: input.quote });
    if (newDocuments.has(id)) continue;
    const existing = await readEntity(tx, id);
    if (existing && existing.kind !== 'Document') throw new EditConflictError(`${id} exists and is not a Document`);
    // The same source described again is the Document made the first time.
    if (existing) continue;
    newDocuments.set(id, {
      id,
      kind: 'Document',
      name: described.title.slice(0, 300),
      aliases: [],
      title: described.title,
      status: 'reported',
      citations: [],
      ...(described.publisher ? { publisher: described.publisher } : {}),
      ...(described.publishedOn ? { publishedOn: described.publishedOn } : {}),
      ...(described.url ? { url: described.url } : {}),
      ...(described.language ? { language: described.language } : {}),
    });
  }
  return { citations, newDocuments: [...newDocuments.values()] };
}

/**
 * Validates a whole entity. `given` names the fields the request set: one the kind does not have (an
 * amount on a Person) is an error, not something to drop silently.
 */
export function validEntity(candidate: Props, given: readonly string[]): Entity {
  const parsed = Entity.safeParse(candidate);
  if (!parsed.success) throw fromIssue(parsed.error.issues[0]);
  refuseForeignFields(given, parsed.data, `a ${String(candidate.kind)}`);
  return parsed.data;
}

export function validRelationship(candidate: Props, given: readonly string[]): Relationship {
  const parsed = Relationship.safeParse(candidate);
  if (!parsed.success) throw fromIssue(parsed.error.issues[0]);
  refuseForeignFields(given, parsed.data, `${String(candidate.type)}`);
  return parsed.data;
}

function refuseForeignFields(given: readonly string[], parsed: object, what: string): void {
  const foreign = given.find((field) => !(field in parsed));
  if (foreign) throw new InvalidEditError(`${what} has no ${foreign}`, foreign);
}

function fromIssue(issue: { path: PropertyKey[]; message: string } | undefined): InvalidEditError {
  const field = issue?.path.map(String).join('.') || undefined;
  return new InvalidEditError(issue?.message ?? 'invalid', field);
}

/**
 * The import's reference checks on what one edit writes: relationship ends that exist with kinds the
 * type allows, citations that name Documents. Problems are reported on the request's own fields.
 */
export async function checkEditReferences(
  tx: ManagedTransaction,
  write: { entities: Entity[]; relationships: Relationship[] },
): Promise<void> {
  const file: InterlockFile = { format: 'interlock/1', ...write };
  const external = externalReferences(file);
  const result = external.length > 0 ? await tx.run(cypher('queries/entity-kinds'), { ids: external }) : { records: [] };
  const kinds = new Map(result.records.map((r) => [r.get('id') as string, r.get('kind') as EntityKind]));
  const problem = checkReferences(file, kinds)[0];
  if (!problem) return;
  const last = `entities.${write.entities.length - 1}.`;
  const field = problem.field.startsWith('relationships.0.')
    ? problem.field.slice('relationships.0.'.length)
    : problem.field.startsWith(last)
      ? problem.field.slice(last.length)
      : problem.field;
  throw new InvalidEditError(problem.message, field);
}

/** The API shape of a stored relationship, for patching. */
export function relationshipCandidate(state: {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  properties: Props;
}): Props {
  return { ...state.properties, id: state.id, type: state.type, source: state.source, target: state.target };
}

/** The fields a request names with a value (validation reports unknown ones by name). */
export function givenFields(fields: Record<string, unknown>): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k]) => k);
}

/**
 * A PATCH laid over a stored fact: `null` removes a field, a value sets it, and a citation list (with
 * documents described inline resolved) replaces the old one. Returns the candidate to validate, the
 * fields the patch gave, and the new documents to create with it.
 */
export async function patchedCandidate(
  tx: ManagedTransaction,
  current: Props,
  patch: { citations?: readonly CitationInput[] | undefined } & Record<string, unknown>,
): Promise<{ candidate: Props; given: string[]; newDocuments: ResolvedCitations['newDocuments'] }> {
  const candidate: Props = { ...current };
  const { citations: citationInputs, ...fields } = patch;
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete candidate[key];
    else if (value !== undefined) candidate[key] = value;
  }
  const resolved = citationInputs ? await resolveCitations(tx, citationInputs) : { citations: null, newDocuments: [] };
  if (resolved.citations) candidate.citations = resolved.citations;
  return { candidate, given: givenFields(fields), newDocuments: resolved.newDocuments };
}
