/**
 * Client for the editing, audit, duplicates and merge routes. Writes carry the signed-in token; the
 * audit trail records the token's name as who made the change.
 */
import type { z } from 'zod';
import {
  AuditResponse,
  DeleteResult,
  DuplicatesResponse,
  EntityWriteResult,
  MergeResult,
  RelationshipWriteResult,
  RejectDuplicateResult,
  UndoResult,
} from '../../../schemas/index.js';
import type {
  CreateEntityRequestInput,
  CreateRelationshipRequestInput,
  UpdateEntityRequestInput,
  UpdateRelationshipRequestInput,
} from '../../../schemas/index.js';
import { sendJson } from './client.js';

function send<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  return sendJson(method, path, schema, body);
}

const at = (id: string) => encodeURIComponent(id);

export const editingApi = {
  createEntity: (body: CreateEntityRequestInput) => send('POST', '/entities', EntityWriteResult, body),
  updateEntity: (id: string, body: UpdateEntityRequestInput) => send('PATCH', `/entities/${at(id)}`, EntityWriteResult, body),
  deleteEntity: (id: string) => send('DELETE', `/entities/${at(id)}`, DeleteResult),
  createRelationship: (body: CreateRelationshipRequestInput) => send('POST', '/relationships', RelationshipWriteResult, body),
  updateRelationship: (id: string, body: UpdateRelationshipRequestInput) =>
    send('PATCH', `/relationships/${at(id)}`, RelationshipWriteResult, body),
  deleteRelationship: (id: string) => send('DELETE', `/relationships/${at(id)}`, DeleteResult),
  undo: (auditId: string) => send('POST', `/audit/${at(auditId)}/undo`, UndoResult),
  audit: (entity: string) => send('GET', `/audit?entity=${at(entity)}&limit=50`, AuditResponse),
  duplicates: (offset = 0) => send('GET', `/duplicates?limit=50&offset=${offset}`, DuplicatesResponse),
  rejectDuplicate: (a: string, b: string) => send('POST', '/duplicates/rejections', RejectDuplicateResult, { a, b }),
  merge: (keepId: string, mergeId: string) => send('POST', '/merges', MergeResult, { keepId, mergeId }),
  undoMerge: (auditId: string) => send('POST', `/merges/${at(auditId)}/undo`, UndoResult),
};
