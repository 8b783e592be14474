/**
 * The Money tab's table a page at a time (GET /api/money-flows with `limit`, `cursor`, `evidence`): the
 * pages together are the whole table in its order, the overall totals count every row of every page,
 * and each page brings the evidence of its own rows, read from their stored findings. Findings stored
 * before their facts were kept apart still answer the same.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityWriteResult, MoneyFlowRow, MoneyFlowsResponse } from '../../schemas/index.js';
import { readTransaction } from '../../server/db/transactions.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { readMoneyFacts } from '../../server/services/findings/money-facts.js';
import { FindingsService } from '../../server/services/findings/service.js';
import { generationPrefix, readState } from '../../server/services/findings/store.js';
import { TEST_SECURITY, buildTestApp, getJson } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { currentFindings, currentMoneyFlows } from './helpers/findings.js';
import { removeImportedAudited } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('money-pages');
let app: FastifyInstance;
let driver: Driver;

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
});
afterAll(async () => {
  await app.close();
  // What this file created (organisations, their payments, the documents of their citations: every id holds
  // the prefix), removed through the audit trail, so later files meet the seed's totals and findings.
  await removeImportedAudited(driver, database, { markers: [prefix] });
  await driver.close();
});

const flows = (url: string, on = app) => getJson<MoneyFlowsResponse>(on, url);

/**
 * The whole table and its pages of `limit` rows, all read from one state of the findings: other test
 * files write to the same database meanwhile, so a read that straddles a change is taken again.
 */
async function tableAndPages(query: string, limit: number): Promise<{ whole: MoneyFlowsResponse; pages: MoneyFlowsResponse[] }> {
  for (let attempt = 1; ; attempt++) {
    await currentFindings(app, '/api/conflicts?limit=1');
    const whole = await currentMoneyFlows(app, `/api/money-flows?${query}`);
    const pages: MoneyFlowsResponse[] = [];
    let cursor: string | null = null;
    do {
      const page: MoneyFlowsResponse = await flows(
        `/api/money-flows?${query}&limit=${limit}&evidence=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length <= whole.total);
    const after = await flows(`/api/money-flows?${query}&limit=1`);
    const versions = new Set([whole, ...pages, after].map((p) => `${p.status} ${p.graphVersion}`));
    if (versions.size === 1 && whole.status === 'current') return { whole, pages };
    if (attempt === 5) throw new Error(`the findings kept changing under ${query}`);
  }
}

/** What a row's flow is drawn from, as the page draws it: its payer, its contracts, its payments. */
function expectEvidenceOf(row: MoneyFlowRow, page: Pick<MoneyFlowsResponse, 'nodes' | 'edges'>, payeeToo: boolean): void {
  const nodes = new Set(page.nodes?.map((n) => n.id));
  const edges = new Set(page.edges?.map((e) => e.id));
  const label = `${row.payer.id} → ${row.payee.id}`;
  expect(nodes.has(row.payer.id), label).toBe(true);
  if (payeeToo) expect(nodes.has(row.payee.id), label).toBe(true);
  for (const contract of row.contractIds) expect(nodes.has(contract), `${label}: ${contract}`).toBe(true);
  for (const payment of row.paymentIds) expect(edges.has(payment), `${label}: ${payment}`).toBe(true);
}

describe('pages of the money flows table', () => {
  it.each([0, 1])('cover every row once, in order, with the overall totals of all rows (rollup=%i)', async (rollup) => {
    const { whole, pages } = await tableAndPages(`rollup=${rollup}`, 1);
    expect(whole.rows.length).toBeGreaterThan(1);
    expect(whole.total).toBe(whole.rows.length);
    expect(whole.nextCursor).toBeNull();
    expect(pages.length).toBe(whole.total);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
    for (const page of pages) {
      expect(page.total).toBe(whole.total);
      expect(page.totals).toEqual(whole.totals);
      expect(page.unknownCount).toBe(whole.unknownCount);
    }
    // Without `evidence`, none is sent (the table alone is what most asks want).
    expect(whole.nodes).toBeUndefined();
  });

  it('bring the evidence of their own rows: payer, payee, contracts and payments, and nothing of other rows', async () => {
    const { pages } = await tableAndPages('rollup=0', 1);
    for (const page of pages) {
      const [row] = page.rows;
      expectEvidenceOf(row!, page, true);
      // A payer's flow to one payee rests on the payer, the payee and the contracts between them.
      expect(new Set(page.nodes!.map((n) => n.id))).toEqual(new Set([row!.payer.id, row!.payee.id, ...row!.contractIds]));
    }
  });

  it('rolled up, bring the evidence of the flows to every subsidiary counted in a row', async () => {
    const { pages } = await tableAndPages('rollup=1', 1);
    for (const page of pages) expectEvidenceOf(page.rows[0]!, page, false);
  });

  it('of one entity are cut from its own table, each with its rows’ evidence', async () => {
    const { whole } = await tableAndPages('rollup=0', 100);
    const payer = whole.rows[0]!.payer.id;
    const own = await flows(`/api/money-flows?entity=${encodeURIComponent(payer)}`);
    expect(own.total).toBe(own.rows.length);
    const seen: MoneyFlowRow[] = [];
    let cursor: string | null = null;
    do {
      const page: MoneyFlowsResponse = await flows(
        `/api/money-flows?entity=${encodeURIComponent(payer)}&limit=1&evidence=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.total).toBe(own.total);
      expect(page.totals).toEqual(own.totals);
      expectEvidenceOf(page.rows[0]!, page, true);
      seen.push(...page.rows);
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length <= own.total);
    expect(seen).toEqual(own.rows);
  });

  it('rejects a limit out of range and a cursor that is not one with 400', async () => {
    for (const query of ['limit=0', 'limit=5001', 'cursor=abc', 'evidence=maybe']) {
      const response = await app.inject(`/api/money-flows?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code, query).toBeTruthy();
    }
  });
});

describe('the facts of the table, read a chunk at a time', () => {
  it('are every stored money flow once, in order, whatever the chunk (rollup too)', async () => {
    for (let attempt = 1; ; attempt++) {
      await currentFindings(app, '/api/conflicts?limit=1');
      const stateNow = () => readTransaction(driver, database, readState);
      const before = await stateNow();
      const generation = before!.generation;
      const whole = await readMoneyFacts(driver, database, generation, true);
      const chunked = await Promise.all([1, 2, 3].map((perRead) => readMoneyFacts(driver, database, generation, true, perRead)));
      const after = await stateNow();
      // Other test files change the graph meanwhile: a read that straddles a change is taken again.
      if (after?.generation !== generation || after.graphVersion !== before?.graphVersion) {
        if (attempt === 5) throw new Error('the findings kept changing');
        continue;
      }
      // Chunks smaller than the findings: several reads each (and a last one that finds none).
      expect(whole.texts.length).toBeGreaterThanOrEqual(3);
      for (const facts of chunked) {
        expect(facts.texts).toEqual(whole.texts);
        expect(facts.tops).toEqual(whole.tops);
      }
      const stored = await driver.executeQuery(
        "MATCH (f:Finding {pattern: 'money-flow'}) WHERE f.order STARTS WITH $prefix RETURN count(f) AS n",
        { prefix: generationPrefix(generation) },
        { database },
      );
      expect(whole.texts.length).toBe(Number(stored.records[0]?.get('n')));
      return;
    }
  });
});

describe('the Money tab after an edit', () => {
  it('answers at once from the table made before it, marked updating with that table’s version, then with the edit', async () => {
    const headers = { authorization: `Bearer ${TEST_SECURITY.adminToken}` };
    const citations = [
      { newDocument: { title: `Ledger ${prefix}`, publisher: 'Example Gazette' }, locator: 'p. 1', quote: 'paid' },
    ];
    const organisation = async (name: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/entities',
        headers,
        payload: { kind: 'Organization', name, citations },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<EntityWriteResult>().entity.id;
    };
    const url = '/api/money-flows?limit=5000';
    for (let attempt = 1; ; attempt++) {
      const [payer, payee] = [await organisation(`Payer ${prefix} ${attempt}`), await organisation(`Payee ${prefix} ${attempt}`)];
      const paysNow = (answer: MoneyFlowsResponse) => answer.rows.some((r) => r.payer.id === payer && r.payee.id === payee);
      await currentFindings(app, '/api/conflicts?limit=1');
      const before = await currentMoneyFlows(app, url);
      const paid = await app.inject({
        method: 'POST',
        url: '/api/relationships',
        headers,
        payload: { type: 'PAID', source: payer, target: payee, amount: 1234, currency: 'EUR', citations },
      });
      expect(paid.statusCode, paid.body).toBe(201);
      await currentFindings(app, '/api/conflicts?limit=1');
      const first = await flows(url);
      // Another file's import serves another generation: no table of it was made before; try again.
      if (first.status === 'current' && attempt < 5) continue;
      expect(first.status).toBe('updating');
      expect(first.graphVersion).toBe(before.graphVersion);
      expect(first.rows).toEqual(before.rows);
      expect(paysNow(first)).toBe(false);
      const after = await currentMoneyFlows(app, url);
      expect(after.graphVersion).not.toBe(before.graphVersion);
      expect(paysNow(after)).toBe(true);
      return;
    }
  });
});

describe('the Money tab while the findings are updating', () => {
  it('reads the stored facts once for every reader who asks, and says the table is updating', async () => {
    // Patterns other than those the findings were computed with (a parameter more): the findings stay
    // `updating` (a full recomputation is due), and with the maintainer stopped, nothing in the database changes.
    const patterns = loadPatterns().map((p) =>
      p.id === 'money-flow' ? { ...p, parameters: { ...p.parameters, changed: true } } : p,
    );
    let factReads = 0;
    const counting = new Proxy(driver, {
      get(target, property) {
        if (property !== 'session') return Reflect.get(target, property, target) as unknown;
        return (config: Parameters<Driver['session']>[0]) => {
          const session = target.session(config);
          const { executeRead } = session;
          session.executeRead = ((work: (tx: ManagedTransaction) => Promise<unknown>) =>
            executeRead.call(session, (tx) =>
              work(
                Object.assign(Object.create(tx) as ManagedTransaction, {
                  run: (query: string, parameters?: Record<string, unknown>) => {
                    if (query.startsWith('// findings-money-flows')) factReads += 1;
                    return tx.run(query, parameters);
                  },
                }),
              ),
            )) as Session['executeRead'];
          return session;
        };
      },
    });
    const conflicts = new ConflictService(counting, database, patterns);
    const maintainer = new FindingsMaintainer(counting, database, conflicts);
    await maintainer.stop();
    for (let attempt = 1; ; attempt++) {
      // A process that has kept no table yet, as one started while a recomputation runs.
      const findings = new FindingsService(counting, database, conflicts, maintainer);
      const current = await currentMoneyFlows(app, '/api/money-flows');
      factReads = 0;
      const together = await Promise.all([1, 2, 3].map(() => findings.moneyFlows({ rollup: false })));
      const later = [await findings.moneyFlows({ rollup: false }), await findings.moneyFlows({ rollup: false })];
      const answers = [...together, ...later];
      // Another file's edit during the read makes it read again (the table is of one state): try again.
      if (factReads !== 1 && attempt < 5) continue;
      expect(factReads).toBe(1);
      for (const answer of answers) expect(answer.status).toBe('updating');
      if (answers[0]!.graphVersion === current.graphVersion) expect(answers[0]!.rows).toEqual(current.rows);
      return;
    }
  });
});

describe('money-flow findings stored before their facts were kept apart', () => {
  it('give the same table, from their records', async () => {
    const { whole } = await tableAndPages('rollup=0', 100);
    // As a store written by an earlier version holds them: the record alone. A new app process has kept
    // no table yet, so it reads these.
    const removed = await driver.executeQuery(
      "MATCH (f:Finding {pattern: 'money-flow'}) WHERE f.facts IS NOT NULL REMOVE f.facts RETURN count(f) AS n",
      {},
      { database },
    );
    expect(Number(removed.records[0]?.get('n'))).toBeGreaterThan(0);
    const fresh = await buildTestApp();
    try {
      const old = await flows('/api/money-flows?rollup=0', fresh);
      if (old.graphVersion === whole.graphVersion) expect(old).toEqual(whole);
      else expect(old.rows.length).toBeGreaterThan(0); // another file changed the graph meanwhile
    } finally {
      await fresh.close();
    }
  });
});
