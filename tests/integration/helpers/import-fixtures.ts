/** Fixture files for import tests, and removing what an import test wrote (entities, documents, audit entries). */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AuditChange } from '../../../schemas/index.js';
import { writeTransaction } from '../../../server/db/transactions.js';
import { recordAudit } from '../../../server/services/audit-log.js';

const FIXTURES = new URL('../../fixtures/imports/', import.meta.url);

export function fixture(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES));
}

/** The CSV fixture as the zip the import takes, optionally with one file's text changed. */
export function csvZip(edit: (file: 'entities.csv' | 'relationships.csv', text: string) => string = (_f, t) => t): Buffer {
  const files = ['entities.csv', 'relationships.csv'] as const;
  return Buffer.from(
    zipSync(Object.fromEntries(files.map((f) => [f, new TextEncoder().encode(edit(f, fixture(`csv/${f}`).toString('utf8')))]))),
  );
}

/** Deletes entities whose id contains one of `markers`, the given documents, and the audit entries of `actor`. */
export async function removeImported(
  driver: Driver,
  database: string,
  { markers, documentIds = [], actor }: { markers: string[]; documentIds?: string[]; actor?: string },
): Promise<void> {
  await driver.executeQuery(
    `MATCH (n:Entity) WHERE any(m IN $markers WHERE n.id CONTAINS m) OR n.id IN $documentIds
       OR any(m IN $markers WHERE n.url CONTAINS m)
     DETACH DELETE n`,
    { markers, documentIds },
    { database },
  );
  if (actor) await driver.executeQuery('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor }, { database });
}

/**
 * As `removeImported`, through the audit trail: the deletion records an audit entry naming every entity
 * it removed (actor `test:cleanup`, left in place), so the stored findings, which follow the audit trail,
 * drop what they said about those entities instead of serving it as current to the files that run next.
 */
export async function removeImportedAudited(
  driver: Driver,
  database: string,
  { markers, documentIds = [], actor }: { markers: string[]; documentIds?: string[]; actor?: string },
): Promise<void> {
  await deleteAudited(
    driver,
    database,
    `MATCH (n:Entity) WHERE any(m IN $markers WHERE n.id CONTAINS m) OR n.id IN $documentIds
       OR any(m IN $markers WHERE n.url CONTAINS m)`,
    { markers, documentIds },
    actor,
  );
}

/**
 * Deletes the entities `match` finds (a MATCH of `n`), and the audit entries of `actor`, in one transaction
 * that records an audit entry naming every entity removed (actor `test:cleanup`, left in place).
 */
async function deleteAudited(
  driver: Driver,
  database: string,
  match: string,
  parameters: Record<string, unknown>,
  actor?: string,
): Promise<void> {
  await writeTransaction(driver, database, async (tx) => {
    if (actor) await tx.run('MATCH (a:AuditEntry {actor: $actor}) DELETE a', { actor });
    const found = await tx.run(`${match} WITH n, n.id AS id DETACH DELETE n RETURN id`, parameters);
    const ids = found.records.map((r) => r.get('id') as string);
    if (ids.length === 0) return;
    await recordCleanup(
      tx,
      ids.map((id) => ({ id, what: 'entity', op: 'deleted', before: null, after: null })),
    );
  });
}

/**
 * Records what a test's cleanup changed straight in Neo4j (actor `test:cleanup`): the stored findings take
 * in only the audit trail, and would otherwise keep serving findings of what was removed to later files.
 */
export async function recordCleanup(tx: ManagedTransaction, changes: AuditChange[]): Promise<void> {
  await recordAudit(tx, {
    actor: 'test:cleanup',
    route: 'test cleanup',
    action: 'delete',
    summary: { deleted: changes.filter((c) => c.op === 'deleted').length },
    changes,
    withoutDetail: true,
  });
}

export async function graphCounts(
  driver: Driver,
  database: string,
): Promise<{ nodes: number; relationships: number; audit: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (a:AuditEntry) RETURN count(a) AS audit }
     RETURN nodes, relationships, audit`,
    {},
    { database },
  );
  const r = records[0];
  return { nodes: r?.get('nodes') as number, relationships: r?.get('relationships') as number, audit: r?.get('audit') as number };
}

/** A real FollowTheMoney sample of tests/fixtures/ftm/ (see its README): its text and the FtM ids it holds. */
export function ftmSample(name: 'parteispenden' | 'zala'): { text: string; ids: string[] } {
  const text = readFileSync(new URL(`../../fixtures/ftm/${name}.ftm.json`, import.meta.url), 'utf8');
  const ids = text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { id: string }).id);
  return { text, ids };
}

/** Deletes what importing FtM samples wrote: their entities, the documents and authorities made for them. */
export async function removeFtmSamples(driver: Driver, database: string, ftmIds: string[], documentIds: string[]): Promise<void> {
  // Through the audit trail, as removeImportedAudited: the stored findings about these payers then go too.
  await deleteAudited(
    driver,
    database,
    `MATCH (n:Entity) WHERE n.ftmId IN $ftmIds OR n.id IN $documentIds OR n.id STARTS WITH 'document:ftm-source-'
       OR n.id STARTS WITH 'public-body:ftm-authority-'`,
    { ftmIds, documentIds },
  );
}
