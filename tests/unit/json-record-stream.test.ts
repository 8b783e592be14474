/**
 * The records of a JSON source read as a stream: array elements keep their record number, JSON lines
 * their line, a pretty-printed document is read whole, and one record larger than the limit is refused
 * before it fills the memory. Chunk boundaries fall anywhere, even inside strings and escapes. A package
 * of any size has its releases or records taken apart with the line each starts on, and its other members
 * (before or after the array) given once it closes; the OCDS first pass finds them, and the Document id
 * a file read whole would have, in a gzip too.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../schemas/index.js';
import { ImportTooLargeError } from '../../server/services/imports/csv.js';
import { gzipSync } from 'node:zlib';
import { fileFromBytes, openContent } from '../../server/services/imports/import-file.js';
import { importDocumentId } from '../../server/services/imports/ids.js';
import {
  streamJsonPackages,
  streamJsonRecords,
  type PackageItem,
  type RecordOrProblem,
} from '../../server/services/imports/sources/json-record-stream.js';
import { ocdsChunks, ocdsFirstPass } from '../../server/services/imports/sources/ocds-stream.js';

/** Reads `text` cut into pieces of `size` characters. */
async function read(text: string, size = 7, max = 1 << 20): Promise<RecordOrProblem[]> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(Buffer.from(text.slice(i, i + size)));
  const items: RecordOrProblem[] = [];
  for await (const item of streamJsonRecords(Readable.from(pieces), max)) items.push(item);
  return items;
}

describe('streamJsonRecords', () => {
  it('takes a top-level array apart, whatever the chunks, strings with brackets, commas and escapes included', async () => {
    const values = [{ a: 'x,]}[{' }, { b: 'say \\"hi\\", \\\\' }, [1, [2]], 'plain', 3, { nested: { deep: [{}] } }];
    const items = await read(`\uFEFF  [\n${values.map((v) => JSON.stringify(v)).join(' ,\n')}\n]\n`, 3);
    expect(items.map((i) => ('record' in i ? i.record.value : i))).toEqual(values);
    expect(items.map((i) => ('record' in i ? i.record.index : -1))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('names the record where an array stops being JSON', async () => {
    const items = await read('[{"id": 1}, {"id": 2}, {"id": tru}, {"id": 4}]');
    expect(items.filter((i) => 'problem' in i)).toEqual([
      { problem: { field: '(file)', message: expect.stringMatching(/^record 3: not valid JSON/) } },
    ]);
    expect(items.filter((i) => 'record' in i)).toHaveLength(3);
  });

  it('reads JSON lines with their line numbers, and names a bad line', async () => {
    const items = await read('{"id": 1}\r\n\n{"id": 2}\n{"id": \n{"id": 4}');
    expect(items).toEqual([
      { record: { value: { id: 1 }, line: 1, index: 0 } },
      { record: { value: { id: 2 }, line: 3, index: 1 } },
      { problem: { line: 4, field: '(line)', message: expect.stringMatching(/^not JSON/) } },
      { record: { value: { id: 4 }, line: 5, index: 2 } },
    ]);
  });

  it('reads one pretty-printed document whole', async () => {
    const items = await read(JSON.stringify({ data: [{ id: 1 }, { id: 2 }] }, null, 2));
    expect(items).toEqual([{ record: { value: { data: [{ id: 1 }, { id: 2 }] }, index: 0 } }]);
  });

  it('refuses one record larger than the limit, in an array or a line', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(5000) });
    await expect(read(`[${big}]`, 100, 1000)).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(read(`{"id": 1}\n${big}\n`, 100, 1000)).rejects.toBeInstanceOf(ImportTooLargeError);
  });

  it('says an empty file is empty', async () => {
    expect(await read('  \n ')).toEqual([{ problem: { field: '(file)', message: 'the file is empty' } }]);
  });
});

/** The package items of `text` cut into pieces of `size` characters. */
async function readPackage(text: string, size = 5, max = 1 << 20, parse = true): Promise<PackageItem[]> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  const items: PackageItem[] = [];
  for await (const item of streamJsonPackages(Readable.from(pieces), max, { members: ['releases', 'records'], parse }))
    items.push(item);
  return items;
}

describe('streamJsonPackages', () => {
  const releases = [
    { ocid: 'ocds-x-1', id: 'r1', note: 'a "quoted" ], and a brace }' },
    { ocid: 'ocds-x-2', id: 'r2', awards: [{ id: 'a', suppliers: [{ id: 's' }] }] },
  ];

  it('streams the releases of a package whose metadata comes before the array, each with its line', async () => {
    const text = `{\n  "uri": "https://example.org/p.json",\n  "publisher": {"name": "Pub, Ltd [x]"},\n  "releases": [\n    ${JSON.stringify(releases[0])},\n    ${JSON.stringify(releases[1])}\n  ]\n}\n`;
    for (const size of [1, 3, 64, 10_000]) {
      const items = await readPackage(text, size);
      expect(items, `pieces of ${size}`).toEqual([
        { record: { value: releases[0], line: 5, index: 0, member: 'releases' } },
        { record: { value: releases[1], line: 6, index: 1, member: 'releases' } },
        { metadata: { uri: 'https://example.org/p.json', publisher: { name: 'Pub, Ltd [x]' } }, line: 1 },
      ]);
    }
  });

  it('keeps the metadata that comes after the array, and takes a record package apart by its records', async () => {
    const records = [
      { ocid: 'ocds-x-1', compiledRelease: releases[0] },
      { ocid: 'ocds-x-2', releases: [releases[1]] },
    ];
    const text = JSON.stringify({ records, version: '1.1', publisher: { name: 'After' }, extensions: ['e1', 'e2'] });
    const items = await readPackage(text, 4);
    expect(items).toEqual([
      { record: { value: records[0], line: 1, index: 0, member: 'records' } },
      { record: { value: records[1], line: 1, index: 1, member: 'records' } },
      { metadata: { version: '1.1', publisher: { name: 'After' }, extensions: ['e1', 'e2'] }, line: 1 },
    ]);
  });

  it('reads JSON lines of releases or of packages (the first line read as the rest are), and names a bad line', async () => {
    const pkg = { uri: 'https://example.org/2', releases: [releases[1]] };
    const text = `${JSON.stringify(releases[0])}\n${JSON.stringify(pkg)}\n{"ocid": \n${JSON.stringify(releases[1])}`;
    expect(await readPackage(text, 6)).toEqual([
      { record: { value: releases[0], line: 1, index: 0 } },
      { record: { value: pkg, line: 2, index: 1 } },
      { problem: { line: 3, field: '(line)', message: expect.stringMatching(/^not JSON/) } },
      { record: { value: releases[1], line: 4, index: 2 } },
    ]);
  });

  it('names the line of a release that is not JSON, and reads the others', async () => {
    const text = `{"releases": [\n${JSON.stringify(releases[0])},\n{"ocid": tru},\n${JSON.stringify(releases[1])}\n]}`;
    const items = await readPackage(text, 7);
    expect(items.filter((i) => 'record' in i)).toHaveLength(2);
    expect(items.filter((i) => 'problem' in i)).toEqual([
      { problem: { line: 3, field: '(file)', message: expect.stringMatching(/^releases 2: not valid JSON/) } },
    ]);
  });

  it('takes a bare array apart as streamJsonRecords does; refuses a release larger than the limit', async () => {
    const items = await readPackage(JSON.stringify(releases), 3);
    expect(items.map((i) => ('record' in i ? i.record.value : i))).toEqual(releases);
    const big = { ocid: 'ocds-x-3', note: 'x'.repeat(5000) };
    await expect(readPackage(JSON.stringify({ releases: [big] }), 100, 1000)).rejects.toBeInstanceOf(ImportTooLargeError);
  });

  it('without parsing, gives only the metadata, and holds no release', async () => {
    const text = JSON.stringify({ releases: [{ ocid: 'ocds-x-3', note: 'x'.repeat(5000) }], publisher: { name: 'P' } });
    expect(await readPackage(text, 100, 1000, false)).toEqual([{ metadata: { publisher: { name: 'P' } }, line: 1 }]);
  });
});

describe('OCDS streamed', () => {
  const release = (n: number) => ({
    ocid: `ocds-x-${n}`,
    id: `r${n}`,
    date: '2024-01-01T00:00:00Z',
    buyer: { id: 'B', name: 'The Buyer' },
    parties: [
      { id: 'B', name: 'The Buyer', roles: ['buyer'] },
      { id: 'S', name: 'The Supplier', roles: ['supplier'], identifier: { scheme: 'GB-COH', id: '0001' } },
    ],
    awards: [{ id: `a${n}`, value: { amount: n, currency: 'GBP' }, suppliers: [{ id: 'S', name: 'The Supplier' }] }],
  });

  it('the first pass reports the bytes it has read of the file, from none to all, at most once a percent', async () => {
    const text = JSON.stringify({ releases: Array.from({ length: 3000 }, (_, n) => release(n)) });
    const bytes = Buffer.from(text);
    // A file read in blocks of 64 kB, as a file on disk is.
    const blocks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const file = { ...fileFromBytes(bytes, 'big.json'), open: () => Readable.from(blocks) };
    const reports: ImportProgress[] = [];
    const { documentId } = await ocdsFirstPass(file, 1 << 20, (p) => reports.push(p));
    expect(documentId).toBe(importDocumentId('ocds', bytes));
    expect(reports.every((p) => p.phase === 'scan' && p.total === bytes.length)).toBe(true);
    expect(reports[0]?.done).toBe(0);
    expect(reports.at(-1)?.done).toBe(bytes.length);
    const done = reports.map((p) => p.done);
    expect(done.every((d, i) => i === 0 || d > (done[i - 1] as number))).toBe(true);
    // Some in between, block by block (the reader keeps a few blocks ahead), never more than a percent apart.
    expect(blocks.length).toBeGreaterThan(10);
    expect(reports.length).toBeGreaterThan(4);
    expect(reports.length).toBeLessThanOrEqual(102);
  });

  it('gzipped, publisher after the releases: the first chunk carries the Document with it, under the id of the content read whole', async () => {
    const text = JSON.stringify({ releases: [1, 2, 3, 4, 5].map(release), publisher: { name: 'Late Publisher' } });
    const file = fileFromBytes(gzipSync(text), 'late.json.gz');
    const { documentId, pkg } = await ocdsFirstPass(file, 1 << 20);
    expect(documentId).toBe(importDocumentId('ocds', new TextEncoder().encode(text)));
    expect(pkg).toEqual({ publisher: 'Late Publisher' });
    const chunks = [];
    const content = await openContent(file);
    for await (const chunk of ocdsChunks(content, {
      fileName: 'late.json.gz',
      documentId,
      pkg,
      lookup: () => Promise.resolve(new Map()),
      chunkRecords: 2,
      maxDocumentBytes: 1 << 20,
    }))
      chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    const first = chunks[0]!.file.entities as { id: string; kind: string; publisher?: string }[];
    expect(first.find((e) => e.id === documentId)).toMatchObject({ kind: 'Document', publisher: 'Late Publisher' });
    // Parties are given once, by the first chunk that meets them; later chunks link to them.
    expect(chunks.map((c) => (c.file.entities as { kind: string }[]).filter((e) => e.kind !== 'Contract').length)).toEqual([
      3, 0, 0,
    ]);
    expect(chunks.map((c) => (c.file.entities as { kind: string }[]).filter((e) => e.kind === 'Contract').length)).toEqual([
      2, 2, 1,
    ]);
    expect(chunks.flatMap((c) => c.problems)).toEqual([]);
  });
});
