/**
 * Stored findings are brought up to date in the background (services/findings/): a test that asks for
 * them after a change waits until the answer says `status: current`, the way the page does.
 */
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import type { ConflictsResponse, FindingsStatus, MoneyFlowsResponse } from '../../../schemas/index.js';
import { readTransaction } from '../../../server/db/transactions.js';
import { graphVersion } from '../../../server/services/graph-version.js';
import { statusOf } from '../../../server/services/findings/service.js';
import { readState } from '../../../server/services/findings/store.js';

/** Asks `url` (a /api/conflicts address) until the findings are current; gives up after `patienceMs`. */
export function currentFindings(app: FastifyInstance, url: string, patienceMs = 120_000): Promise<ConflictsResponse> {
  return untilCurrent<ConflictsResponse>(app, url, 'findings', patienceMs);
}

/**
 * Asks `url` (a /api/money-flows address) until the answer is current: after a change the Money tab is
 * first answered from the table made before it, marked `updating`, while the new one is made.
 */
export function currentMoneyFlows(app: FastifyInstance, url: string, patienceMs = 120_000): Promise<MoneyFlowsResponse> {
  return untilCurrent<MoneyFlowsResponse>(app, url, 'money flows', patienceMs);
}

/** Asks `url` every 100 ms until its answer says `status: current`; `what` names it in the error after `patienceMs`. */
async function untilCurrent<T extends { status?: string }>(
  app: FastifyInstance,
  url: string,
  what: string,
  patienceMs: number,
): Promise<T> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const response = await app.inject(url);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const body = response.json<T>();
    if (body.status === 'current') return body;
    if (Date.now() > deadline) throw new Error(`${url}: ${what} still updating after ${patienceMs} ms`);
    await sleep(100);
  }
}

/**
 * Waits until the stored findings reflect the graph as it is, reading the state straight from the
 * database (not through the API, whose every answer asks the maintainer to catch up): shows that a
 * write itself set the background update going. Gives up after `patienceMs`.
 */
export async function findingsCaughtUp(driver: Driver, database: string, patienceMs = 180_000): Promise<FindingsStatus> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const status = await readTransaction(driver, database, async (tx) => statusOf(await readState(tx), await graphVersion(tx)));
    if (status.status === 'current') return status;
    if (Date.now() > deadline) throw new Error(`stored findings still behind the graph after ${patienceMs} ms`);
    await sleep(100);
  }
}
