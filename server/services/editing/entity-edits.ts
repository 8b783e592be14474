/**
 * Creating, changing and deleting one entity by hand, each in one transaction with its audit entry
 * (who, when, route, the stored properties before and after). Documents described inline in the
 * citations are created in the same transaction.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  Entity,
  type AuditChange,
  type CreateEntityRequest,
  type EntityKind,
  type EntityWriteResult,
  type DeleteResult,
  type GraphNode,
  type UpdateEntityRequest,
} from '../../../schemas/index.js';
import { entityToStored, STORED_ONLY, toGraphNode } from '../../db/mapping.js';
import { recordAudit } from '../audit-log.js';
import { NotFoundError } from '../graph-repository.js';
import { sameProperties } from '../imports/change-plan.js';
import { checkEditReferences, givenFields, patchedCandidate, resolveCitations, validEntity } from './drafts.js';
import {
  createEntity as writeEntity,
  deleteEntity as removeEntity,
  deleteRelationship,
  EditConflictError,
  readEntity,
  readLinks,
  readReferences,
  replaceEntity,
  takenIds,
  type Props,
} from './graph-state.js';
import { entityIdCandidates } from './ids.js';
import { change, inWriteTransaction, type Actor } from './transaction.js';

export function nodeOf(kind: EntityKind, properties: Props): GraphNode {
  return toGraphNode({ ...properties, kind });
}

export async function createEntity(
  driver: Driver,
  database: string,
  request: CreateEntityRequest,
  who: Actor,
): Promise<EntityWriteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const { citations: citationInputs, id: requestedId, ...fields } = request;
    const { citations, newDocuments } = await resolveCitations(tx, citationInputs);
    const id = requestedId ?? (await freeEntityId(tx, request.kind, request.name));
    if (requestedId && (await readEntity(tx, requestedId))) throw new EditConflictError(`the id ${requestedId} is in use`);
    const entity = validEntity({ ...fields, id, citations }, givenFields(fields));
    await checkEditReferences(tx, { entities: [...newDocuments, entity], relationships: [] });

    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await create(tx, doc));
    changes.push(await create(tx, entity));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'create',
      summary: { entity: id, kind: entity.kind, name: entity.name, documents: newDocuments.map((d) => d.id) },
      changes,
      keepDetail: true,
    });
    return { auditId, entity: nodeOf(entity.kind, entityToStored(entity).properties), createdDocuments: newDocuments };
  });
}

export async function updateEntity(
  driver: Driver,
  database: string,
  id: string,
  patch: UpdateEntityRequest,
  who: Actor,
): Promise<EntityWriteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await readEntity(tx, id);
    if (!state) throw new NotFoundError('entity', id);
    const { candidate, given, newDocuments } = await patchedCandidate(tx, nodeOf(state.kind, state.properties), patch);
    const entity = validEntity(candidate, given);
    await checkEditReferences(tx, { entities: [...newDocuments, entity], relationships: [] });

    const after = { ...unknownStoredProperties(state.kind, state.properties), ...entityToStored(entity).properties };
    if (sameProperties(state.properties, after) && newDocuments.length === 0)
      return { auditId: null, entity: nodeOf(state.kind, state.properties), createdDocuments: [] };
    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await create(tx, doc));
    await replaceEntity(tx, id, after);
    changes.push(change.entity('updated', id, state.kind, state.properties, after));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'update',
      summary: { entity: id, kind: state.kind, name: entity.name, fields: Object.keys(patch) },
      changes,
      keepDetail: true,
    });
    return { auditId, entity: nodeOf(state.kind, after), createdDocuments: newDocuments };
  });
}

/**
 * Deletes an entity and every relationship touching it (all recorded, so undo restores them). A
 * Document still cited, or an entity named as a law's counterparty, is refused: the facts naming it
 * would point at nothing. Merge it into another instead.
 */
export async function deleteEntity(driver: Driver, database: string, id: string, who: Actor): Promise<DeleteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await readEntity(tx, id);
    if (!state) throw new NotFoundError('entity', id);
    const references = (await readReferences(tx, id)).filter((r) => r.id !== id);
    if (references.length > 0) {
      throw new EditConflictError(
        `${id} is cited or named by ${references.length} other fact(s), e.g. ${references[0]?.id}; remove those citations or merge it into another entity first`,
      );
    }
    const links = await readLinks(tx, id);
    for (const link of links) await deleteRelationship(tx, link.elementId);
    await removeEntity(tx, id);
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'delete',
      summary: { entity: id, kind: state.kind, name: state.properties.name, relationships: links.length },
      changes: [...links.map(change.relationshipDeleted), change.entity('deleted', id, state.kind, state.properties, null)],
      keepDetail: true,
    });
    return { auditId, deleted: { entities: [id], relationships: links.map((l) => l.id) } };
  });
}

async function create(tx: ManagedTransaction, entity: Entity): Promise<AuditChange> {
  const { kind, properties } = entityToStored(entity);
  await writeEntity(tx, kind, properties);
  return change.entity('created', entity.id, kind, null, properties);
}

async function freeEntityId(tx: ManagedTransaction, kind: EntityKind, name: string): Promise<string> {
  const candidates = entityIdCandidates(kind, name);
  const taken = await takenIds(tx, candidates);
  const free = candidates.find((c) => !taken.has(c));
  if (!free) throw new EditConflictError(`no free id for "${name}"; give one`);
  return free;
}

/**
 * Stored properties our schema does not describe (written by an older version or by hand in Neo4j
 * Browser): an edit keeps them rather than dropping what it does not understand.
 */
function unknownStoredProperties(kind: EntityKind, stored: Props): Props {
  const member = Entity.options.find((o) => o.shape.kind.value === kind);
  const known = new Set([...Object.keys(member?.shape ?? {}), ...STORED_ONLY]);
  return Object.fromEntries(Object.entries(stored).filter(([key]) => !known.has(key)));
}
