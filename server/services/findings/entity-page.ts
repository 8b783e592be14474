/**
 * One page of the stored findings about one entity ("Only the selected entity"), and how many of each
 * pattern there are. The counts walk the entity's members; the page is read one of two ways:
 *
 * - most entities are in a few findings: their members are walked and the findings sorted
 *   (findings-of-entity-page);
 * - a hub is in a large share of all findings (the largest contractor in 465,225 of 1.25M at 1M
 *   relationships): sorting them all took 4.7–5.9 s, 14 s on a cold cache. The generation's findings are
 *   walked in order instead, each kept when the entity is among its members (findings-of-entity-in-order),
 *   and a page then reads about (offset + limit) × all / the entity's findings.
 *
 * A page on a date (`asOf`) reads every one of the entity's findings, since its counts on that date need
 * them all (findings-of-entity-as-of).
 */
import { int, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import { generationPrefix, readPatternCounts, recordTexts, type asOfBounds } from './store.js';

/** A page of stored findings as read: their records, how many the ask has in all, and per pattern. */
export interface FindingsPage {
  records: string[];
  total: number;
  patternCounts: Record<string, number>;
}

/**
 * Whether the page is read by walking the generation's findings in order: when that costs less than
 * sorting the entity's own. Walking in order examines about (offset + limit) × all / entity findings,
 * each costing about four times one of the entity's (its ~7 members are looked at; measured at 1M), so:
 * entity² > 4 × all × (offset + limit). `entity` and `all` count the findings of the asked pattern (or
 * of every pattern).
 */
export function walkInOrder({
  entity,
  all,
  offset,
  limit,
}: {
  entity: number;
  all: number;
  offset: number;
  limit: number;
}): boolean {
  return entity > 0 && entity * entity > 4 * all * (offset + limit);
}

export async function readEntityPage(
  tx: ManagedTransaction,
  ask: {
    generation: number;
    entity: string;
    pattern: string | undefined;
    bounds: ReturnType<typeof asOfBounds>;
    offset: number;
    limit: number;
  },
): Promise<FindingsPage> {
  const { generation, entity, pattern, bounds, offset, limit } = ask;
  if (bounds.asOfFrom !== null) return readEntityPageOnDate(tx, ask);
  const patternCounts = await readPatternCounts(tx, cypher('queries/findings-of-entity-counts'), {
    entity,
    generation: int(generation),
  });
  const total = totalOf(patternCounts, pattern);
  if (offset >= total) return { records: [], total, patternCounts };
  // All the findings are at least the entity's: unless it has more than 4 × (offset + limit), no walk in
  // order can pay, and they are not counted.
  const inOrder =
    total > 4 * (offset + limit) &&
    walkInOrder({
      entity: total,
      all: totalOf(await readPatternCounts(tx, cypher('queries/findings-counts'), { generation: int(generation) }), pattern),
      offset,
      limit,
    });
  const query = !inOrder
    ? 'queries/findings-of-entity-page'
    : pattern
      ? 'queries/findings-of-entity-in-pattern-order'
      : 'queries/findings-of-entity-in-order';
  const result = await tx.run(cypher(query), {
    entity,
    generation: int(generation),
    prefix: generationPrefix(generation),
    pattern: pattern ?? null,
    offset: int(offset),
    limit: int(limit),
  });
  return { records: recordTexts((result.records[0]?.get('records') as unknown[] | undefined) ?? []), total, patternCounts };
}

async function readEntityPageOnDate(
  tx: ManagedTransaction,
  { generation, entity, pattern, bounds, offset, limit }: Parameters<typeof readEntityPage>[1],
): Promise<FindingsPage> {
  const row = (
    await tx.run(cypher('queries/findings-of-entity-as-of'), {
      entity,
      generation: int(generation),
      ...bounds,
      pattern: pattern ?? null,
      offset: int(offset),
      limit: int(limit),
    })
  ).records[0];
  const patternCounts: Record<string, number> = {};
  for (const { pattern: of, count } of (row?.get('counts') as { pattern: string; count: unknown }[] | undefined) ?? [])
    patternCounts[of] = Number(count);
  return {
    records: recordTexts((row?.get('records') as unknown[] | undefined) ?? []),
    total: Number(row?.get('total') ?? 0),
    patternCounts,
  };
}

/** Findings of `pattern` (or of all patterns) among per-pattern counts. */
export function totalOf(patternCounts: Readonly<Record<string, number>>, pattern: string | undefined): number {
  return pattern ? (patternCounts[pattern] ?? 0) : Object.values(patternCounts).reduce((a, b) => a + b, 0);
}
