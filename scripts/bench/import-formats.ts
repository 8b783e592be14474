/**
 * Rates of the public-source formats: a generated file of about N relationships per format
 * (scripts/sources/), read as an import reads it before it compares with the database (streamed,
 * mapped and validated chunk by chunk), timed as relationships per second; with `--import`, also
 * imported for real into a throwaway embedded Neo4j (scripts/bench/neo4j.ts) through `runImport`, the
 * path the API and the CLI take. Medians of `--runs` read runs (one import run: it fills the database);
 * the file is made once per format. Writes a Markdown table to stdout.
 *
 *   npm run bench:import-formats -- --relationships 200000 --runs 1 --import
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { fileFromBytes, fileFromPath, openContent } from '../../server/services/imports/import-file.js';
import { runImport } from '../../server/services/imports/import-service.js';
import type { MappedImport } from '../../server/services/imports/mapped-import.js';
import { littleSisChunks } from '../../server/services/imports/sources/littlesis-stream.js';
import { ocdsChunks, ocdsFirstPass } from '../../server/services/imports/sources/ocds-stream.js';
import { usaspendingChunks } from '../../server/services/imports/sources/usaspending.js';
import { ocdsReleaseLines, usaspendingCsv } from '../sources/contracts.js';
import { littleSisText } from '../sources/littlesis.js';
import { benchDatabase } from './neo4j.js';

type Format = 'littlesis' | 'ocds' | 'usaspending';
const MAX_RECORD = 64 << 20;

function generate(format: Format, relationships: number): Uint8Array {
  const parts =
    format === 'littlesis'
      ? littleSisText({ entities: Math.round(relationships / 10), relationships, idBase: 1 }, 'array')
      : format === 'ocds'
        ? ocdsReleaseLines(Math.round(relationships / 2))
        : usaspendingCsv(Math.round(relationships / 2));
  return Buffer.from([...parts].join(''));
}

async function readOnce(format: Format, bytes: Uint8Array): Promise<{ relationships: number; seconds: number }> {
  const started = performance.now();
  let relationships = 0;
  const file = fileFromBytes(bytes, `bench.${format}`);
  const fileName = file.fileName;
  const pass = format === 'ocds' ? await ocdsFirstPass(file, MAX_RECORD) : undefined;
  const content = await openContent(file);
  const chunks: AsyncIterable<MappedImport> =
    format === 'littlesis'
      ? littleSisChunks(content, { fileName, lookup: () => Promise.resolve(new Map()), maxDocumentBytes: MAX_RECORD })
      : format === 'ocds'
        ? ocdsChunks(content, {
            fileName,
            documentId: pass!.documentId,
            pkg: pass!.pkg,
            lookup: () => Promise.resolve(new Map()),
            maxDocumentBytes: MAX_RECORD,
          })
        : usaspendingChunks(content, { fileName });
  for await (const chunk of chunks) {
    if (chunk.problems.length)
      throw new Error(`generated ${format} file has problems: ${JSON.stringify(chunk.problems.slice(0, 3))}`);
    const parsed = parseInterlockFile(chunk.file);
    if (!parsed.ok) throw new Error(`generated ${format} file has problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    relationships += parsed.file.relationships.length;
  }
  return { relationships, seconds: (performance.now() - started) / 1000 };
}

/** The file imported for real into a fresh database, from a file on disk as the CLI reads it. */
async function importOnce(format: Format, bytes: Uint8Array): Promise<{ relationships: number; seconds: number }> {
  const folder = await mkdtemp(join(tmpdir(), 'interlock-bench-formats-'));
  const path = join(folder, `bench.${format}`);
  await writeFile(path, bytes);
  const db = await benchDatabase({ heap: process.env.INTERLOCK_NEO4J_HEAP ?? '1g', pageCache: '512m' });
  try {
    const started = performance.now();
    const result = await runImport(db.driver, db.database, await fileFromPath(path, `bench.${format}`), {
      format,
      dryRun: false,
      actor: 'bench',
      route: 'bench',
    });
    const seconds = (performance.now() - started) / 1000;
    return { relationships: result.created.relationships + result.updated.relationships, seconds };
  } finally {
    await db.close();
    await rm(folder, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

await new Command('bench-import-formats')
  .option('--relationships <n>', 'relationships per generated file', '100000')
  .option('--runs <n>', 'read runs per format (the median is reported)', '3')
  .option('--formats <list>', 'comma-separated: littlesis,ocds,usaspending', 'littlesis,ocds,usaspending')
  .option('--import', 'also import each file into a throwaway embedded Neo4j (one run)')
  .action(async (options: { relationships: string; runs: string; formats: string; import?: boolean }) => {
    const rows: string[] = [];
    for (const format of options.formats.split(',') as Format[]) {
      const bytes = generate(format, Number(options.relationships));
      const runs: { relationships: number; seconds: number }[] = [];
      const loadBefore = load();
      for (let i = 0; i < Number(options.runs); i++) runs.push(await readOnce(format, bytes));
      const seconds = median(runs.map((r) => r.seconds));
      const relationships = runs[0]?.relationships ?? 0;
      const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
      let imported = '| – | – ';
      if (options.import) {
        const run = await importOnce(format, bytes);
        imported = `| ${run.seconds.toFixed(1)} s | ${rate(run.relationships, run.seconds)} `;
      }
      rows.push(
        `| ${format} | ${(bytes.length / 1048576).toFixed(0)} MB | ${relationships.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${rate(relationships, seconds)} ${imported}| ${loadBefore} / ${load()} |`,
      );
      console.error(rows.at(-1));
    }
    console.log(
      '| format | file | relationships | read (median) | read relationships/s | import | import relationships/s | load average before / after |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  })
  .parseAsync();
