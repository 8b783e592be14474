/**
 * Pictures (SVG, PNG) drawn in a worker thread, one at a time: drawing a large map takes seconds of CPU,
 * which on the event loop would stop every other request (a health probe included). One more picture
 * while one is being drawn is answered 503 `busy` at once; one past the caps 413 before any drawing; a
 * drawing that runs past the time limit is stopped (the worker is replaced) and answered 503.
 */
import { Worker } from 'node:worker_threads';
import type { ExportFormat } from '../../../schemas/index.js';
import { BusyError } from '../heavy-reads.js';
import type { ExportFile, ExportInput } from './index.js';
import { checkPictureSize, PictureTooLargeError } from './picture-limits.js';

export const PICTURE_FORMATS: readonly ExportFormat[] = ['png', 'svg'];

/** A drawing that did not finish in time: HTTP 503. */
export class PictureTimeoutError extends Error {
  readonly statusCode = 503;
  readonly code = 'picture_timeout';
  readonly retryAfterSeconds = 5;
}

interface Answer {
  id: number;
  file?: ExportFile;
  error?: { name: string; message: string };
}

export class PictureRenderer {
  private worker: Worker | undefined;
  private drawing = false;
  private nextId = 0;

  constructor(private readonly timeoutMs = 120_000) {}

  async render(format: ExportFormat, input: ExportInput): Promise<ExportFile> {
    // Refused before the worker is bothered: a map past the element cap never reaches it.
    checkPictureSize(input);
    if (this.drawing) {
      throw new BusyError('A picture is being drawn already; try again in a few seconds.');
    }
    this.drawing = true;
    try {
      return await this.inWorker(format, input);
    } finally {
      this.drawing = false;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private inWorker(format: ExportFormat, input: ExportInput): Promise<ExportFile> {
    const worker = (this.worker ??= this.spawn());
    const id = ++this.nextId;
    return new Promise<ExportFile>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const timer = setTimeout(() => {
        done();
        void this.close();
        reject(new PictureTimeoutError(`Drawing the picture took more than ${this.timeoutMs / 1000} s and was stopped.`));
      }, this.timeoutMs);
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return;
        done();
        if (answer.file) resolve(answer.file);
        else if (answer.error?.name === 'PictureTooLargeError') reject(new PictureTooLargeError(answer.error.message));
        else reject(new Error(`Drawing the picture failed: ${answer.error?.message ?? 'no answer'}`));
      };
      const onError = (error: Error) => {
        done();
        this.worker = undefined;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, format, input });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./picture-worker.mjs', import.meta.url));
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }
}
