/**
 * Creating, changing and deleting one entity by hand, each in one transaction with its audit entry
 * (who, when, route, the stored properties before and after). Documents described inline in the
 * citations are created in the same transaction. A change or deletion reads the entity under its write
 * lock, checks the version the client named (versions.ts), and a change writes only what differs.
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
import { changedProperties } from '../imports/change-plan.js';
import { checkEditReferences, givenFields, patchedCandidate, resolveCitations, validEntity } from './drafts.js';
import {
  createEntity as writeEntity,
  deleteEntity as removeEntity,
  deleteRelationship,
  EditConflictError,
  lockEntity,
  patchEntity,
  readEntity,
  readLinks,
  readReferences,
  takenIds,
  type EntityState,
  type Props,
} from './graph-state.js';
import { entityIdCandidates } from './ids.js';
import { change, inWriteTransaction, type Actor } from './transaction.js';
import { requireVersion } from './versions.js';

export function nodeOf(kind: EntityKind, properties: Props, version: number): GraphNode {
  return toGraphNode({ ...properties, kind, version });
}

const nodeOfState = (state: EntityState): GraphNode => nodeOf(state.kind, state.properties, state.version);

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
    return { auditId, entity: nodeOf(entity.kind, entityToStored(entity).properties, 1), createdDocuments: newDocuments };
  });
}

export async function updateEntity(
  driver: Driver,
  database: string,
  id: string,
  request: UpdateEntityRequest,
  who: Actor,
  expectedVersions?: readonly number[],
): Promise<EntityWriteResult> {
  const { version: _version, ...patch } = request;
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await lockEntity(tx, id);
    if (!state) throw new NotFoundError('entity', id);
    await requireVersion(tx, { id, relationship: false }, expectedVersions, state.version, () => nodeOfState(state));
    const { candidate, given, newDocuments } = await patchedCandidate(tx, nodeOfState(state), patch);
    const { version: _stored, ...fields } = candidate;
    const entity = validEntity(fields, given);
    await checkEditReferences(tx, { entities: [...newDocuments, entity], relationships: [] });

    const after = { ...unknownStoredProperties(state.kind, state.properties), ...entityToStored(entity).properties };
    const changed = changedProperties(state.properties, after);
    if (Object.keys(changed).length === 0 && newDocuments.length === 0)
      return { auditId: null, entity: nodeOfState(state), createdDocuments: [] };
    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await create(tx, doc));
    const version = await patchEntity(tx, id, changed);
    changes.push(change.entity('updated', id, state.kind, state.properties, after, version));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'update',
      summary: { entity: id, kind: state.kind, name: entity.name, fields: Object.keys(patch) },
      changes,
      keepDetail: true,
    });
    return { auditId, entity: nodeOf(state.kind, after, version), createdDocuments: newDocuments };
  });
}

/**
 * Deletes an entity and every relationship touching it (all recorded, so undo restores them). A
 * Document still cited, or an entity named as a law's counterparty, is refused: the facts naming it
 * would point at nothing. Merge it into another instead.
 */
export async function deleteEntity(
  driver: Driver,
  database: string,
  id: string,
  who: Actor,
  expectedVersions?: readonly number[],
): Promise<DeleteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await lockEntity(tx, id);
    if (!state) throw new NotFoundError('entity', id);
    await requireVersion(tx, { id, relationship: false }, expectedVersions, state.version, () => nodeOfState(state));
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
      changes: [
        ...links.map(change.relationshipDeleted),
        change.entity('deleted', id, state.kind, state.properties, null, state.version),
      ],
      keepDetail: true,
    });
    return { auditId, deleted: { entities: [id], relationships: links.map((l) => l.id) } };
  });
}

async function create(tx: ManagedTransaction, entity: Entity): Promise<AuditChange> {
  const { kind, properties } = entityToStored(entity);
  const version = await writeEntity(tx, kind, properties);
  return change.entity('created', entity.id, kind, null, properties, version);
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
