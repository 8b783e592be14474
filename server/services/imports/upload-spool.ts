/**
 * An upload to import, written to a temporary file as it arrives rather than held in memory: the
 * readers then stream it (import-file.ts), however large, and may open it twice (its first bytes tell
 * its format). The limit (INTERLOCK_IMPORT_MAX_MB) is checked while the bytes come, and the request is
 * refused (413) as soon as it is passed. The file is removed when the import ends, whatever the outcome.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileFromPath, type ImportFile } from './import-file.js';

export interface SpooledUpload {
  file: ImportFile;
  /** Removes the temporary file (idempotent). */
  remove(): Promise<void>;
}

/** The body was larger than the limit: the error handler answers 413 `body_too_large` naming the limit. */
export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  constructor() {
    super('The request body is larger than this server accepts.');
  }
}

export async function spoolUpload(body: Readable, options: { fileName: string; maxBytes: number }): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'interlock-import-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  try {
    let seen = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        seen += chunk.length;
        if (seen > options.maxBytes) done(new UploadTooLargeError());
        else done(null, chunk);
      },
    });
    await pipeline(body, limit, createWriteStream(path));
    return { file: await fileFromPath(path, options.fileName), remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
