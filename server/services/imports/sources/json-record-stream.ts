/**
 * The records of a JSON source as a stream, for files too large to hold: a top-level array (LittleSis
 * bulk `entities.json`) is taken apart by stream-json one element at a time; JSON lines are read line
 * by line (each record keeps its line, as json-records.ts gives it). One document that is neither (an API
 * answer, pretty-printed) is small by nature and read whole, up to `maxDocumentBytes`.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import type { ImportProblem } from '../../../../schemas/index.js';
import { ImportTooLargeError } from '../csv.js';
import { readJsonDocumentOrLines, type JsonRecord } from './json-records.js';

export type RecordOrProblem = { record: JsonRecord } | { problem: ImportProblem };

export async function* streamJsonRecords(stream: Readable, maxDocumentBytes: number): AsyncGenerator<RecordOrProblem> {
  stream.setEncoding('utf8');
  // The first character that is not white space (or a byte-order mark) says which of the three it is.
  // One iterator for the whole stream: leaving a for-await loop early would destroy the stream.
  const chunks = (stream as AsyncIterable<string>)[Symbol.asyncIterator]();
  let first = '';
  let pending = '';
  while (first === '' && pending.length <= 1 << 20) {
    const next = await chunks.next();
    if (next.done) break;
    pending += next.value;
    first = /[^\s\uFEFF]/.exec(pending)?.[0] ?? '';
  }
  const rest = prepend(pending, chunks);
  if (first === '') {
    yield { problem: { field: '(file)', message: 'the file is empty' } };
    return;
  }
  if (first === '[') yield* arrayRecords(rest);
  else yield* lineRecords(rest, maxDocumentBytes);
}

/** The text: `head`, then what the iterator has left. */
function prepend(head: string, chunks: AsyncIterator<string>): AsyncIterable<string> {
  return (async function* () {
    if (head !== '') yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
}

async function* arrayRecords(text: AsyncIterable<string>): AsyncGenerator<RecordOrProblem> {
  const elements = StreamArray.withParser();
  const feed = (async () => {
    try {
      for await (const chunk of text) if (!elements.write(chunk)) await new Promise((r) => elements.once('drain', r));
      elements.end();
    } catch (error) {
      elements.destroy(error as Error);
    }
  })();
  let index = 0;
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      index = key + 1;
      yield { record: { value, index: key } };
    }
  } catch (error) {
    if (error instanceof ImportTooLargeError) throw error;
    yield {
      problem: {
        field: '(file)',
        message: `not valid JSON after record ${index}: ${(error as Error).message.replace(/^Parser cannot parse input: /, '')}`,
      },
    };
  } finally {
    elements.destroy();
    await feed;
  }
}

async function* lineRecords(text: AsyncIterable<string>, maxDocumentBytes: number): AsyncGenerator<RecordOrProblem> {
  const lines = createInterface({ input: Readable.from(text, { objectMode: false }), crlfDelay: Infinity });
  let line = 0;
  let records = 0;
  let firstUnparsed: string[] | undefined;
  let held = 0;
  for await (const raw of lines) {
    line += 1;
    if (firstUnparsed) {
      // A document over several lines (pretty-printed): gathered, within the limit, and read whole below.
      held += raw.length + 1;
      if (held > maxDocumentBytes)
        throw new ImportTooLargeError(
          `a JSON document over several lines is read whole, and this one is larger than ${Math.round(maxDocumentBytes / 1048576)} MB; write it as JSON lines or as an array`,
        );
      firstUnparsed.push(raw);
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    try {
      yield { record: { value: JSON.parse(trimmed) as unknown, line, index: records } };
      records += 1;
    } catch (error) {
      if (records === 0) {
        firstUnparsed = [...Array<string>(line - 1).fill(''), raw];
        held = raw.length;
      } else yield { problem: { line, field: '(line)', message: `not JSON: ${(error as Error).message}` } };
    }
  }
  if (firstUnparsed) {
    const { documents, problems } = readJsonDocumentOrLines(firstUnparsed.join('\n'));
    for (const problem of problems) yield { problem };
    for (const record of documents) yield { record };
  } else if (records === 0) yield { problem: { field: '(file)', message: 'the file is empty' } };
}
