/**
 * One `import --bulk` in a process of its own, as `npm run cli -- import --bulk` runs it: the benchmark's
 * own process holds the generated graph (hundreds of MB of live objects), and a load read in it spent
 * half as long again in the read phase (20.4 s against 13.5 s at 1M relationships), most of it marking
 * that graph in garbage collections. Prints the phases as one JSON line.
 * Usage: node --import tsx scripts/bench/bulk-process.ts <file.json> <data folder> [heap] [page cache]
 */
import { bulkLoad } from '../../server/services/imports/bulk/bulk-load.js';
import { fileFromPath } from '../../server/services/imports/import-file.js';
import { startBenchNeo4j } from './neo4j.js';

const [input, dataDir, heap, pageCache] = process.argv.slice(2);
if (!input || !dataDir) throw new Error('usage: bulk-process.ts <file.json> <data folder> [heap] [page cache]');
const { phases, schema } = await bulkLoad({
  dataDir,
  files: [await fileFromPath(input, 'graph.json')],
  format: 'json',
  actor: 'bench',
  route: 'bench',
  maxUnpackedBytes: 4096 * 1024 * 1024,
  startDatabase: () => startBenchNeo4j(dataDir, { ...(heap ? { heap } : {}), ...(pageCache ? { pageCache } : {}) }),
});
process.stdout.write(`${JSON.stringify({ phases, schema })}\n`);
