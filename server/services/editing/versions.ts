/**
 * Optimistic concurrency for edits. Every entity and relationship carries a `version`; a client names
 * the version it read (`If-Match: "3"`, or `version` in the body) and the write is refused with 412
 * `version_conflict` when the fact has moved on since, with its current state and who changed it last
 * (from the audit trail), so the person can see what changed before deciding. A write that names no
 * version is still safe: it runs under the fact's write lock and writes only the fields it changes.
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import type { AuditChange, GraphEdge, GraphNode, LastChange } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { toAuditEntry } from '../audit-log.js';
import { sameValue } from '../imports/change-plan.js';

/** The fact moved on since the version the client named: HTTP 412, with what it is now. */
export class VersionConflictError extends Error {
  readonly statusCode = 412;
  readonly code = 'version_conflict';
  readonly field = 'version';
  constructor(
    message: string,
    readonly current: GraphNode | GraphEdge,
    readonly lastChange: LastChange | null,
  ) {
    super(message);
    this.name = 'VersionConflictError';
  }
}

/** `If-Match` or body `version` that cannot be read: HTTP 400. */
export class InvalidVersionError extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_parameter';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The ETag of a version: a strong validator, the number in quotes. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The versions a write may apply to, from `If-Match` (`"3"`, a list, or `*` for any) and the body's
 * `version`; undefined when neither names one. Pure.
 */
export function expectedVersions(ifMatch: string | undefined, bodyVersion: number | undefined): number[] | undefined {
  let fromHeader: number[] | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '*') {
    fromHeader = ifMatch.split(',').map((tag) => {
      const m = /^\s*"(\d{1,15})"\s*$/.exec(tag);
      if (!m) throw new InvalidVersionError('If-Match', `expected a version in quotes, such as "3" (got ${tag.trim()})`);
      return Number(m[1]);
    });
  }
  if (bodyVersion === undefined) return fromHeader;
  if (fromHeader && !fromHeader.includes(bodyVersion))
    throw new InvalidVersionError('version', `the body says ${bodyVersion}, If-Match says ${ifMatch ?? ''}: send one of them`);
  return [bodyVersion];
}

/**
 * Refuses the write when the client named versions and the stored one is not among them. `current`
 * builds the fact as it is now for the answer (only called on a conflict).
 */
export async function requireVersion(
  tx: ManagedTransaction,
  what: { id: string; relationship: boolean },
  expected: readonly number[] | undefined,
  stored: number,
  current: () => GraphNode | GraphEdge,
): Promise<void> {
  if (expected === undefined || expected.includes(stored)) return;
  const last = await lastChange(tx, what.id, what.relationship);
  const by = last
    ? ` Last change: ${last.action} by ${last.actor} at ${last.at}${last.fields.length ? ` (${last.fields.join(', ')})` : ''}.`
    : '';
  throw new VersionConflictError(
    `${what.id} has changed since the version you have (yours ${expected.join(' or ')}, now ${stored}).${by} ` +
      `Reload it to see the change, or send yours again with version ${stored}.`,
    current(),
    last,
  );
}

/** The newest audit entry that changed this fact, and which of its fields that entry changed. */
export async function lastChange(tx: ManagedTransaction, id: string, relationship: boolean): Promise<LastChange | null> {
  const result = await tx.run(cypher('queries/last-changes'), { id, relationship, limit: int(20) });
  const what = relationship ? 'relationship' : 'entity';
  for (const record of result.records) {
    const entry = toAuditEntry(record.get('entry') as Record<string, unknown>);
    // An entity's ids also list the ends of relationships changed; look for a change of the fact itself.
    const change = entry.changes?.findLast((c) => c.what === what && c.id === id);
    if (entry.changes && !change) continue;
    return {
      auditId: entry.id,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      fields: change ? changedFields(change) : [],
    };
  }
  return null;
}

/** The fields a recorded change touched (citation lists shown as `citations`). Pure. */
export function changedFields(change: AuditChange): string[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const fields = new Set<string>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'id' || sameValue(before[key], after[key])) continue;
    fields.add(key.startsWith('citation') ? 'citations' : key);
  }
  return [...fields].sort();
}
