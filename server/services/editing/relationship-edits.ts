/**
 * Creating, changing and deleting one relationship by hand, each in one transaction with its audit
 * entry. A relationship always carries at least one citation (the request schema refuses one without);
 * documents described inline are created with it. Type and ends are fixed once created. A change or
 * deletion reads the relationship under its write lock and checks the version the client named; a change
 * writes only what differs.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type {
  AuditChange,
  GraphEdge,
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
import { changedProperties } from '../imports/change-plan.js';
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
  lockRelationship,
  patchRelationship,
  readRelationship,
  type RelationshipState,
} from './graph-state.js';
import { relationshipIdCandidates } from './ids.js';
import { change, inWriteTransaction, type Actor } from './transaction.js';
import { requireVersion } from './versions.js';

const edgeOfState = (state: RelationshipState): GraphEdge =>
  toGraphEdge({ ...relationshipCandidate(state), version: state.version });

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
    const version = await writeRelationship(tx, { type, source, target, properties });
    changes.push(change.relationship('created', { id, type, source, target }, null, properties, version));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'create',
      summary: { relationship: id, type, source, target, documents: newDocuments.map((d) => d.id) },
      changes,
      keepDetail: true,
    });
    return {
      auditId,
      relationship: toGraphEdge({ ...properties, type, source, target, version }),
      createdDocuments: newDocuments,
    };
  });
}

export async function updateRelationship(
  driver: Driver,
  database: string,
  id: string,
  request: UpdateRelationshipRequest,
  who: Actor,
  expectedVersions?: readonly number[],
): Promise<RelationshipWriteResult> {
  const { version: _version, ...patch } = request;
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await lockRelationship(tx, id);
    if (!state) throw new NotFoundError('relationship', id);
    await requireVersion(tx, { id, relationship: true }, expectedVersions, state.version, () => edgeOfState(state));
    const { candidate, given, newDocuments } = await patchedCandidate(tx, toGraphEdge(relationshipCandidate(state)), patch);
    const { version: _stored, ...fields } = candidate;
    const relationship = validRelationship(fields, given);
    await checkEditReferences(tx, { entities: newDocuments, relationships: [relationship] });

    const after = relationshipToStored(relationship).properties;
    const ends = { id, type: state.type, source: state.source, target: state.target };
    const changed = changedProperties(state.properties, after);
    if (Object.keys(changed).length === 0 && newDocuments.length === 0)
      return { auditId: null, relationship: edgeOfState(state), createdDocuments: [] };
    const changes: AuditChange[] = [];
    for (const doc of newDocuments) changes.push(await createDocument(tx, doc));
    const version = await patchRelationship(tx, state.elementId, changed);
    changes.push(change.relationship('updated', ends, state.properties, after, version));
    const auditId = await recordAudit(tx, {
      ...who,
      action: 'update',
      summary: { relationship: id, type: state.type, fields: Object.keys(patch) },
      changes,
      keepDetail: true,
    });
    return {
      auditId,
      relationship: toGraphEdge({ ...relationshipCandidate({ ...state, properties: after }), version }),
      createdDocuments: newDocuments,
    };
  });
}

export async function deleteRelationship(
  driver: Driver,
  database: string,
  id: string,
  who: Actor,
  expectedVersions?: readonly number[],
): Promise<DeleteResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const state = await lockRelationship(tx, id);
    if (!state) throw new NotFoundError('relationship', id);
    await requireVersion(tx, { id, relationship: true }, expectedVersions, state.version, () => edgeOfState(state));
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
  const version = await createEntity(tx, kind, properties);
  return change.entity('created', doc.id, kind, null, properties, version);
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
