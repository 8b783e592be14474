/**
 * An OCDS file of any size as chunks of mapped releases (streamed-import.ts writes them): release and
 * record packages have their `releases` or `records` array taken apart element by element, JSON lines
 * (of releases or of packages) line by line, a bare array element by element (json-record-stream.ts);
 * `chunkRecords` releases at a time go through one `OcdsMapper`, which keeps across chunks only what a
 * later chunk needs (ADR 0031).
 *
 * A first pass reads the file once without parsing its releases, for what every fact cites and the
 * first chunk must carry: the Document's id (a hash of the content, as a file read whole had it) and
 * the package's publisher and address, which a package may write after its releases.
 */
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import type { ImportProblem, ImportProgress } from '../../../../schemas/index.js';
import { importDocumentIdOfHash } from '../ids.js';
import { openContent, unreadableGzip, type ImportFile, type OpenedContent } from '../import-file.js';
import type { MappedImport } from '../mapped-import.js';
import { streamJsonPackages } from './json-record-stream.js';
import type { JsonRecord } from './json-records.js';
import { isObject } from './json-records.js';
import { text } from './collector.js';
import { OcdsMapper, type LookupContracts, type OcdsPackage } from './ocds.js';

/** Releases per chunk: a few batches of writes, a few MB of memory. */
export const OCDS_CHUNK_RECORDS = 10_000;

/** The arrays of a package that hold its releases. */
const STREAMED = ['releases', 'records'];

/** Progress reports of the first pass, at most this many over the file (one a percent). */
const SCAN_REPORTS = 100;

/**
 * The content's Document id and, for one package, its publisher and address: read without parsing
 * releases. `onProgress` follows the reading (phase `scan`, bytes of the file as stored read so far of its
 * size), as the second pass reports its own: at the start, each percent of the file, and at the end.
 */
export async function ocdsFirstPass(
  file: ImportFile,
  maxRecordBytes: number,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<{ documentId: string; pkg: OcdsPackage }> {
  const content = await openContent(file);
  const { stream } = content;
  const total = file.size;
  const step = Math.max(1, Math.ceil(total / SCAN_REPORTS));
  let reported = 0;
  onProgress({ phase: 'scan', done: 0, total });
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const raw = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const take = (chunk: Buffer) => {
    hash.update(chunk);
    const done = Math.min(content.bytesRead(), total);
    if (done - reported >= step && done < total) {
      reported = done;
      onProgress({ phase: 'scan', done, total });
    }
  };
  async function* decoded(): AsyncGenerator<string> {
    for (let next = await raw.next(); !next.done; next = await raw.next()) {
      take(next.value);
      yield decoder.write(next.value);
    }
    yield decoder.end();
  }
  const pkg: OcdsPackage = {};
  try {
    for await (const item of streamJsonPackages(decoded(), maxRecordBytes, { members: STREAMED, parse: false })) {
      if ('metadata' in item) {
        Object.assign(pkg, packageOf(item.metadata));
        break;
      }
      // A release or package a line, or an array: the main pass sees the first package itself.
      if ('record' in item || 'problem' in item) break;
    }
    for (let next = await raw.next(); !next.done; next = await raw.next()) take(next.value);
  } catch (error) {
    throw unreadableGzip(error);
  } finally {
    stream.destroy();
  }
  onProgress({ phase: 'scan', done: total, total });
  // As `importDocumentId` names the same content read whole.
  return { documentId: importDocumentIdOfHash('ocds', hash.digest('hex')), pkg };
}

export function packageOf(metadata: Record<string, unknown>): OcdsPackage {
  const publisher = isObject(metadata.publisher) ? text(metadata.publisher.name) : undefined;
  const uri = text(metadata.uri);
  return { ...(publisher ? { publisher } : {}), ...(uri && /^https?:\/\//.test(uri) ? { uri } : {}) };
}

export async function* ocdsChunks(
  content: OpenedContent,
  options: {
    fileName: string;
    documentId: string;
    pkg: OcdsPackage;
    lookup: LookupContracts;
    chunkRecords?: number;
    maxDocumentBytes: number;
  },
): AsyncGenerator<MappedImport> {
  const size = options.chunkRecords ?? OCDS_CHUNK_RECORDS;
  const mapper = new OcdsMapper(options.fileName, options.documentId, options.lookup, { ...options.pkg });
  content.stream.setEncoding('utf8');
  let records: JsonRecord[] = [];
  let problems: ImportProblem[] = [];
  /** Releases in `records`: a package a line counts all of its own. */
  let releases = 0;
  let any = false;
  for await (const item of streamJsonPackages(content.stream as AsyncIterable<string>, options.maxDocumentBytes, {
    members: STREAMED,
  })) {
    if ('problem' in item) problems.push(item.problem);
    else if ('record' in item) {
      records.push(item.record);
      const v = item.record.value;
      releases +=
        isObject(v) && Array.isArray(v.releases)
          ? v.releases.length
          : isObject(v) && Array.isArray(v.records)
            ? v.records.length
            : 1;
    }
    if (releases >= size || problems.length >= size) {
      any = true;
      yield await mapper.map(records, problems);
      records = [];
      problems = [];
      releases = 0;
    }
  }
  if (!any || records.length > 0 || problems.length > 0) yield await mapper.map(records, problems);
}
