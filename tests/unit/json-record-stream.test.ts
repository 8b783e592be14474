/**
 * The records of a JSON source read as a stream: array elements keep their record number, JSON lines
 * their line, a pretty-printed document is read whole, and one record larger than the limit is refused
 * before it fills the memory. Chunk boundaries fall anywhere, even inside strings and escapes.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ImportTooLargeError } from '../../server/services/imports/csv.js';
import { streamJsonRecords, type RecordOrProblem } from '../../server/services/imports/sources/json-record-stream.js';

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
