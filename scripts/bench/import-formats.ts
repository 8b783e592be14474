/**
 * Reader rates of the public-source formats: a generated file of about N relationships per format
 * (scripts/sources/), read as an import reads it before it compares with the database (unpacked,
 * mapped, validated), timed as relationships per second. Medians of `--runs` runs; the file is made
 * once per format. Writes a Markdown table to stdout.
 *
 *   npm run bench:import-formats -- --relationships 100000 --runs 3
 */
import { Command } from 'commander';
import { parseInterlockFile } from '../../server/services/import-validation.js';
import { fileFromBytes, openContent } from '../../server/services/imports/import-file.js';
import { readImport } from '../../server/services/imports/readers.js';
import { littleSisChunks } from '../../server/services/imports/sources/littlesis-stream.js';
import { ocdsReleaseLines, usaspendingCsv } from '../sources/contracts.js';
import { littleSisText } from '../sources/littlesis.js';

type Format = 'littlesis' | 'ocds' | 'usaspending';

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
  const count = (file: unknown) => {
    const parsed = parseInterlockFile(file);
    if (!parsed.ok) throw new Error(`generated ${format} file has problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    relationships += parsed.file.relationships.length;
  };
  if (format === 'littlesis') {
    const content = await openContent(fileFromBytes(bytes, 'bench.json'));
    for await (const chunk of littleSisChunks(content, {
      fileName: 'bench.json',
      lookup: () => Promise.resolve(new Map()),
      maxDocumentBytes: 64 << 20,
    }))
      count(chunk.file);
  } else {
    const mapped = await readImport({
      format,
      bytes,
      fileName: `bench.${format}`,
      lookupFtm: () => Promise.resolve(new Map()),
    });
    if (mapped.problems.length)
      throw new Error(`generated ${format} file has problems: ${JSON.stringify(mapped.problems.slice(0, 3))}`);
    count(mapped.file);
  }
  return { relationships, seconds: (performance.now() - started) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

await new Command('bench-import-formats')
  .option('--relationships <n>', 'relationships per generated file', '100000')
  .option('--runs <n>', 'runs per format (the median is reported)', '3')
  .option('--formats <list>', 'comma-separated: littlesis,ocds,usaspending', 'littlesis,ocds,usaspending')
  .action(async (options: { relationships: string; runs: string; formats: string }) => {
    const rows: string[] = [];
    for (const format of options.formats.split(',') as Format[]) {
      const bytes = generate(format, Number(options.relationships));
      const runs: { relationships: number; seconds: number }[] = [];
      for (let i = 0; i < Number(options.runs); i++) runs.push(await readOnce(format, bytes));
      const seconds = median(runs.map((r) => r.seconds));
      const relationships = runs[0]?.relationships ?? 0;
      rows.push(
        `| ${format} | ${(bytes.length / 1048576).toFixed(0)} MB | ${relationships.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${Math.round(relationships / seconds).toLocaleString('en')} |`,
      );
      console.error(rows.at(-1));
    }
    console.log('| format | file | relationships | reader time (median) | relationships/s |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  })
  .parseAsync();
