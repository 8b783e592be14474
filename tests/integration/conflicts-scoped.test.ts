/**
 * Findings about one entity are computed from that entity's surroundings (each pattern starts from the
 * people or payers a finding about it can involve), and pages of findings are cut from one stable order.
 * Both must give exactly what the whole-graph answer gives: checked on the seed story, for every entity
 * that appears in a finding.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsResponse, Finding } from '../../schemas/index.js';
import { buildTestApp, getJson } from '../setup/app.js';
import { currentFindings, currentMoneyFlows } from './helpers/findings.js';

let app: FastifyInstance;
let all: ConflictsResponse;

const get = (url: string) => getJson<ConflictsResponse>(app, url);
const ids = (findings: Finding[]) => findings.map((f) => f.id);
/** How many of `findings` each pattern has, as `patternCounts` says. */
const counts = (findings: Finding[]) =>
  findings.reduce<Record<string, number>>((c, f) => ({ ...c, [f.pattern]: (c[f.pattern] ?? 0) + 1 }), {});

beforeAll(async () => {
  app = await buildTestApp();
  all = await currentFindings(app, '/api/conflicts');
});
afterAll(async () => {
  await app.close();
});

describe('findings about one entity', () => {
  it('are exactly the whole-graph findings whose evidence includes it, for every entity involved', async () => {
    const involved = [...new Set(all.findings.flatMap((f) => f.nodeIds))].sort();
    expect(involved.length).toBeGreaterThan(10);
    const patterns = new Set(all.findings.map((f) => f.pattern));
    expect(patterns.size).toBeGreaterThanOrEqual(4);
    for (const entity of involved) {
      const scoped = await get(`/api/conflicts?entity=${encodeURIComponent(entity)}`);
      const expected = all.findings.filter((f) => f.nodeIds.includes(entity));
      expect(ids(scoped.findings), entity).toEqual(ids(expected));
      expect(scoped.findings, entity).toEqual(expected);
    }
  });

  it('give the same money flows as the whole graph (read from the stored findings), totals included, rolled up or not', async () => {
    type Flows = { rows: { payer: { id: string }; payee: { id: string } }[]; status?: string; graphVersion?: string | null };
    const whole = async (rollup: number): Promise<Flows> => {
      await currentFindings(app, '/api/conflicts?limit=1');
      return currentMoneyFlows(app, `/api/money-flows?rollup=${rollup}`);
    };
    for (const rollup of [0, 1]) {
      const flows = await whole(rollup);
      expect(flows.status).toBe('current');
      expect(flows.rows.length).toBeGreaterThan(0);
      for (const entity of new Set(flows.rows.flatMap((r) => [r.payer.id, r.payee.id]))) {
        // Other test files write to the same database meanwhile: compare one entity's flows with a
        // whole-graph answer of the same graph version, read just before and just after them.
        for (let attempt = 1; ; attempt++) {
          const before = await whole(rollup);
          const scoped = (await app.inject(`/api/money-flows?rollup=${rollup}&entity=${encodeURIComponent(entity)}`)).json<{
            rows: unknown[];
          }>();
          const after = await whole(rollup);
          if (before.graphVersion !== after.graphVersion && attempt < 5) continue;
          expect(scoped.rows, `${entity} rollup=${rollup}`).toEqual(
            before.rows.filter((r) => r.payer.id === entity || r.payee.id === entity),
          );
          break;
        }
      }
    }
  });
});

describe('pages of findings', () => {
  it('cover every finding once, in order, each page with the evidence of its own findings', async () => {
    expect(all.total).toBe(all.findings.length);
    expect(all.nextCursor).toBeNull();
    const seen: Finding[] = [];
    let cursor: string | null | undefined = undefined;
    let pages = 0;
    do {
      const page: ConflictsResponse = await get(`/api/conflicts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(all.findings.length);
      expect(page.findings.length).toBeLessThanOrEqual(2);
      const nodeIds = new Set(page.nodes.map((n) => n.id));
      expect(nodeIds).toEqual(new Set(page.findings.flatMap((f) => f.nodeIds)));
      seen.push(...page.findings);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(all.findings.length / 2));
    expect(ids(seen)).toEqual(ids(all.findings));
  });

  it('of one pattern are that pattern’s part of the whole list, in the same order, with or without a date', async () => {
    for (const asOf of [undefined, '2020-06-01']) {
      const whole = asOf ? await get(`/api/conflicts?asOf=${asOf}`) : all;
      const patterns = [...new Set(whole.findings.map((f) => f.pattern))];
      expect(patterns.length).toBeGreaterThanOrEqual(asOf ? 2 : 4);
      for (const pattern of patterns) {
        const expected = whole.findings.filter((f) => f.pattern === pattern);
        const seen: Finding[] = [];
        let cursor: string | null | undefined = undefined;
        do {
          const query = `pattern=${pattern}&limit=2${asOf ? `&asOf=${asOf}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
          const page: ConflictsResponse = await get(`/api/conflicts?${query}`);
          expect(page.total, pattern).toBe(expected.length);
          seen.push(...page.findings);
          cursor = page.nextCursor;
        } while (cursor);
        expect(ids(seen), `${pattern} asOf ${asOf}`).toEqual(ids(expected));
      }
    }
  });

  it('of one entity, of one pattern or of all, cover its findings once, in order, with the counts of every pattern', async () => {
    const busiest = [...new Set(all.findings.flatMap((f) => f.nodeIds))]
      .map((id) => ({ id, findings: all.findings.filter((f) => f.nodeIds.includes(id)) }))
      .sort((a, b) => b.findings.length - a.findings.length)[0]!;
    expect(new Set(busiest.findings.map((f) => f.pattern)).size).toBeGreaterThan(1);
    for (const pattern of [undefined, busiest.findings[0]!.pattern]) {
      const expected = busiest.findings.filter((f) => !pattern || f.pattern === pattern);
      const seen: Finding[] = [];
      let cursor: string | null | undefined = undefined;
      do {
        const query = `entity=${encodeURIComponent(busiest.id)}${pattern ? `&pattern=${pattern}` : ''}&limit=1`;
        const page: ConflictsResponse = await get(`/api/conflicts?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(expected.length);
        expect(page.patternCounts).toEqual(counts(busiest.findings));
        expect(new Set(page.nodes.map((n) => n.id))).toEqual(new Set(page.findings.flatMap((f) => f.nodeIds)));
        seen.push(...page.findings);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it('of one entity on a date are the whole graph’s findings on that date whose evidence includes it', async () => {
    const asOf = '2020-06-01';
    const whole = await get(`/api/conflicts?asOf=${asOf}`);
    const involved = [...new Set(whole.findings.flatMap((f) => f.nodeIds))];
    expect(involved.length).toBeGreaterThan(5);
    for (const entity of involved) {
      const about = whole.findings.filter((f) => f.nodeIds.includes(entity));
      for (const pattern of [undefined, about[0]!.pattern]) {
        const query = `entity=${encodeURIComponent(entity)}&asOf=${asOf}${pattern ? `&pattern=${pattern}` : ''}`;
        const page = await get(`/api/conflicts?${query}`);
        expect(page.findings, `${entity} ${pattern}`).toEqual(about.filter((f) => !pattern || f.pattern === pattern));
        expect(page.patternCounts, entity).toEqual(counts(about));
      }
    }
  });

  it('refuses a cursor that is not one', async () => {
    const response = await app.inject('/api/conflicts?limit=2&cursor=abc');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { field: expect.stringContaining('cursor') } });
  });
});

describe('the whole-graph answer', () => {
  // Stored, and kept current in the background (docs/adr/0021): it must follow every change made
  // through Interlock, once the answer says it is current.
  const send = async <T>(method: 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  };
  const citations = [{ documentId: 'document:press-release-sanctuary-sabotage', locator: 'line 1', quote: 'board' }];
  const boardInterlocks = () => currentFindings(app, '/api/conflicts?pattern=board-interlock');

  it('shows a finding made by an edit at once, and drops it when the edit is taken back', async () => {
    const before = await boardInterlocks();
    const { entity } = await send<{ entity: { id: string } }>('POST', '/api/entities', {
      kind: 'Person',
      name: `Whole Graph Test ${Date.now()}`,
      citations,
    });
    const seats: string[] = [];
    for (const target of ['org:mijente', 'org:aclu-of-colorado']) {
      const { relationship } = await send<{ relationship: { id: string } }>('POST', '/api/relationships', {
        type: 'SITS_ON_BOARD',
        source: entity.id,
        target,
        citations,
      });
      seats.push(relationship.id);
    }
    const after = await boardInterlocks();
    expect(after.total).toBe(before.findings.length + 1);
    const added = after.findings.filter((f) => f.nodeIds.includes(entity.id));
    expect(added.map((f) => [...f.nodeIds].sort())).toEqual([[entity.id, 'org:aclu-of-colorado', 'org:mijente'].sort()]);

    for (const seat of seats) await send('DELETE', `/api/relationships/${encodeURIComponent(seat)}`);
    await send('DELETE', `/api/entities/${encodeURIComponent(entity.id)}`);
    expect(ids((await boardInterlocks()).findings)).toEqual(ids(before.findings));
  });
});
