/**
 * Creating, changing and deleting one relationship by hand, each in one transaction with its audit
 * entry. A relationship always carries at least one citation (the request schema refuses one without);
 * documents described inline are created with it. Type and ends are fixed once created.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type {
  AuditChange,
  CreateRelationshipRequest,
  DeleteResult,
  Entity,
  RelationshipType,
  RelationshipWriteResult,
  UpdateRelationshipRequest,
} from '../../../schemas/index.js';
import { entityToStored, relationshipToStored, toGraphEdge } from '../../db/mapping.js';
import { recordAudit } from '../audit-log.js';
import { NotFoundError } from '../graph-repository.js';
import { sameProperties } from '../imports/change-plan.js';
import {
  checkEditReferences,
  givenFields,
  patchedCandidate,
  relationshipCandidate,
  resolveCitations,
  validRelationship,
} from './drafts.js';
import {
  createEntity,
  createRelationship as writeRelationship,
  deleteRelationship as removeRelationship,
  EditConflictError,
  readRelationship,
  replaceRelationship,
} from './graph-state.js';
import { relationshipIdCandidates } from './ids.js';
import { change, inWriteTransaction, type Actor } from './transaction.js';

export async function createRelationship(
  driver: Driver,
  database: string,
  request: CreateRelationshipRequest,
  who: Actor,
): Promise<RelationshipWriteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const { citations: citationInputs, id: requestedId, ...fields } = request;
    const { citations, newDocuments } = await resolveCitations(tx, citationInputs);
    if (requestedId && (await readRelationship(tx, requestedId))) throw new EditConflictError(`the id ${requestedId} is in use`);
    const id = requestedId ?? (await freeRelationshipId(tx, request.type, request.source, request.target));
    const relationship = validRelationship({ ...fields, id, citations }, givenFields(fields));
    await checkEditReferences(tx, { entities: newDocuments, relationships: [relationship] });

    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await createDocument(tx, doc));
    const { type, source, target, properties } = relationshipToStored(relationship);
    await writeRelationship(tx, { type, source, target, properties });
    changes.push(change.relationship('created', { id, type, source, target }, null, properties));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'create',
      summary: { relationship: id, type, source, target, documents: newDocuments.map((d) => d.id) },
      changes,
      keepDetail: true,
    });
    return {
      auditId,
      relationship: toGraphEdge({ ...properties, type, source, target }),
      createdDocuments: newDocuments,
    };
  });
}

export async function updateRelationship(
  driver: Driver,
  database: string,
  id: string,
  patch: UpdateRelationshipRequest,
  who: Actor,
): Promise<RelationshipWriteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await readRelationship(tx, id);
    if (!state) throw new NotFoundError('relationship', id);
    const { candidate, given, newDocuments } = await patchedCandidate(tx, toGraphEdge(relationshipCandidate(state)), patch);
    const relationship = validRelationship(candidate, given);
    await checkEditReferences(tx, { entities: newDocuments, relationships: [relationship] });

    const after = relationshipToStored(relationship).properties;
    const ends = { id, type: state.type, source: state.source, target: state.target };
    if (sameProperties(state.properties, after) && newDocuments.length === 0)
      return { auditId: null, relationship: toGraphEdge(relationshipCandidate(state)), createdDocuments: [] };
    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await createDocument(tx, doc));
    await replaceRelationship(tx, state.elementId, after);
    changes.push(change.relationship('updated', ends, state.properties, after));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'update',
      summary: { relationship: id, type: state.type, fields: Object.keys(patch) },
      changes,
      keepDetail: true,
    });
    return {
      auditId,
      relationship: toGraphEdge(relationshipCandidate({ ...state, properties: after })),
      createdDocuments: newDocuments,
    };
  });
}

export async function deleteRelationship(driver: Driver, database: string, id: string, who: Actor): Promise<DeleteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await readRelationship(tx, id);
    if (!state) throw new NotFoundError('relationship', id);
    await removeRelationship(tx, state.elementId);
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'delete',
      summary: { relationship: id, type: state.type, source: state.source, target: state.target },
      changes: [change.relationshipDeleted(state)],
      keepDetail: true,
    });
    return { auditId, deleted: { entities: [], relationships: [id] } };
  });
}

async function createDocument(tx: ManagedTransaction, doc: Entity): Promise<AuditChange> {
  const { kind, properties } = entityToStored(doc);
  await createEntity(tx, kind, properties);
  return change.entity('created', doc.id, kind, null, properties);
}

async function freeRelationshipId(
  tx: ManagedTransaction,
  type: RelationshipType,
  source: string,
  target: string,
): Promise<string> {
  for (const candidate of relationshipIdCandidates(type, source, target)) {
    if (!(await readRelationship(tx, candidate))) return candidate;
  }
  throw new EditConflictError('no free relationship id; give one');
}
