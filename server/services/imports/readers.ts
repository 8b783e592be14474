/**
 * From the bytes of a file to a `MappedImport`, one function per format. Only the FollowTheMoney reader
 * needs the database (ids the file refers to that an earlier import wrote), through `lookupFtm`.
 */
import type { ImportFormat } from '../../../schemas/index.js';
import { ftmReferences, parseFtmLines } from '../ftm/lines.js';
import { mapFtm, type KnownEntity } from '../ftm/read.js';
import { DEFAULT_ZIP_LIMITS, mapCsv, unzipCsv } from './csv.js';
import { importDocumentId } from './ids.js';
import { locateJsonProblems, parseJsonText } from './json-lines.js';
import type { MappedImport } from './mapped-import.js';
import type { NumberConvention } from './numbers.js';
import type { LookupIdentifiers } from './sources/identity.js';
import { mapLittleSis } from './sources/littlesis.js';
import { mapOcds } from './sources/ocds.js';
import { mapUsaspending } from './sources/usaspending.js';

const noneMerged = { entities: 0, relationships: 0 };

export function fromInterlockJson(input: unknown): MappedImport {
  const value = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  return {
    // Shapes are checked by the shared validator; this only carries the file through.
    file: value as unknown as MappedImport['file'],
    origins: { entities: [], relationships: [] },
    problems: [],
    documentId: null,
    merged: noneMerged,
    skipped: 0,
    warnings: [],
    unmapped: [],
  };
}

export interface ReadOptions {
  format: ImportFormat;
  bytes: Uint8Array;
  fileName: string;
  lookupFtm: (ftmIds: string[]) => Promise<Map<string, KnownEntity>>;
  /** Entities in the graph by identifier: a LittleSis relationships file names its ends by LittleSis id. */
  lookupIdentifiers?: LookupIdentifiers;
  /** What a CSV zip may unpack to (the import size limit); 256 MB when not given. */
  maxUnpackedBytes?: number | undefined;
  /** How the file writes numbers, when the import declares a locale. */
  convention?: NumberConvention | undefined;
}

export async function readImport({
  format,
  bytes,
  fileName,
  lookupFtm,
  lookupIdentifiers = () => Promise.resolve(new Map()),
  maxUnpackedBytes,
  convention,
}: ReadOptions): Promise<MappedImport> {
  // The public sources, each in its own module (sources/): they cite their own dataset or package.
  if (format === 'littlesis') return mapLittleSis(new TextDecoder('utf-8').decode(bytes), fileName, lookupIdentifiers);
  if (format === 'ocds') return mapOcds(new TextDecoder('utf-8').decode(bytes), fileName, bytes);
  if (format === 'usaspending') return mapUsaspending(new TextDecoder('utf-8').decode(bytes), fileName);
  if (format === 'json') {
    const text = new TextDecoder('utf-8').decode(bytes);
    const parsed = parseJsonText(text);
    if (!parsed.ok) return { ...fromInterlockJson({}), problems: [parsed.problem] };
    return { ...fromInterlockJson(parsed.value), locate: (problems) => locateJsonProblems(text, problems) };
  }
  const document = (documentId: string) => ({
    id: documentId,
    kind: 'Document',
    name: fileName.slice(0, 300),
    title: fileName.slice(0, 500),
    description: `Imported ${format === 'csv' ? 'CSV' : 'FollowTheMoney'} file; each fact cites its line.`,
  });
  if (format === 'csv') {
    const { files, problems } = unzipCsv(bytes, {
      ...DEFAULT_ZIP_LIMITS,
      maxUnpackedBytes: maxUnpackedBytes ?? DEFAULT_ZIP_LIMITS.maxUnpackedBytes,
    });
    // The CSV texts, not the zip's bytes (which carry file times), decide the Document: zipping the
    // same two files again must not make a new source.
    const documentId = importDocumentId(format, new TextEncoder().encode([...files].sort().flat().join('\u0000')));
    const mapped = mapCsv(files, { documentId, ...(convention ? { convention } : {}) });
    return withDocument({ ...mapped, problems: [...problems, ...mapped.problems], merged: noneMerged }, document(documentId));
  }
  const documentId = importDocumentId(format, bytes);
  const { records, problems, merged } = parseFtmLines(new TextDecoder('utf-8').decode(bytes));
  const known = await lookupFtm(ftmReferences(records));
  const { citesFile, ...mapped } = mapFtm(records, { documentId, fileName, known, ...(convention ? { convention } : {}) });
  const result = { ...mapped, problems: [...problems, ...mapped.problems], merged: { entities: merged, relationships: 0 } };
  // Lines of our own export cite their own sources; the file becomes a Document only when a fact cites it.
  return citesFile ? withDocument(result, document(documentId)) : { ...result, documentId: null };
}

/** The file itself becomes a Document, first in the file so every fact can cite it. */
function withDocument(mapped: MappedImport, document: Record<string, unknown>): MappedImport {
  return {
    ...mapped,
    file: { ...mapped.file, entities: [document, ...mapped.file.entities] },
    origins: { ...mapped.origins, entities: [{}, ...mapped.origins.entities] },
  };
}
