/**
 * Merging a duplicate into the entity that stays, in one transaction with its audit entry:
 * - every relationship of the duplicate moves to the one kept (same id, type and properties);
 * - facts that cite the duplicate (a Document) or name it as a counterparty now name the one kept;
 * - the kept entity gains the duplicate's name and aliases as aliases, its id (and the ids merged into
 *   it earlier) in `mergedIds`, its citations, and any field it lacked;
 * - the duplicate is deleted.
 * Every step is recorded as a change with its before and after, so undo (undo.ts) restores the exact
 * previous graph: ids, properties and relationships.
 */
import type { Driver } from 'neo4j-driver';
import type { AuditChange, MergeRequest, MergeResult } from '../../../schemas/index.js';
import { recordAudit } from '../audit-log.js';
import { NotFoundError } from '../graph-repository.js';
import {
  checkedKind,
  checkedType,
  createRelationship,
  deleteEntity,
  deleteRelationship,
  EditConflictError,
  lockEntity,
  readEntity,
  readLinks,
  readReferences,
  replaceEntity,
  replaceRelationship,
  type Props,
} from './graph-state.js';
import { nodeOf } from './entity-edits.js';
import { change, inWriteTransaction, type Actor } from './transaction.js';

/** Properties that are about identity or sources, merged by rule rather than filled in. */
const MERGED_BY_RULE = new Set([
  'id',
  'name',
  'aliases',
  'mergedIds',
  'citationDocumentIds',
  'citationLocators',
  'citationQuotes',
  'identifierSchemes',
  'identifierValues',
]);
/** Lists of codes both entities' values belong to (countries, topics): the kept one takes the other's too. */
const UNITED_LISTS = ['country', 'nationality', 'topics'];

export async function mergeEntities(driver: Driver, database: string, request: MergeRequest, who: Actor): Promise<MergeResult> {
  const { keepId, mergeId } = request;
  return inWriteTransaction(driver, database, async (tx) => {
    // Both locked, in id order (two merges of the same pair in opposite directions cannot deadlock).
    for (const id of [keepId, mergeId].sort()) await lockEntity(tx, id);
    const keep = await readEntity(tx, keepId);
    if (!keep) throw new NotFoundError('entity', keepId);
    const gone = await readEntity(tx, mergeId);
    if (!gone) throw new NotFoundError('entity', mergeId);
    if (keep.kind !== gone.kind) {
      throw new EditConflictError(
        `only entities of the same kind can be merged: ${keepId} is a ${keep.kind}, ${mergeId} a ${gone.kind}`,
      );
    }
    const changes: AuditChange[] = [];

    // 1. Move the relationships: a relationship cannot change its ends, so each is deleted and created
    // again at the kept entity with the same id, type and properties.
    const links = await readLinks(tx, mergeId);
    for (const link of links) {
      await deleteRelationship(tx, link.elementId);
      changes.push(change.relationshipDeleted(link));
    }
    for (const link of links) {
      const moved = {
        id: link.id,
        type: link.type,
        source: link.source === mergeId ? keepId : link.source,
        target: link.target === mergeId ? keepId : link.target,
      };
      const version = await createRelationship(tx, { ...moved, properties: link.properties }, link.version + 1);
      changes.push(change.relationship('created', moved, null, link.properties, version));
    }

    // 2. Facts that cite or name the duplicate now name the kept entity (read after the move, so the
    // moved relationships are found under their new element ids).
    const references = (await readReferences(tx, mergeId)).filter((r) => r.id !== mergeId && r.id !== keepId);
    for (const ref of references) {
      const after = renamed(ref.properties, mergeId, keepId);
      if (ref.what === 'entity') {
        const version = await replaceEntity(tx, ref.id, after);
        changes.push(change.entity('updated', ref.id, checkedKind(ref.kind), ref.properties, after, version));
      } else {
        const version = await replaceRelationship(tx, ref.elementId ?? '', after);
        const ends = { id: ref.id, type: checkedType(ref.kind), source: ref.source ?? '', target: ref.target ?? '' };
        changes.push(change.relationship('updated', ends, ref.properties, after, version));
      }
    }

    // 3. The kept entity absorbs the duplicate's names, id, sources and missing fields.
    const keepNow = (await readEntity(tx, keepId)) ?? keep;
    const merged = renamed(absorb(keepNow.properties, gone.properties), mergeId, keepId);
    const version = await replaceEntity(tx, keepId, merged);
    changes.push(change.entity('updated', keepId, keep.kind, keepNow.properties, merged, version));

    // 4. The duplicate goes; it has no relationships left.
    await deleteEntity(tx, mergeId);
    changes.push(change.entity('deleted', mergeId, gone.kind, gone.properties, null, gone.version));

    const auditId = await recordAudit(tx, {
      ...who,
      action: 'merge',
      summary: {
        keepId,
        mergeId,
        keptName: keep.properties.name,
        mergedName: gone.properties.name,
        movedRelationships: links.length,
        rewrittenReferences: references.length,
      },
      changes,
      concerns: [keepId, mergeId],
      keepDetail: true,
    });
    return {
      auditId,
      entity: nodeOf(keep.kind, merged, version),
      movedRelationships: links.length,
      rewrittenReferences: references.length,
    };
  });
}

/** The kept entity's properties after taking in the duplicate's. Pure. */
export function absorb(keep: Props, gone: Props): Props {
  const result: Props = { ...keep };
  for (const [key, value] of Object.entries(gone)) {
    if (!MERGED_BY_RULE.has(key) && result[key] === undefined && value !== null) result[key] = value;
  }
  const keepName = String(keep.name ?? '');
  const aliases = unique([...strings(keep.aliases), String(gone.name ?? ''), ...strings(gone.aliases)]);
  result.aliases = aliases.filter((a) => a !== '' && a !== keepName);
  result.mergedIds = unique([...strings(keep.mergedIds), String(gone.id), ...strings(gone.mergedIds)]);
  for (const key of UNITED_LISTS)
    if (Array.isArray(keep[key]) && Array.isArray(gone[key]))
      result[key] = unique([...strings(keep[key]), ...strings(gone[key])]);
  // Identifiers are two parallel lists too (scheme, value): the duplicate's are added, each pair once.
  const pairs = new Map<string, [string, string]>();
  for (const source of [keep, gone])
    strings(source.identifierSchemes).forEach((scheme, i) => {
      const value = strings(source.identifierValues)[i] ?? '';
      pairs.set(JSON.stringify([scheme, value]), [scheme, value]);
    });
  if (pairs.size > 0) {
    result.identifierSchemes = [...pairs.values()].map(([scheme]) => scheme);
    result.identifierValues = [...pairs.values()].map(([, value]) => value);
  }
  // Citations are three parallel lists (ADR 0002): append the duplicate's, skipping exact repeats.
  const seen = new Set<string>();
  const ids: string[] = [];
  const locators: string[] = [];
  const quotes: string[] = [];
  for (const source of [keep, gone]) {
    const docIds = strings(source.citationDocumentIds);
    docIds.forEach((documentId, i) => {
      const locator = strings(source.citationLocators)[i] ?? '';
      const quote = strings(source.citationQuotes)[i] ?? '';
      const key = JSON.stringify([documentId, locator, quote]);
      if (seen.has(key)) return;
      seen.add(key);
      ids.push(documentId);
      locators.push(locator);
      quotes.push(quote);
    });
  }
  result.citationDocumentIds = ids;
  result.citationLocators = locators;
  result.citationQuotes = quotes;
  return result;
}

/** Properties with every citation, counterparty and client naming `from` naming `to` instead. Pure. */
export function renamed(properties: Props, from: string, to: string): Props {
  const result = { ...properties };
  for (const key of ['citationDocumentIds', 'counterpartyIds', 'onBehalfOf']) {
    if (Array.isArray(result[key])) result[key] = strings(result[key]).map((id) => (id === from ? to : id));
  }
  return result;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
