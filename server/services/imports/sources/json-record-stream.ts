/**
 * The records of a JSON source as a stream, for files too large to hold: a top-level array (LittleSis
 * bulk `entities.json`, a bare array of OCDS releases) is taken apart one element at a time; JSON lines
 * are read line by line (each record keeps its line, as json-records.ts gives it). One document that is
 * neither (an API answer, pretty-printed) is small by nature and read whole, up to `maxDocumentBytes`.
 * A package of any size (an OCDS release or record package: one object whose `releases` or `records`
 * array holds everything) has the elements of those arrays taken apart the same way, each with the line
 * it starts on, and the package's other members (publisher, uri, ...), before or after the array, given
 * once the package closes (`streamJsonPackages`).
 */
import type { Readable } from 'node:stream';
import type { ImportProblem } from '../../../../schemas/index.js';
import { ImportTooLargeError } from '../csv.js';
import { MAX_JSON_DEPTH } from '../json-lines.js';
import { readJsonDocumentOrLines, type JsonRecord } from './json-records.js';

export type RecordOrProblem = { record: JsonRecord } | { problem: ImportProblem };

export async function* streamJsonRecords(stream: Readable, maxDocumentBytes: number): AsyncGenerator<RecordOrProblem> {
  stream.setEncoding('utf8');
  const { first, rest } = await firstCharacter(stream as AsyncIterable<string>);
  if (first === '') {
    yield { problem: { field: '(file)', message: 'the file is empty' } };
    return;
  }
  if (first === '[') yield* arrayRecords(rest, maxDocumentBytes);
  else yield* lineRecords(rest, maxDocumentBytes);
}

/** A record of a package's streamed array names the member it came from (`releases`, `records`). */
export type PackageItem =
  | { record: JsonRecord & { member?: string } }
  | { problem: ImportProblem }
  /** The members of a package other than its streamed arrays, once the package closed. */
  | { metadata: Record<string, unknown>; line: number };

/**
 * The records of a JSON source that may be one package of any size: a top-level object whose `members`
 * arrays are taken apart element by element (each element a record with its line and `member`), its
 * other members given as `metadata` once it closes. A top-level object without such an array is one
 * record (a release on line 1 of JSON lines); what follows the first object is read as JSON lines (a
 * package or release per line). A top-level array is taken apart as `streamJsonRecords` does.
 * `parse: false` only finds the boundaries (a first pass that wants the metadata): elements are not
 * parsed nor held, and no record of theirs is given.
 */
export async function* streamJsonPackages(
  text: AsyncIterable<string>,
  maxRecordBytes: number,
  options: { members: readonly string[]; parse?: boolean },
): AsyncGenerator<PackageItem> {
  const { first, rest } = await firstCharacter(text);
  if (first === '') {
    yield { problem: { field: '(file)', message: 'the file is empty' } };
    return;
  }
  if (first === '[') yield* arrayRecords(rest, maxRecordBytes);
  else if (first === '{') yield* packageRecords(rest, maxRecordBytes, new Set(options.members), options.parse ?? true);
  else yield* lineRecords(rest, maxRecordBytes);
}

/**
 * The first character that is not white space (or a byte-order mark), which says how the text is
 * written, and the whole text again. One iterator for the whole stream: leaving a for-await loop early
 * would destroy the stream.
 */
async function firstCharacter(text: AsyncIterable<string>): Promise<{ first: string; rest: AsyncIterable<string> }> {
  const chunks = text[Symbol.asyncIterator]();
  let first = '';
  let pending = '';
  while (first === '' && pending.length <= 1 << 20) {
    const next = await chunks.next();
    if (next.done) break;
    pending += next.value;
    first = /[^\s\uFEFF]/.exec(pending)?.[0] ?? '';
  }
  return { first, rest: prepend(pending, chunks) };
}

/** `{"member": "key"}` of a slot that so far reads `"key":` (the array it opens may be streamed). */
const MEMBER_KEY = /^\s*"((?:[^"\\]|\\.)*)"\s*:\s*$/;

/**
 * One top-level object, its `members` arrays streamed (see `streamJsonPackages`), then JSON lines.
 * Only the boundaries are found here (depth outside strings, and the member an array opens at depth
 * one); the parsing is JSON.parse's, element by element and member by member.
 */
async function* packageRecords(
  text: AsyncIterable<string>,
  maxRecordBytes: number,
  members: ReadonlySet<string>,
  parse: boolean,
): AsyncGenerator<PackageItem> {
  const chunks = text[Symbol.asyncIterator]();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let objectLine = 1;
  /** The member being read at depth one (`"key": value`), or the elements of a streamed array. */
  let streaming: string | undefined;
  let streamed = false;
  let parts: string[] = [];
  let held = 0;
  let start = 0;
  let partLine = 1;
  let index = 0;
  let objectHeld = 0;
  const metadata: Record<string, unknown> = {};
  const items: PackageItem[] = [];
  const tooLarge = () => recordTooLarge(maxRecordBytes);

  const member = (raw: string): void => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    objectHeld += raw.length;
    if (objectHeld > maxRecordBytes) throw tooLarge();
    try {
      Object.assign(metadata, JSON.parse(`{${trimmed}}`) as Record<string, unknown>);
    } catch (error) {
      items.push({
        problem: { line: partLine + leadingLines(raw), field: '(file)', message: `not valid JSON: ${(error as Error).message}` },
      });
    }
  };
  const element = (raw: string, name: string): void => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const at = partLine + leadingLines(raw);
    const n = index++;
    if (!parse) return;
    try {
      items.push({ record: { value: JSON.parse(trimmed) as unknown, line: at, index: n, member: name } });
    } catch (error) {
      items.push({
        problem: { line: at, field: '(file)', message: `${name} ${n + 1}: not valid JSON: ${(error as Error).message}` },
      });
    }
  };

  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = next.value;
    start = 0;
    let closedAt = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        depth += 1;
        if (depth === 1) {
          objectLine = line;
          start = i + 1;
          partLine = line;
        } else if (depth === 2 && c === 91 && streaming === undefined) {
          const key = MEMBER_KEY.exec(parts.join('') + chunk.slice(start, i))?.[1];
          if (key !== undefined && members.has(key)) {
            // A streamed array opens: its elements are records, the key is not kept.
            streaming = key;
            streamed = true;
            parts = [];
            held = 0;
            start = i + 1;
            partLine = line;
          }
        }
        if (depth > MAX_JSON_DEPTH + 2) {
          yield { problem: { line, field: '(file)', message: `not valid JSON: nested more than ${MAX_JSON_DEPTH} levels deep` } };
          return;
        }
      } else if (c === 125 || c === 93) {
        depth -= 1;
        if (streaming !== undefined && depth === 1) {
          element(parts.join('') + chunk.slice(start, i), streaming);
          streaming = undefined;
          parts = [];
          held = 0;
          start = i + 1;
          partLine = line;
        } else if (depth === 0) {
          member(parts.join('') + chunk.slice(start, i));
          parts = [];
          held = 0;
          closedAt = i + 1;
          break;
        }
      } else if (c === 44) {
        if (streaming !== undefined && depth === 2) element(parts.join('') + chunk.slice(start, i), streaming);
        else if (streaming === undefined && depth === 1) member(parts.join('') + chunk.slice(start, i));
        else continue;
        parts = [];
        held = 0;
        start = i + 1;
        partLine = line;
      }
    }
    for (const item of items) yield item;
    items.length = 0;
    if (closedAt >= 0) {
      if (streamed) yield { metadata, line: objectLine };
      else yield { record: { value: metadata, line: objectLine, index: 0 } };
      // What follows the first object: more of them, one a line.
      const rest = chunk.slice(closedAt);
      const after = prepend(rest, chunks);
      yield* lineRecords(after, maxRecordBytes, line - 1, 1);
      return;
    }
    if (depth >= 1 && (parse || streaming === undefined)) {
      parts.push(chunk.slice(start));
      held += chunk.length - start;
      if (held > maxRecordBytes) throw tooLarge();
    }
  }
  yield { problem: { line, field: '(file)', message: 'not valid JSON: the file ends inside the package' } };
}

/** Line breaks before the first character that is not white space: where a record starts. */
function leadingLines(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c !== 32 && c !== 9 && c !== 13) break;
  }
  return n;
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

/**
 * JSON lines. `lineBefore` and `recordsBefore` when the text continues a file whose first lines were
 * read otherwise (a package on line 1): no record then still leaves the file not empty.
 */
async function* lineRecords(
  text: AsyncIterable<string>,
  maxDocumentBytes: number,
  lineBefore = 0,
  recordsBefore = 0,
): AsyncGenerator<RecordOrProblem> {
  const lines = splitLines(text, maxDocumentBytes);
  let line = lineBefore;
  let records = recordsBefore;
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
