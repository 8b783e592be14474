/**
 * The audit trail: who changed what, when, through which route, with the properties before and after.
 * Entries are `:AuditEntry` nodes (not `:Entity`, so they never show in the graph) written by the caller
 * inside the transaction of the change itself: no change without its entry, no entry without its change.
 * Neo4j properties cannot hold maps, so the summary and the before/after detail are stored as JSON text;
 * past `DETAIL_LIMIT` changes only the ids are kept, and past `ID_LIMIT` only the counts.
 */
import { randomUUID } from 'node:crypto';
import { int, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AuditChange, type AuditEntry } from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';

export const DETAIL_LIMIT = 1_000;
/**
 * Ids kept per entry. Past this only counts remain (`idsTruncated` in the summary): a 100k-row import
 * would otherwise add a list of 150k strings to a transaction that is already near the memory limit of
 * the embedded Neo4j.
 */
export const ID_LIMIT = 20_000;

export interface AuditRecord {
  actor: string;
  route: string;
  action: string;
  summary: Record<string, unknown>;
  changes: AuditChange[];
  /** Entities the entry concerns beyond those changed (a pair declared not to be duplicates). */
  concerns?: string[];
  /**
   * Keep the before/after detail whatever the size: edits and merges must stay undoable, and they are
   * bounded by one entity's relationships rather than by a file.
   */
  keepDetail?: boolean;
  /** Keep only the ids: the changes carry no before/after worth keeping (an import completed after a crash). */
  withoutDetail?: boolean;
  /** `changes` is only the first part of what changed (a streamed import keeps a bounded list): say so. */
  truncated?: boolean;
}

/** Writes one entry in `tx` and returns its id. */
export async function recordAudit(tx: ManagedTransaction, record: AuditRecord, now = new Date()): Promise<string> {
  const id = `audit:${now.toISOString().replace(/[:.]/g, '-').toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const entityIds = new Set<string>(record.concerns ?? []);
  // A set: a merge records a moved relationship twice (deleted at one end, created at the other).
  const relationshipSet = new Set<string>();
  for (const c of record.changes) {
    if (c.what === 'entity') entityIds.add(c.id);
    else {
      relationshipSet.add(c.id);
      for (const end of [c.source, c.target]) if (end) entityIds.add(end);
    }
  }
  const relationshipIds = [...relationshipSet];
  const detailed = record.withoutDetail !== true && (record.keepDetail === true || record.changes.length <= DETAIL_LIMIT);
  const idsTruncated = record.truncated === true || entityIds.size + relationshipIds.length > ID_LIMIT;
  const entry = {
    id,
    at: now.toISOString(),
    actor: record.actor,
    route: record.route,
    action: record.action,
    summary: JSON.stringify({ ...record.summary, detailed, idsTruncated }),
    entityIds: [...entityIds].slice(0, ID_LIMIT),
    relationshipIds: relationshipIds.slice(0, Math.max(0, ID_LIMIT - entityIds.size)),
    ...(detailed ? { changes: JSON.stringify(record.changes) } : {}),
  };
  await tx.run(cypher('queries/create-audit-entry'), { entry });
  return id;
}

/** One entry by id, as stored (null when there is none), read inside the caller's transaction. */
export async function readAuditEntry(tx: ManagedTransaction, id: string): Promise<AuditEntry | null> {
  const result = await tx.run(cypher('queries/audit-entry'), { id });
  const row = result.records[0]?.get('entry') as Record<string, unknown> | undefined;
  return row ? toAuditEntry(row) : null;
}

export async function listAudit(
  driver: Driver,
  database: string,
  options: { entity?: string | undefined; limit: number; withDrafts: boolean },
): Promise<AuditEntry[]> {
  const { records } = await driver.executeQuery(
    cypher('queries/audit-entries'),
    { entity: options.entity ?? null, limit: int(options.limit), withDrafts: options.withDrafts },
    { database, routing: 'READ' },
  );
  return records.map((r) => toAuditEntry(r.get('entry') as Record<string, unknown>, options.entity));
}

/** A stored entry as the API shows it; with `entity`, only the changes that touched that entity. */
export function toAuditEntry(row: Record<string, unknown>, entity?: string): AuditEntry {
  const changes = typeof row.changes === 'string' ? AuditChange.array().parse(JSON.parse(row.changes)) : null;
  return {
    id: String(row.id),
    at: String(row.at),
    actor: String(row.actor),
    route: String(row.route),
    action: String(row.action),
    summary: typeof row.summary === 'string' ? (JSON.parse(row.summary) as Record<string, unknown>) : {},
    entityIds: Array.isArray(row.entityIds) ? row.entityIds.map(String) : [],
    relationshipIds: Array.isArray(row.relationshipIds) ? row.relationshipIds.map(String) : [],
    changes: changes && entity ? changes.filter((c) => c.id === entity || c.source === entity || c.target === entity) : changes,
  };
}
