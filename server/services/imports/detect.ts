/**
 * What a file is, from its content rather than its name: a gzip is unpacked first (a `.json.gz` of
 * LittleSis or OCDS is the usual way those come), then the first bytes decide. The page and the CLI send
 * files without saying their format; the API still takes `?format=` to override.
 */
import { gunzipSync } from 'node:zlib';
import type { ImportFormat } from '../../../schemas/index.js';
import { ImportTooLargeError } from './csv.js';

/** How much of the start of a file is read to tell its format. */
export const HEAD_BYTES = 64 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The bytes of a gzip file unpacked, refused (413) past `maxUnpackedBytes` so a gzip bomb cannot fill
 * the memory; any other file passes unchanged.
 */
export function gunzipIfNeeded(bytes: Uint8Array, maxUnpackedBytes: number): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxUnpackedBytes }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ImportTooLargeError(`the gzip file unpacks to more than ${Math.round(maxUnpackedBytes / 1048576)} MB`);
    throw new ImportTooLargeError(`the gzip file could not be unpacked: ${(error as Error).message}`);
  }
}

/** The format of a file's (unpacked) bytes, or null when none of ours fits. Pure. */
export function detectFormat(bytes: Uint8Array): ImportFormat | null {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'csv';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES)).replace(/^\uFEFF/, '');
  const text = head.trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(text);
  return detectCsvHeader(text.split(/\r?\n/, 1)[0] ?? '');
}

function detectJson(head: string): ImportFormat | null {
  if (/"format"\s*:\s*"interlock\/1"/.test(head)) return 'json';
  // OCDS: packages of releases or records, and lines of releases, all carry an `ocid`.
  if (/"ocid"\s*:/.test(head) && /"(releases|records|tag|parties|buyer|awards|tender)"\s*:/.test(head)) return 'ocds';
  // LittleSis: entities carry `primary_ext` (Person or Org), relationships `entity1_id` and `category_id`.
  if (/"primary_ext"\s*:|"entity1_id"\s*:/.test(head)) return 'littlesis';
  // FollowTheMoney: one entity per line, each with `schema` and `properties`.
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/"schema"\s*:/.test(firstLine) && /"properties"\s*:/.test(firstLine)) return 'ftm';
  if (/"entities"\s*:/.test(head) && /"relationships"\s*:/.test(head)) return 'json';
  return null;
}

/** USAspending award and transaction downloads name their columns in snake case. */
function detectCsvHeader(header: string): ImportFormat | null {
  const columns = new Set(header.split(',').map((c) => c.trim().replace(/^"|"$/g, '')));
  if (columns.has('contract_award_unique_key') || (columns.has('award_id_piid') && columns.has('recipient_name')))
    return 'usaspending';
  return null;
}

/** A file whose format was neither declared nor recognisable from its content: 400, nothing read. */
export class UnknownFormatError extends Error {
  readonly statusCode = 400;
  readonly code = 'unknown_format';
  readonly field = 'format';
  constructor() {
    super('cannot tell the format of this file from its content; say it: format json, csv, ftm, littlesis, ocds or usaspending');
  }
}

/** Where each format comes from, for messages. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'Interlock JSON',
  csv: 'CSV zip',
  ftm: 'FollowTheMoney',
  littlesis: 'LittleSis',
  ocds: 'Open Contracting (OCDS)',
  usaspending: 'USAspending',
};
