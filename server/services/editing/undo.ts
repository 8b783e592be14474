/**
 * Undo of a recorded change: applies the inverse of an audit entry's changes, newest first, provided
 * everything it touched still looks exactly as the entry left it (otherwise a later change would be
 * silently overwritten: 409). The undo is itself a change with its own entry, so undoing it again
 * redoes the original. Imports are not undone here: they are files, re-imported or corrected instead.
 * What it touches is read under the write lock, and every fact it writes moves one version on (one it
 * brings back continues from the version it had when it was deleted).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AuditChange, AuditEntry, UndoResult } from '../../../schemas/index.js';
import { readAuditEntry, recordAudit } from '../audit-log.js';
import { NotFoundError } from '../graph-repository.js';
import { sameProperties } from '../imports/change-plan.js';
import {
  checkedKind,
  checkedType,
  createEntity,
  createRelationship,
  deleteEntity,
  deleteRelationship,
  EditConflictError,
  lockEntity,
  lockRelationship,
  readEntity,
  readLinks,
  readRelationship,
  replaceEntity,
  replaceRelationship,
} from './graph-state.js';
import { inWriteTransaction, type Actor } from './transaction.js';

export const UNDOABLE_ACTIONS = ['create', 'update', 'delete', 'merge', 'undo'] as const;

export async function undoAuditEntry(
  driver: Driver,
  database: string,
  auditId: string,
  who: Actor,
  options: { only?: (typeof UNDOABLE_ACTIONS)[number] } = {},
): Promise<UndoResult> {
  return inWriteTransaction(driver, database, async (tx) => {
    const entry = await readAuditEntry(tx, auditId);
    if (!entry) throw new NotFoundError('audit entry', auditId);
    if (options.only && entry.action !== options.only) throw new EditConflictError(`${auditId} is not a ${options.only}`);
    if (!(UNDOABLE_ACTIONS as readonly string[]).includes(entry.action)) {
      throw new EditConflictError(`a${entry.action === 'import' ? 'n' : ''} ${entry.action} cannot be undone here`);
    }
    if (!entry.changes) throw new EditConflictError(`${auditId} kept no before/after detail, so it cannot be undone`);
    await requireUnchangedSince(tx, entry, entry.changes);

    const inverse: AuditChange[] = [];
    for (const c of [...entry.changes].reverse()) inverse.push(await applyInverse(tx, c));
    const id = await recordAudit(tx, {
      ...who,
      action: 'undo',
      summary: { undoes: entry.id, undoneAction: entry.action, undoneSummary: entry.summary },
      changes: inverse,
      concerns: entry.entityIds,
      keepDetail: true,
    });
    return {
      auditId: id,
      undid: entry.id,
      entityIds: [...new Set(inverse.filter((c) => c.what === 'entity').map((c) => c.id))],
      relationshipIds: [...new Set(inverse.filter((c) => c.what === 'relationship').map((c) => c.id))],
    };
  });
}

/** Everything the entry touched must be as the entry left it: its last change of each id. */
async function requireUnchangedSince(tx: ManagedTransaction, entry: AuditEntry, changes: readonly AuditChange[]): Promise<void> {
  const last = new Map<string, AuditChange>();
  for (const c of changes) last.set(`${c.what}:${c.id}`, c);
  const changedSince = (id: string) => new EditConflictError(`${id} has changed since ${entry.id}; undo the later change first`);
  for (const c of last.values()) {
    if (c.what === 'entity') {
      const now = await lockEntity(tx, c.id);
      const same =
        c.after === null ? now === null : now !== null && now.kind === c.kind && sameProperties(now.properties, c.after);
      if (!same) throw changedSince(c.id);
    } else {
      const now = await lockRelationship(tx, c.id);
      const same =
        c.after === null
          ? now === null
          : now !== null &&
            now.type === c.type &&
            now.source === c.source &&
            now.target === c.target &&
            sameProperties(now.properties, c.after);
      if (!same) throw changedSince(c.id);
    }
  }
}

async function applyInverse(tx: ManagedTransaction, c: AuditChange): Promise<AuditChange> {
  const inverted: AuditChange = {
    ...c,
    op: c.op === 'created' ? 'deleted' : c.op === 'deleted' ? 'created' : 'updated',
    before: c.after,
    after: c.before,
  };
  // A fact brought back continues from the version it had when it was deleted.
  const restoredVersion = (c.version ?? 0) + 1;
  if (c.what === 'entity') {
    const kind = checkedKind(c.kind ?? '');
    if (c.op === 'created') {
      // Relationships the entry created are already gone (newest first); any other was added since.
      if ((await readLinks(tx, c.id)).length > 0)
        throw new EditConflictError(`${c.id} has relationships added since; delete them first`);
      const now = await readEntity(tx, c.id);
      await deleteEntity(tx, c.id);
      return { ...inverted, version: now?.version ?? c.version };
    }
    if (c.op === 'updated') return { ...inverted, version: await replaceEntity(tx, c.id, c.before ?? {}) };
    if (await readEntity(tx, c.id)) throw new EditConflictError(`${c.id} exists again; it cannot be restored`);
    return { ...inverted, version: await createEntity(tx, kind, c.before ?? { id: c.id }, restoredVersion) };
  }
  const type = checkedType(c.type ?? '');
  if (c.op === 'deleted') {
    if (!c.source || !c.target) throw new EditConflictError(`${c.id} was recorded without its ends`);
    const properties = c.before ?? { id: c.id };
    return {
      ...inverted,
      version: await createRelationship(tx, { type, source: c.source, target: c.target, properties }, restoredVersion),
    };
  }
  const now = await readRelationship(tx, c.id);
  if (!now) throw new EditConflictError(`${c.id} is gone`);
  if (c.op === 'created') {
    await deleteRelationship(tx, now.elementId);
    return { ...inverted, version: now.version };
  }
  return { ...inverted, version: await replaceRelationship(tx, now.elementId, c.before ?? {}) };
}
