/**
 * One write transaction function per edit: the change and its audit entry commit together or not at
 * all, and the driver retries the whole function on a transient error.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AuditChange, EntityKind, RelationshipType } from '../../../schemas/index.js';
import type { Props, RelationshipState } from './graph-state.js';
import { writeTransaction } from '../../db/transactions.js';

export interface Actor {
  /** Who: the name of the token that made the change (see the auth plugin). */
  actor: string;
  /** Through which route, e.g. `PATCH /api/entities/:id`. */
  route: string;
}

export function inWriteTransaction<T>(
  driver: Driver,
  database: string,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  return writeTransaction(driver, database, work);
}

/** Audit changes, with the kind or type kept so that a deletion can be undone, and the version left. */
export const change = {
  entity(
    op: AuditChange['op'],
    id: string,
    kind: EntityKind,
    before: Props | null,
    after: Props | null,
    version: number,
  ): AuditChange {
    return { id, what: 'entity', op, kind, before, after, version };
  },
  relationship(
    op: AuditChange['op'],
    rel: { id: string; type: RelationshipType; source: string; target: string },
    before: Props | null,
    after: Props | null,
    version: number,
  ): AuditChange {
    return {
      id: rel.id,
      what: 'relationship',
      op,
      type: rel.type,
      source: rel.source,
      target: rel.target,
      before,
      after,
      version,
    };
  },
  relationshipDeleted(rel: RelationshipState): AuditChange {
    return change.relationship('deleted', rel, rel.properties, null, rel.version);
  },
};
