/**
 * PROFILE of each conflict pattern on a generated graph, whole graph and for one entity: total database
 * hits, rows, and the three operators with the most hits. Database hits do not depend on the machine's
 * load, so they compare plans where timings on a shared machine cannot.
 *
 *   npx tsx scripts/bench/profile-patterns.ts [--relationships 20000] [--seed 1] [--heap 2g] [--pagecache 1g]
 */
import { Command } from 'commander';
import type { ProfiledPlan } from 'neo4j-driver';
import { generateGraph } from '../generate-graph.js';
import { importInterlockFile } from '../../server/services/importer.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { benchDatabase } from './neo4j.js';
import { sampleOf } from './queries.js';
import { markdownTable, formatNumber as n } from './stats.js';

const options = new Command('profile-patterns')
  .option('--relationships <n>', 'size of the generated graph', (v) => Number.parseInt(v, 10), 20_000)
  .option('--seed <n>', 'seed', (v) => Number.parseInt(v, 10), 1)
  .option('--heap <size>', 'heap of the embedded Neo4j', '2g')
  .option('--pagecache <size>', 'page cache of the embedded Neo4j', '1g')
  .parse()
  .opts<{ relationships: number; seed: number; heap: string; pagecache: string }>();

const flatten = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(flatten)];

const graph = generateGraph(options.relationships, options.seed);
const sample = sampleOf(graph);
const db = await benchDatabase({ heap: options.heap, pageCache: options.pagecache });
try {
  await importInterlockFile(db.driver, db.database, graph, { actor: 'bench', route: 'bench' });
  const rows: string[][] = [];
  for (const pattern of loadPatterns()) {
    const entity = pattern.id === 'money-flow' ? sample.buyers[0]! : sample.people[0]!;
    for (const scope of [null, entity]) {
      const { summary, records } = await db.driver.executeQuery(
        `PROFILE ${pattern.query}`,
        { ...pattern.parameters, entity: scope, rollup: false },
        { database: db.database },
      );
      const operators = flatten(summary.profile as ProfiledPlan);
      const hits = operators.reduce((sum, o) => sum + o.dbHits, 0);
      const top = [...operators]
        .sort((a, b) => b.dbHits - a.dbHits)
        .slice(0, 3)
        .map((o) => `${o.operatorType.replace(/@.*/, '')} ${n(o.dbHits, 0)}`);
      rows.push([pattern.id, scope ?? 'whole graph', n(records.length, 0), n(hits, 0), top.join('; ')]);
    }
  }
  console.log(
    `PROFILE on ${options.relationships} generated relationships (seed ${options.seed})\n\n` +
      markdownTable(['pattern', 'entity', 'rows', 'db hits', 'top operators by db hits'], rows, ['l', 'l', 'r', 'r', 'l']),
  );
} finally {
  await db.close();
}
