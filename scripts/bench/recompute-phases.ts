/**
 * Where the full recomputation of the stored findings spends its time, pattern by pattern: running the
 * whole-graph query (and grouping its rows into records), building what is stored (titles, JSON), and
 * writing it (the maintainer's batches, into a generation nobody serves, removed afterwards). Runs the
 * same code as the maintainer, one phase at a time, on a generated graph in a kept data folder (a
 * second run reuses the imported graph).
 *
 *   npx tsx scripts/bench/recompute-phases.ts --relationships 100000 [--data-dir /tmp/graph-100k]
 *
 * With `--maintainer` it instead times the maintainer's own full recomputation, start to finish (the
 * phases overlapped as the app runs them), and prints one JSON line.
 */
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { generateGraph } from '../generate-graph.js';
import { cypher } from '../../server/db/cypher-files.js';
import { ConflictService } from '../../server/services/conflicts/service.js';
import { storedFinding } from '../../server/services/findings/store.js';
import { FindingsMaintainer } from '../../server/services/findings/maintainer.js';
import { removeStoredFindings } from './findings.js';
import { benchDatabase, importUnlessLoaded, type BenchDatabase } from './neo4j.js';

const WRITE_BATCH = 1_000;
const load = () => loadavg().map((l) => l.toFixed(2));
/** A generation no maintainer serves or builds: removed at the end. */
const SCRATCH_GENERATION = 999_999_999;

const program = new Command('recompute-phases')
  .option('--relationships <n>', 'size of the generated graph', '100000')
  .option('--data-dir <path>', 'data folder kept between runs (the graph is imported once)')
  .option('--heap <size>', 'Neo4j heap', '2g')
  .option('--pagecache <size>', 'Neo4j page cache', '1g')
  .option('--patterns <ids>', 'comma-separated pattern ids (default: all)')
  .option('--maintainer', "time the maintainer's whole full recomputation instead of the phases one by one")
  .action(
    async (options: {
      relationships: string;
      dataDir?: string;
      heap: string;
      pagecache: string;
      patterns?: string;
      maintainer?: boolean;
    }) => {
      const relationships = Number(options.relationships);
      const dataDir = options.dataDir ?? `/tmp/interlock-recompute-${relationships}`;
      const db = await benchDatabase({ dataDir, heap: options.heap, pageCache: options.pagecache });
      try {
        if (await importUnlessLoaded(db, () => generateGraph(relationships, 42)))
          console.error(`imported ${relationships} relationships into ${dataDir}`);
        const conflicts = new ConflictService(db.driver, db.database);
        await removeStoredFindings(db);
        if (options.maintainer) {
          const findings = await timeMaintainer(db, conflicts);
          console.log(JSON.stringify({ relationships, ...findings, load: load() }));
          return;
        }
        const wanted = options.patterns?.split(',');
        const rows: string[] = [];
        let totals = { query: 0, build: 0, write: 0, findings: 0 };
        for (const pattern of conflicts.all()) {
          if (wanted && !wanted.includes(pattern.id)) continue;
          let t = performance.now();
          const found = await conflicts.records(pattern, null, 60 * 60_000);
          const query = performance.now() - t;
          t = performance.now();
          const stored = found.flatMap((record) => storedFinding(SCRATCH_GENERATION, pattern, record, record.key) ?? []);
          const build = performance.now() - t;
          t = performance.now();
          for (let i = 0; i < stored.length; i += WRITE_BATCH) {
            const batch = stored.slice(i, i + WRITE_BATCH);
            await db.driver.executeQuery(cypher('queries/findings-create'), { findings: batch }, { database: db.database });
          }
          const write = performance.now() - t;
          const members = stored.reduce((n, s) => n + s.members.length, 0);
          rows.push(
            `| ${pattern.id} | ${stored.length} | ${members} | ${(query / 1000).toFixed(1)} | ${(build / 1000).toFixed(1)} | ${(write / 1000).toFixed(1)} |`,
          );
          console.error(rows.at(-1));
          totals = {
            query: totals.query + query,
            build: totals.build + build,
            write: totals.write + write,
            findings: totals.findings + stored.length,
          };
        }
        await removeStoredFindings(db);
        console.log(`Full recomputation by phase, ${relationships} relationships (load ${load().join(' ')})\n`);
        console.log('| pattern | findings | member nodes | query + records s | build s | write s |');
        console.log('|---|---|---|---|---|---|');
        for (const row of rows) console.log(row);
        console.log(
          `| **all** | ${totals.findings} | | ${(totals.query / 1000).toFixed(1)} | ${(totals.build / 1000).toFixed(1)} | ${(totals.write / 1000).toFixed(1)} |`,
        );
      } finally {
        await db.close();
      }
    },
  );

/** The maintainer of an app process, from its first look at an empty findings state to the first generation served. */
async function timeMaintainer(db: BenchDatabase, conflicts: ConflictService): Promise<{ seconds: number; findings: number }> {
  const started = performance.now();
  const maintainer = new FindingsMaintainer(db.driver, db.database, conflicts, (message, error) =>
    console.error(message, error ?? ''),
  );
  maintainer.request();
  for (;;) {
    const { records } = await db.driver.executeQuery(
      "MATCH (s:FindingsState {id: 'findings'}) RETURN s.generation AS generation",
      {},
      { database: db.database },
    );
    if (Number(records[0]?.get('generation') ?? 0) > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  await maintainer.stop();
  const { records } = await db.driver.executeQuery('MATCH (f:Finding) RETURN count(f) AS n', {}, { database: db.database });
  return { seconds: Math.round(seconds * 10) / 10, findings: Number(records[0]?.get('n')) };
}

await program.parseAsync();
