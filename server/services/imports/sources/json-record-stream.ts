/**
 * The records of a JSON source as a stream, for files too large to hold: a top-level array (LittleSis
 * bulk `entities.json`) is taken apart one element at a time; JSON lines are read line by line (readline) (each record keeps its line, as json-records.ts gives it). One document that is neither (an API
 * answer, pretty-printed) is small by nature and read whole, up to `maxDocumentBytes`.
 */
import type { Readable } from 'node:stream';
import type { ImportProblem } from '../../../../schemas/index.js';
import { ImportTooLargeError } from '../csv.js';
import { MAX_JSON_DEPTH } from '../json-lines.js';
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
  if (first === '[') yield* arrayRecords(rest, maxDocumentBytes);
  else yield* lineRecords(rest, maxDocumentBytes);
}

/** The text: `head`, then what the iterator has left. */
function prepend(head: string, chunks: AsyncIterator<string>): AsyncIterable<string> {
  return (async function* () {
    if (head !== '') yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
}

/**
 * The elements of a top-level array, each parsed by JSON.parse as soon as its text is complete. Only
 * the boundaries are found here (depth outside strings); the parsing is the platform's. stream-json's
 * token assembler read 2 MB/s on our generated files, which would put a 2 GB file past fifteen minutes;
 * this reads as fast as JSON.parse (ADR 0024).
 */
async function* arrayRecords(text: AsyncIterable<string>, maxRecordBytes: number): AsyncGenerator<RecordOrProblem> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element: string[] = [];
  /** Characters of the element read so far: one record is held whole, and may not fill the memory. */
  let held = 0;
  let index = 0;
  let closed = false;
  const fail = (message: string): RecordOrProblem => ({
    problem: { field: '(file)', message: `record ${index + 1}: not valid JSON: ${message}` },
  });
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        depth += 1;
        if (depth === 1) start = i + 1; // the array itself opens
        if (depth > MAX_JSON_DEPTH + 1) {
          yield fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
          return;
        }
      } else if (c === 125 || c === 93) {
        depth -= 1;
        if (depth === 0) {
          const last = [...element, chunk.slice(start, i)].join('').trim();
          if (last !== '') yield parseElement(last, index++);
          element = [];
          held = 0;
          closed = true;
          start = i + 1;
          break;
        }
      } else if (c === 44 && depth === 1) {
        yield parseElement([...element, chunk.slice(start, i)].join(''), index++);
        element = [];
        held = 0;
        start = i + 1;
      }
    }
    if (closed) {
      if (chunk.slice(start).trim() !== '') yield fail('text after the end of the array');
      for await (const rest of text)
        if (rest.trim() !== '') {
          yield fail('text after the end of the array');
          return;
        }
      return;
    }
    if (depth >= 1) {
      element.push(chunk.slice(start));
      held += chunk.length - start;
      if (held > maxRecordBytes) throw recordTooLarge(maxRecordBytes);
    }
  }
  if (!closed) yield fail('the file ends inside the array');

  function parseElement(json: string, at: number): RecordOrProblem {
    try {
      return { record: { value: JSON.parse(json) as unknown, index: at } };
    } catch (error) {
      return { problem: { field: '(file)', message: `record ${at + 1}: not valid JSON: ${(error as Error).message}` } };
    }
  }
}

/** The lines of the text (without their `\r\n` or `\n`); a line longer than `max` is refused (413). */
async function* splitLines(text: AsyncIterable<string>, max: number): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of text) {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      yield pending.slice(start, end > start && pending.charCodeAt(end - 1) === 13 ? end - 1 : end);
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > max) throw recordTooLarge(max);
  }
  if (pending !== '') yield pending;
}

function recordTooLarge(max: number): ImportTooLargeError {
  return new ImportTooLargeError(`a record of this file is larger than ${Math.round(max / 1048576)} MB`);
}

async function* lineRecords(text: AsyncIterable<string>, maxDocumentBytes: number): AsyncGenerator<RecordOrProblem> {
  const lines = splitLines(text, maxDocumentBytes);
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
