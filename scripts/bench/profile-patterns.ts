/**
 * PROFILE of each conflict pattern on a generated graph, whole graph and for one entity: total database
 * hits, rows, and the three operators with the most hits. Database hits do not depend on the machine's
 * load, so they compare plans where timings on a shared machine cannot.
 *
 *   npx tsx scripts/bench/profile-patterns.ts [--relationships 20000] [--seed 1] [--heap 2g] [--pagecache 1g]
 *
 * At 1M relationships: `--data-dir <folder>` keeps the imported graph for the next run, and
 * `--whole-graph-only --timeout 300` profiles only the whole-graph forms, counting their rows in the
 * database (`CALL { … } RETURN count(*)`, so the time is not spent sending them), each within a cap;
 * a form that passes the cap or the database's transaction memory is reported as such.
 */
import { Command } from 'commander';
import type { ProfiledPlan } from 'neo4j-driver';
import { generateGraph } from '../generate-graph.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { benchDatabase, importUnlessLoaded } from './neo4j.js';
import { sampleOf } from './queries.js';
import { markdownTable, formatNumber as n } from './stats.js';

const options = new Command('profile-patterns')
  .option('--relationships <n>', 'size of the generated graph', (v) => Number.parseInt(v, 10), 20_000)
  .option('--seed <n>', 'seed', (v) => Number.parseInt(v, 10), 1)
  .option('--heap <size>', 'heap of the embedded Neo4j', '2g')
  .option('--pagecache <size>', 'page cache of the embedded Neo4j', '1g')
  .option('--data-dir <path>', 'data folder kept between runs (the graph is imported when it is empty)')
  .option('--whole-graph-only', 'only the whole-graph forms, rows counted in the database')
  .option('--timeout <s>', 'cap per query, in seconds', (v) => Number(v))
  .parse()
  .opts<{
    relationships: number;
    seed: number;
    heap: string;
    pagecache: string;
    dataDir?: string;
    wholeGraphOnly?: boolean;
    timeout?: number;
  }>();

const flatten = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(flatten)];

const graph = generateGraph(options.relationships, options.seed);
const sample = sampleOf(graph);
const db = await benchDatabase({
  heap: options.heap,
  pageCache: options.pagecache,
  ...(options.dataDir ? { dataDir: options.dataDir } : {}),
});
try {
  await importUnlessLoaded(db, () => graph);
  const rows: string[][] = [];
  for (const pattern of loadPatterns()) {
    const entity = pattern.id === 'money-flow' ? sample.buyers[0]! : sample.people[0]!;
    // The whole graph through the per-entity form, through the whole-graph form where there is one, and one entity.
    const whole: [null, string, string][] = [
      [
        null,
        pattern.wholeGraphQuery ? 'whole graph, `whole-graph/` form' : 'whole graph',
        pattern.wholeGraphQuery ?? pattern.query,
      ],
    ];
    const runs: [string | null, string, string][] = options.wholeGraphOnly
      ? whole
      : [
          ...(pattern.wholeGraphQuery ? [[null, 'whole graph', pattern.query] as [null, string, string]] : []),
          ...whole,
          [entity, entity, pattern.query],
        ];
    for (const [scope, label, query] of runs) {
      const started = performance.now();
      let profiled;
      try {
        profiled = await db.driver.executeQuery(
          options.wholeGraphOnly ? `PROFILE CALL {\n${query}\n} RETURN count(*) AS rows` : `PROFILE ${query}`,
          { ...pattern.parameters, entity: scope, rollup: false },
          { database: db.database, ...(options.timeout ? { transactionConfig: { timeout: options.timeout * 1000 } } : {}) },
        );
      } catch (error) {
        // Passing the cap or the transaction memory is a result: the form does not scale to this graph.
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        rows.push([pattern.id, label, '—', '—', `failed after ${seconds} s: ${(error as Error).message.slice(0, 120)}`]);
        continue;
      }
      const { summary, records } = profiled;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const rowCount = options.wholeGraphOnly ? Number(records[0]?.get('rows')) : records.length;
      const operators = flatten(summary.profile as ProfiledPlan);
      const hits = operators.reduce((sum, o) => sum + o.dbHits, 0);
      const top = [...operators]
        .sort((a, b) => b.dbHits - a.dbHits)
        .slice(0, 3)
        .map((o) => `${o.operatorType.replace(/@.*/, '')} ${n(o.dbHits, 0)}`);
      rows.push([pattern.id, label, n(rowCount, 0), n(hits, 0), `${top.join('; ')} (${seconds} s)`]);
    }
  }
  console.log(
    `PROFILE on ${options.relationships} generated relationships (seed ${options.seed})\n\n` +
      markdownTable(['pattern', 'entity', 'rows', 'db hits', 'top operators by db hits'], rows, ['l', 'l', 'r', 'r', 'l']),
  );
} finally {
  await db.close();
}
