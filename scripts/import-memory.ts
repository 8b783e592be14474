/**
 * The memory claim of streamed imports (ADR 0024), measured: generates a gzipped LittleSis bulk file
 * (a JSON array, as LittleSis publishes them) of the size asked, then reads it in a child process whose
 * heap is capped far below the file's size: every record is streamed, mapped and validated chunk by
 * chunk exactly as an import does before it compares with the database. Reports the file's sizes, the
 * records read, the time and the child's peak resident memory.
 *
 *   npm run bench:import-memory -- --mb 2048 --heap 256
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Command } from 'commander';
import { parseInterlockFile } from '../server/services/import-validation.js';
import { fileFromPath, openContent } from '../server/services/imports/import-file.js';
import { littleSisChunks } from '../server/services/imports/sources/littlesis-stream.js';
import { littleSisText } from './sources/littlesis.js';

/** Bytes of one generated relationship record, near enough to size a file. */
const BYTES_PER_RELATIONSHIP = 330;

async function generate(path: string, mb: number): Promise<void> {
  const relationships = Math.round((mb * 1024 * 1024) / BYTES_PER_RELATIONSHIP);
  const entities = Math.max(1000, Math.round(relationships / 10));
  await pipeline(
    Readable.from(littleSisText({ entities, relationships, idBase: 1 }, 'array')),
    createGzip({ level: 1 }),
    createWriteStream(path),
  );
}

/** The child: reads the file as an import does (no database: every end is in the file). */
async function read(path: string): Promise<void> {
  const started = performance.now();
  const file = await fileFromPath(path, 'relationships.json.gz');
  const content = await openContent(file);
  let unpacked = 0;
  content.stream.on('data', (chunk: Buffer) => (unpacked += chunk.length));
  let entities = 0;
  let relationships = 0;
  let problems = 0;
  for await (const chunk of littleSisChunks(content, {
    fileName: file.fileName,
    lookup: () => Promise.resolve(new Map()),
    maxDocumentBytes: 64 * 1024 * 1024,
  })) {
    const parsed = parseInterlockFile(chunk.file);
    problems += chunk.problems.length + (parsed.ok ? 0 : parsed.problems.length);
    entities += chunk.file.entities.length;
    relationships += chunk.file.relationships.length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      storedBytes: file.size,
      unpackedBytes: unpacked,
      entities,
      relationships,
      problems,
      seconds: Math.round(seconds * 10) / 10,
      relationshipsPerSecond: Math.round(relationships / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

const program = new Command('import-memory')
  .option('--mb <mb>', 'uncompressed size of the generated file, in MB', '2048')
  .option('--heap <mb>', 'heap cap of the reading process (--max-old-space-size), in MB', '256')
  .option('--file <path>', 'where the generated file goes (kept for a later run)')
  .option('--child', 'internal: read the file')
  .action(async (options: { mb: string; heap: string; file?: string; child?: boolean }) => {
    const path = options.file ?? join(tmpdir(), `interlock-littlesis-${options.mb}mb.json.gz`);
    if (options.child) return read(path);
    if (!existsSync(path)) {
      console.error(`Generating ${options.mb} MB of LittleSis records into ${path} ...`);
      await generate(path, Number(options.mb));
    }
    console.error(`Reading ${path} (${Math.round(statSync(path).size / 1048576)} MB gzipped) with a ${options.heap} MB heap ...`);
    const child = spawnSync(
      process.execPath,
      [`--max-old-space-size=${options.heap}`, '--import', 'tsx', 'scripts/import-memory.ts', '--child', '--file', path],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
    );
    if (child.status !== 0)
      throw new Error(`the reader failed (exit ${child.status ?? child.signal}); its output: ${child.stdout}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    console.log(JSON.stringify({ ...result, heapCapMb: Number(options.heap) }, null, 2));
  });

await program.parseAsync();
