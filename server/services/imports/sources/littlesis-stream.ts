/**
 * A LittleSis file of any size as chunks of mapped records (streamed-import.ts writes them): the records
 * stream out of the file (json-record-stream.ts), `chunkRecords` at a time go through one
 * `LittleSisMapper`, which keeps across chunks only the ids a later relationship needs.
 */
import type { ImportProblem } from '../../../../schemas/index.js';
import type { OpenedContent } from '../import-file.js';
import type { MappedImport } from '../mapped-import.js';
import type { LookupIdentifiers } from './identity.js';
import { streamJsonRecords } from './json-record-stream.js';
import { LittleSisMapper, recordsOf, type LsRecord } from './littlesis.js';

/** Records per chunk: a few batches of writes, a few MB of memory. */
export const LITTLESIS_CHUNK_RECORDS = 20_000;

export async function* littleSisChunks(
  content: OpenedContent,
  options: { fileName: string; lookup: LookupIdentifiers; chunkRecords?: number; maxDocumentBytes: number },
): AsyncGenerator<MappedImport> {
  const size = options.chunkRecords ?? LITTLESIS_CHUNK_RECORDS;
  const mapper = new LittleSisMapper(options.fileName, options.lookup);
  let records: LsRecord[] = [];
  let problems: ImportProblem[] = [];
  let any = false;
  for await (const item of streamJsonRecords(content.stream, options.maxDocumentBytes)) {
    if ('problem' in item) problems.push(item.problem);
    else records.push(...recordsOf(item.record));
    if (records.length >= size || problems.length >= size) {
      any = true;
      yield await mapper.map(records, problems);
      records = [];
      problems = [];
    }
  }
  if (!any || records.length > 0 || problems.length > 0) yield await mapper.map(records, problems);
}
