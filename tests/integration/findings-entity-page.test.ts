/**
 * "Only the selected entity" reads a page of a hub's stored findings by walking all the findings in
 * order and keeping the hub's (services/findings/entity-page.ts), and any other entity's by sorting its
 * own. Both must give the same findings in the same order: here the entity in the most stored findings
 * (a hub of a generated graph imported beside the seed story) is
 * read a finding at a time (the walk in order, for the first pages) and all at once (its own sorted),
 * and the page queries themselves are compared at every offset, for every pattern and each one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { int, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsResponse, InterlockFile } from '../../schemas/index.js';
import { generateGraph } from '../../scripts/generate-graph.js';
import { cypher } from '../../server/db/cypher-files.js';
import { readTransaction } from '../../server/db/transactions.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { walkInOrder } from '../../server/services/findings/entity-page.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { FindingsService } from '../../server/services/findings/service.js';
import { generationPrefix } from '../../server/services/findings/store.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const tag = uniquePrefix('hubpage').replace(/[^a-z0-9-]/g, '');
const actor = `test:${tag}`;

describe('a page of one entity’s stored findings', () => {
  let driver: Driver;
  let maintainer: FindingsMaintainer;
  let findings: FindingsService;
  let all: ConflictsResponse;
  let hub = '';

  beforeAll(async () => {
    driver = testDriver();
    const conflicts = new ConflictService(driver, database);
    maintainer = new FindingsMaintainer(driver, database, conflicts);
    findings = new FindingsService(driver, database, conflicts, maintainer);
    // A generated graph beside the seed story: its hubs are in a large share of the findings.
    const graph = JSON.parse(JSON.stringify(generateGraph(2_000, 5)).replaceAll(':gen-', `:${tag}-`)) as InterlockFile;
    await importInterlockFile(driver, database, graph, { actor, route: 'test' });
    all = await currentAnswer();
    const count = new Map<string, number>();
    for (const f of all.findings) for (const id of new Set(f.nodeIds)) count.set(id, (count.get(id) ?? 0) + 1);
    [hub] = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  }, 180_000);

  afterAll(async () => {
    await removeImported(driver, database, { markers: [`:${tag}-`], actor });
    // The findings brought back to the graph as the other files expect it.
    await currentAnswer();
    await maintainer.stop();
    await driver.close();
  }, 180_000);

  /** The whole-graph answer once the stored findings are current. */
  async function currentAnswer(): Promise<ConflictsResponse> {
    for (;;) {
      const answer = await findings.answer({});
      if (answer.status === 'current') return answer;
      await sleep(100);
    }
  }

  const ids = (answer: ConflictsResponse) => answer.findings.map((f) => f.id);

  it('gives the same findings in the same order a finding at a time as all at once', async () => {
    const whole = await findings.answer({ entity: hub, limit: 100_000 });
    const total = whole.total ?? 0;
    // The first pages of one are read by walking every finding in order; the whole list is not.
    expect(walkInOrder({ entity: total, all: all.total ?? 0, offset: 0, limit: 1 })).toBe(true);
    expect(walkInOrder({ entity: total, all: all.total ?? 0, offset: 0, limit: 100_000 })).toBe(false);
    expect(total).toBeGreaterThan(2);

    const oneByOne: string[] = [];
    for (let offset = 0; offset < total; offset++) {
      const page = await findings.answer({ entity: hub, limit: 1, cursor: String(offset) });
      expect(page.total).toBe(total);
      expect(page.patternCounts).toEqual(whole.patternCounts);
      oneByOne.push(...ids(page));
    }
    expect(oneByOne).toEqual(ids(whole));
    expect(ids(await findings.answer({ entity: hub, limit: 2, cursor: '1' }))).toEqual(ids(whole).slice(1, 3));
  });

  it('reads the same page walking in order as sorting the entity’s own, for every pattern and each one', async () => {
    const generation = await readTransaction(driver, database, async (tx) =>
      Number((await tx.run(`MATCH (s:FindingsState {id: 'findings'}) RETURN s.generation AS g`)).records[0]?.get('g')),
    );
    const page = (query: string, pattern: string | null, offset: number, limit: number) =>
      readTransaction(driver, database, async (tx) => {
        const result = await tx.run(cypher(query), {
          entity: hub,
          generation: int(generation),
          prefix: generationPrefix(generation),
          pattern,
          offset: int(offset),
          limit: int(limit),
        });
        return (result.records[0]?.get('records') as string[]).map((r) => (JSON.parse(r) as { id: string }).id);
      });
    for (const pattern of [null, ...Object.keys(all.patternCounts ?? {})]) {
      const own = await page('queries/findings-of-entity-page', pattern, 0, 1000);
      const inOrder = pattern ? 'queries/findings-of-entity-in-pattern-order' : 'queries/findings-of-entity-in-order';
      expect(await page(inOrder, pattern, 0, 1000), String(pattern)).toEqual(own);
      // Pages of one: the first ones, the last one and the one past the end.
      const offsets = [
        ...new Set([...Array.from({ length: Math.min(own.length, 25) }, (_x, i) => i), own.length - 1, own.length]),
      ];
      for (const offset of offsets.filter((o) => o >= 0))
        expect(await page(inOrder, pattern, offset, 1), `${pattern} at ${offset}`).toEqual(own.slice(offset, offset + 1));
    }
  });
});
