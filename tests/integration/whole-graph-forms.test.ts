/**
 * Every pattern's whole-graph form (cypher/patterns/whole-graph/, ADR 0022 and 0025) gives exactly the
 * findings of its per-entity form run over the whole graph (`$entity` null): the same ids, titles,
 * explanations, periods, evidence and citations. Checked on the seed story, then on the seed with a
 * generated graph (scripts/generate-graph.ts: hubs, payments, ownership, families, lobbying) beside it.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, InterlockFile } from '../../schemas/index.js';
import { generateGraph } from '../../scripts/generate-graph.js';
import { findingOf } from '../../server/services/conflicts/findings.js';
import { loadPatterns, type PatternDefinition } from '../../server/services/conflicts/pattern-files.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const tag = uniquePrefix('wgf').replace(/[^a-z0-9-]/g, '');
const actor = `test:${tag}`;
let driver: Driver;
let service: ConflictService;
const patterns = loadPatterns();
const withWholeGraphForm = patterns.filter((p) => p.wholeGraphQuery);

beforeAll(async () => {
  driver = testDriver();
  service = new ConflictService(driver, database, patterns);
});
afterAll(async () => {
  await removeImported(driver, database, { markers: [`:${tag}-`], actor });
  await driver.close();
});

/** The findings of one form over the whole graph, by id, in a form that compares whatever the row order. */
async function findingsOf(pattern: PatternDefinition): Promise<Map<string, Finding>> {
  const records = await service.records(pattern, null, 10 * 60_000);
  const found = new Map<string, Finding>();
  for (const record of records) {
    const built = findingOf(pattern, record);
    if (!built) continue;
    const f = built.finding;
    found.set(f.id, { ...f, nodeIds: [...f.nodeIds].sort(), edgeIds: [...f.edgeIds].sort(), citations: [...f.citations] });
  }
  return found;
}

/** Compares both forms of every pattern that has two; gives how many findings each pattern found. */
async function compareForms(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const pattern of withWholeGraphForm) {
    const whole = await findingsOf(pattern);
    const perEntity = await findingsOf({ ...pattern, wholeGraphQuery: undefined });
    expect([...whole.keys()].sort(), pattern.id).toEqual([...perEntity.keys()].sort());
    for (const [id, finding] of whole) {
      const other = perEntity.get(id)!;
      expect(finding, `${pattern.id} ${id}`).toEqual({ ...other, citations: expect.arrayContaining(other.citations) });
      expect(finding.citations.length, `${pattern.id} ${id}`).toBe(other.citations.length);
    }
    counts.set(pattern.id, whole.size);
  }
  return counts;
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

describe('whole-graph forms', () => {
  it('exist for every pattern but circumvention-chain (which starts from the few laws anyway)', () => {
    const without = ['circumvention-chain'];
    expect(withWholeGraphForm.map((p) => p.id)).toEqual(patterns.map((p) => p.id).filter((id) => !without.includes(id)));
  });

  it('find exactly what the per-entity forms find over the whole seed story', async () => {
    expect(total(await compareForms())).toBeGreaterThan(5);
  }, 600_000);

  it('find exactly what the per-entity forms find with a generated graph of hubs beside it', async () => {
    const graph = JSON.parse(JSON.stringify(generateGraph(3_000, 3)).replaceAll(':gen-', `:${tag}-`)) as InterlockFile;
    await importInterlockFile(driver, database, graph, { actor, route: 'test' });
    const counts = await compareForms();
    expect(total(counts)).toBeGreaterThan(50);
    // The hubs make the patterns that gather many contracts or flows per finding keep only some as
    // evidence: both forms must keep the same ones.
    for (const id of ['revolving-door', 'vendor-board-seat', 'pay-to-play', 'self-dealing', 'enforcer-board-seat'])
      expect(counts.get(id) ?? 0, id).toBeGreaterThan(0);
  }, 600_000);
});
