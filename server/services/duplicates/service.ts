/**
 * The duplicate finder against the database: read every entity's names and identifiers in one pass,
 * group and score them in memory (proposals.ts), leave out the pairs a person rejected, and page the
 * answer. Rejections are remembered as `:DuplicateRejection` nodes, with an audit entry.
 */
import type { Driver } from 'neo4j-driver';
import type { DuplicatesQuery, DuplicatesResponse, EntityKind } from '../../../schemas/index.js';
import { cypher } from '../../db/cypher-files.js';
import { recordAudit } from '../audit-log.js';
import { NotFoundError } from '../graph-repository.js';
import { readEntity } from '../editing/graph-state.js';
import { inWriteTransaction, type Actor } from '../editing/transaction.js';
import { pairKey, proposeDuplicates, type Candidate, type Proposals } from './proposals.js';
import { openSession } from '../../db/transactions.js';
import { graphVersion, VersionedMemo } from '../graph-version.js';

/** The last proposals per kind filter: paging through them, or asking again before anything changed, does not read and group every entity again. */
const memo = new VersionedMemo<Proposals>();

export async function findDuplicates(driver: Driver, database: string, query: DuplicatesQuery): Promise<DuplicatesResponse> {
  const session = openSession(driver, database, 'READ');
  try {
    const { pairs, capped } = await session.executeRead(async (tx) =>
      memo.get(`${database}|${query.kind ?? '*'}`, await graphVersion(tx), async () => {
        const rows = await tx.run(cypher('queries/duplicate-candidates'), { kind: query.kind ?? null });
        const rejections = await tx.run(cypher('queries/duplicate-rejections'));
        return proposeDuplicates(
          rows.records.map((r) => toCandidate(r.toObject())),
          new Set(rejections.records.map((r) => r.get('pair') as string)),
        );
      }),
    );
    const wanted = query.entity ? pairs.filter((p) => p.a.id === query.entity || p.b.id === query.entity) : pairs;
    return { pairs: wanted.slice(query.offset, query.offset + query.limit), total: wanted.length, capped };
  } finally {
    await session.close();
  }
}

export async function rejectDuplicate(
  driver: Driver,
  database: string,
  pair: { a: string; b: string },
  who: Actor,
): Promise<{ auditId: string; a: string; b: string }> {
  const [a, b] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a];
  return inWriteTransaction(driver, database, async (tx) => {
    for (const id of [a, b]) if (!(await readEntity(tx, id))) throw new NotFoundError('entity', id);
    const at = new Date();
    await tx.run(cypher('queries/reject-duplicate'), { pair: pairKey(a, b), a, b, actor: who.actor, at: at.toISOString() });
    const auditId = await recordAudit(
      tx,
      { ...who, action: 'reject-duplicate', summary: { a, b }, changes: [], concerns: [a, b] },
      at,
    );
    return { auditId, a, b };
  });
}

function toCandidate(row: Record<string, unknown>): Candidate {
  // Ids that name the same record: its own, those merged into it, the FtM id it was imported with.
  const identifiers = [`id:${String(row.id)}`, ...(row.mergedIds as string[]).map((id) => `id:${id}`)];
  if (typeof row.ftmId === 'string') identifiers.push(`ftm:${row.ftmId}`);
  // Codes authorities gave it: the same code says "the same", a different code of the same scheme "not".
  const codes: [string, string][] = (row.identifierSchemes as string[]).map((scheme, i) => [
    scheme,
    normaliseCode(String((row.identifierValues as string[])[i] ?? '')),
  ]);
  if (typeof row.url === 'string') codes.push(['url', normaliseUrl(row.url)]);
  return {
    id: String(row.id),
    kind: row.kind as EntityKind,
    name: String(row.name ?? ''),
    aliases: (row.aliases as unknown[]).map(String),
    identifiers,
    codes,
    ...(typeof row.birthDate === 'string' ? { birthDate: row.birthDate } : {}),
  };
}

/** Registration numbers written with spaces, dashes or dots (`HRB 1234`, `hrb-1234`) are one code. */
export function normaliseCode(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, '');
}

/** The same page written two ways (`https://www.x.org/a/` and `http://x.org/a`) is one identifier. */
export function normaliseUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/#?]+$/, '');
}
