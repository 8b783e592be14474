/**
 * Client for the editing, audit, duplicates and merge routes. Writes carry the signed-in token; the
 * audit trail records the token's name as who made the change. Changes and deletions carry the version
 * of the fact they were made on, so a change someone made since is never overwritten unseen (412).
 */
import type { z } from 'zod';
import {
  AuditEntry,
  AuditResponse,
  DeleteResult,
  DuplicatesResponse,
  EntityWriteResult,
  MergeResult,
  RelationshipWriteResult,
  RejectDuplicateResult,
  UndoResult,
  VersionConflictResponse,
} from '../../../schemas/index.js';
import type {
  CreateEntityRequestInput,
  CreateRelationshipRequestInput,
  UpdateEntityRequestInput,
  UpdateRelationshipRequestInput,
} from '../../../schemas/index.js';
import { ApiRequestError, sendJson } from './client.js';

function send<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  return sendJson(method, path, schema, body);
}

const at = (id: string) => encodeURIComponent(id);

/** Changes carry the version they were made on, when the page knows it. */
const on = (version: number | undefined) => (version === undefined ? {} : { version });

/** The server's answer when the fact changed since the version a change was made on; undefined otherwise. */
export function versionConflict(error: unknown): VersionConflictResponse | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 412) return undefined;
  const parsed = VersionConflictResponse.safeParse(error.detail);
  return parsed.success ? parsed.data : undefined;
}

export const editingApi = {
  createEntity: (body: CreateEntityRequestInput) => send('POST', '/entities', EntityWriteResult, body),
  updateEntity: (id: string, body: UpdateEntityRequestInput, version?: number) =>
    send('PATCH', `/entities/${at(id)}`, EntityWriteResult, { ...body, ...on(version) }),
  deleteEntity: (id: string, version?: number) => send('DELETE', `/entities/${at(id)}`, DeleteResult, on(version)),
  createRelationship: (body: CreateRelationshipRequestInput) => send('POST', '/relationships', RelationshipWriteResult, body),
  updateRelationship: (id: string, body: UpdateRelationshipRequestInput, version?: number) =>
    send('PATCH', `/relationships/${at(id)}`, RelationshipWriteResult, { ...body, ...on(version) }),
  deleteRelationship: (id: string, version?: number) => send('DELETE', `/relationships/${at(id)}`, DeleteResult, on(version)),
  undo: (auditId: string) => send('POST', `/audit/${at(auditId)}/undo`, UndoResult),
  audit: (entity: string) => send('GET', `/audit?entity=${at(entity)}&limit=50`, AuditResponse),
  auditEntry: (id: string) => send('GET', `/audit/${at(id)}`, AuditEntry),
  duplicates: (offset = 0) => send('GET', `/duplicates?limit=50&offset=${offset}`, DuplicatesResponse),
  rejectDuplicate: (a: string, b: string) => send('POST', '/duplicates/rejections', RejectDuplicateResult, { a, b }),
  merge: (keepId: string, mergeId: string) => send('POST', '/merges', MergeResult, { keepId, mergeId }),
  undoMerge: (auditId: string) => send('POST', `/merges/${at(auditId)}/undo`, UndoResult),
};
