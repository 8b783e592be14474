/**
 * A file to import, read as a stream however large it is: from bytes in memory (tests, small API calls)
 * or from a path (the CLI's file, an upload spooled to a temporary file). It can be opened more than once:
 * the first bytes tell gzip and the format (detect.ts), then the reader takes the whole stream. A gzip is
 * unpacked on the way (node's zlib), never whole in memory.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImportTooLargeError } from './csv.js';
import { isGzip } from './detect.js';

export interface ImportFile {
  fileName: string;
  /** Bytes of the file as stored (gzipped, if it is). */
  size: number;
  /** The file's bytes from the start, as stored. */
  open(): Readable;
  /** The first `n` bytes as stored (fewer when the file is shorter). */
  start(n: number): Promise<Uint8Array>;
}

export function fileFromBytes(bytes: Uint8Array, fileName: string): ImportFile {
  return {
    fileName,
    size: bytes.length,
    open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    start: (n) => Promise.resolve(bytes.subarray(0, n)),
  };
}

export async function fileFromPath(path: string, fileName: string): Promise<ImportFile> {
  const { size } = await stat(path);
  return {
    fileName,
    size,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    start: async (n) => {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(Math.min(n, size));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

/** The file's content, unpacked when it is a gzip, with how many stored bytes were read so far (progress). */
export interface OpenedContent {
  stream: Readable;
  bytesRead(): number;
}

/**
 * Opens the content of a file: a gzip is unpacked as it streams, refused (413) past `maxUnpackedBytes`
 * when a limit is given, so a gzip bomb cannot fill the disk or the memory of a reader that keeps it.
 */
export async function openContent(file: ImportFile, maxUnpackedBytes?: number): Promise<OpenedContent> {
  const gzipped = isGzip(await file.start(2));
  let read = 0;
  const file_ = file.open();
  const raw = file_.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        done(null, chunk);
      },
    }),
  );
  file_.on('error', (error) => raw.destroy(error));
  raw.on('close', () => file_.destroy());
  let stream: Readable = raw;
  if (gzipped) {
    const gunzip = createGunzip();
    raw.on('error', (error) => gunzip.destroy(error));
    gunzip.on('error', () => raw.destroy());
    stream = raw.pipe(gunzip);
  }
  if (maxUnpackedBytes !== undefined) {
    const limit = new ByteLimit(maxUnpackedBytes, gzipped);
    stream.on('error', (error) => limit.destroy(error));
    stream = stream.pipe(limit);
  }
  stream.on('close', () => raw.destroy());
  return { stream, bytesRead: () => read };
}

/** The first `n` bytes of a file's (unpacked) content, for telling its format. */
export async function contentHead(file: ImportFile, n: number): Promise<Uint8Array> {
  const { stream } = await openContent(file);
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= n) break;
    }
  } catch (error) {
    if (length === 0) throw unreadableGzip(error);
  } finally {
    stream.destroy();
  }
  return new Uint8Array(Buffer.concat(parts).subarray(0, n));
}

/** The whole (unpacked) content in memory, for the formats read whole; 413 past the limit. */
export async function readContent(file: ImportFile, maxUnpackedBytes: number): Promise<Uint8Array> {
  const { stream } = await openContent(file, maxUnpackedBytes);
  const parts: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) parts.push(chunk);
  } catch (error) {
    throw error instanceof ImportTooLargeError ? error : unreadableGzip(error);
  }
  return new Uint8Array(Buffer.concat(parts));
}

export function unreadableGzip(error: unknown): ImportTooLargeError {
  return error instanceof ImportTooLargeError
    ? error
    : new ImportTooLargeError(`the gzip file could not be unpacked: ${(error as Error).message}`);
}

class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly max: number,
    private readonly gzipped: boolean,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) {
      const mb = Math.round(this.max / 1048576);
      done(
        new ImportTooLargeError(
          this.gzipped ? `the gzip file unpacks to more than ${mb} MB` : `the file is larger than ${mb} MB`,
        ),
      );
      return;
    }
    done(null, chunk);
  }
}
