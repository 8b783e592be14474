/**
 * The facts the Money tab's table is made of: the rows of every stored `money-flow` finding of a
 * generation (ADR 0037), read a chunk at a time, each chunk in a transaction of its own.
 *
 * At 1M relationships they are ~285k findings and ~141 MB. In one transaction, that read takes 8-12 s
 * there when the caches are cold for them (a database just started, or just after a full recomputation
 * wrote 1.25M findings through them), and passed the 20 s query cap on a busy machine: the first Money
 * ask was answered 503. Chunks along the (pattern, order) index each take under a second cold.
 * The chunks are not one snapshot: the caller checks the findings did not change meanwhile.
 */
import { int, type Driver } from 'neo4j-driver';
import { cypher } from '../../db/cypher-files.js';
import { readTransaction } from '../../db/transactions.js';
import type { FindingRecord } from '../conflicts/findings.js';
import { moneyTableSteps, rolledUpSteps, type MoneyTable, type RollupTop } from '../conflicts/money.js';
import type { Sliced } from '../sliced.js';
import { MONEY_FLOW, generationPrefix } from './store.js';

/** The stored facts of a generation's money flows, as read (JSON), and the payees' tops when rolled up. */
export interface StoredMoneyFacts {
  texts: { facts: string | null; record: string | null }[];
  tops: Map<string, RollupTop> | null;
}

/**
 * Findings read per transaction: ~8 MB, under a second on a cold page cache at 1M. 15 reads there; in
 * chunks of 5,000 the 57 round trips made a warm read ~0.5 s slower than one transaction.
 */
export const MONEY_FINDINGS_PER_READ = 20_000;

export async function readMoneyFacts(
  driver: Driver,
  database: string,
  generation: number,
  rollup: boolean,
  perRead = MONEY_FINDINGS_PER_READ,
): Promise<StoredMoneyFacts> {
  const prefix = generationPrefix(generation);
  // `order` is the generation's prefix then more: after the bare prefix, and before the next generation's.
  const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
  const texts: StoredMoneyFacts['texts'] = [];
  const tops = rollup ? new Map<string, RollupTop>() : null;
  let after = prefix;
  for (;;) {
    const chunk = await readTransaction(driver, database, async (tx) => {
      const stored = await tx.run(cypher('queries/findings-money-flows'), {
        pattern: MONEY_FLOW,
        after,
        end,
        limit: int(perRead),
      });
      // The tops of this chunk's payees not looked up yet, in the same short transaction.
      const ids = tops ? [...new Set(stored.records.map((r) => String(r.get('payee'))))].filter((id) => !tops.has(id)) : [];
      const found = ids.length ? (await tx.run(cypher('queries/money-flow-rollup'), { ids })).records : [];
      return { stored: stored.records, found };
    });
    for (const r of chunk.stored)
      texts.push({ facts: r.get('facts') as string | null, record: r.get('record') as string | null });
    for (const r of chunk.found) tops?.set(String(r.get('id')), { id: String(r.get('topId')), name: String(r.get('topName')) });
    if (chunk.stored.length < perRead) return { texts, tops };
    after = String(chunk.stored.at(-1)?.get('order'));
  }
}

/** Every row of the Money tab's table: from the facts stored apart, or from the record of a finding stored before them. */
export function* storedTableSteps({ texts, tops }: StoredMoneyFacts): Sliced<MoneyTable> {
  const facts: Record<string, unknown>[] = [];
  for (const [i, { facts: json, record }] of texts.entries()) {
    // One stored finding's facts (one row, or many) are parsed at a time, with a pause point every few.
    if (i % FINDINGS_PER_PAUSE === 0) yield;
    const rows = json
      ? (JSON.parse(json) as Record<string, unknown>[])
      : (JSON.parse(String(record)) as FindingRecord).rows.map((row) => row.facts);
    for (const f of rows) facts.push(f);
  }
  return yield* moneyTableSteps(tops ? yield* rolledUpSteps(facts, tops) : facts);
}

/** Stored findings parsed between two pause points: each is a JSON text of one or more rows. */
const FINDINGS_PER_PAUSE = 50;
