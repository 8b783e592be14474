/**
 * Stored findings are brought up to date in the background (services/findings/): a test that asks for
 * them after a change waits until the answer says `status: current`, the way the page does.
 */
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConflictsResponse } from '../../../schemas/index.js';

/** Asks `url` (a /api/conflicts address) until the findings are current; gives up after `patienceMs`. */
export async function currentFindings(app: FastifyInstance, url: string, patienceMs = 120_000): Promise<ConflictsResponse> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const response = await app.inject(url);
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    const body = response.json<ConflictsResponse>();
    if (body.status === 'current') return body;
    if (Date.now() > deadline) throw new Error(`${url}: findings still updating after ${patienceMs} ms`);
    await sleep(100);
  }
}
