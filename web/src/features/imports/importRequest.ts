/**
 * One import request from the page: the file as the body of POST /api/import (the server tells its
 * format from the content), as a dry run or for real. XMLHttpRequest rather than fetch because it
 * reports the upload's progress, and its growing `responseText` carries the server's progress events
 * (`Accept: text/event-stream`) as they come, so a large file shows where it is at every stage.
 */
import { ImportErrorResponse, ImportProgress, ImportResult } from '../../../../schemas/index.js';
import { authorizationHeader } from '../../api/auth-token.js';

export type Stage = { phase: 'upload' | ImportProgress['phase']; done: number; total: number };

export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly problems: ImportErrorResponse['problems'] = [],
  ) {
    super(message);
  }
}

export function sendImport(
  file: File,
  options: { dryRun: boolean; onStage: (stage: Stage) => void },
): { done: Promise<ImportResult>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ filename: file.name.slice(0, 300), ...(options.dryRun ? { dryRun: '1' } : {}) });
  const done = new Promise<ImportResult>((resolve, reject) => {
    xhr.open('POST', `/api/import?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'text/event-stream');
    for (const [name, value] of Object.entries(authorizationHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) =>
      options.onStage({ phase: 'upload', done: e.loaded, total: e.lengthComputable ? e.total : file.size });
    let read = 0;
    let result: ImportResult | undefined;
    let failure: ImportRequestError | undefined;
    const readEvents = () => {
      const text = xhr.responseText;
      let end = text.indexOf('\n\n', read);
      while (end !== -1) {
        const block = text.slice(read, end);
        read = end + 2;
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) {
          const value: unknown = JSON.parse(data);
          if (event === 'progress') {
            const p = ImportProgress.safeParse(value);
            if (p.success) options.onStage(p.data);
          } else if (event === 'result') result = ImportResult.parse(value);
          else if (event === 'error') {
            const e = ImportErrorResponse.partial({ problems: true }).safeParse(value);
            failure = new ImportRequestError(
              e.success ? e.data.error.message : 'The import failed.',
              e.success ? (e.data.problems ?? []) : [],
            );
          }
        }
        end = text.indexOf('\n\n', read);
      }
    };
    xhr.onprogress = readEvents;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // Refused before streaming began (too large, not allowed): the usual JSON error.
        let message = `The server answered ${xhr.status}.`;
        let problems: ImportErrorResponse['problems'] = [];
        try {
          const body = ImportErrorResponse.partial({ problems: true }).parse(JSON.parse(xhr.responseText));
          message = body.error.message;
          problems = body.problems ?? [];
        } catch {
          // keep the status line
        }
        reject(new ImportRequestError(message, problems));
        return;
      }
      readEvents();
      if (result) resolve(result);
      else reject(failure ?? new ImportRequestError('The server ended the import without a result.'));
    };
    xhr.onerror = () => reject(new ImportRequestError('Cannot reach the Interlock server. Is it running?'));
    xhr.onabort = () => reject(new ImportRequestError('Stopped.'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
