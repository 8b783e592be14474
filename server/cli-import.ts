/**
 * Terminal helpers of `cli import`: the format from a file name, a progress bar on stderr, the report,
 * and the import through an app already running on the same data folder.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import { ImportErrorResponse, ImportProgress, ImportResult, type ImportFormat, type ImportProblem } from '../schemas/index.js';
import type { AppLock } from './app-lock.js';
import { FORMAT_NAMES } from './services/imports/detect.js';

/**
 * The format a file name suggests (`.zip` a CSV zip, `.ftm.json`/`.jsonl`/`.ndjson` FollowTheMoney,
 * `.json` our JSON), or undefined. Only a hint: the import reads the content first (detect.ts), so a
 * LittleSis `.json.gz` or an OCDS `.jsonl` is recognised whatever its name.
 */
export function formatFromFileName(file: string): ImportFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.zip')) return 'csv';
  if (/\.(ftm\.json|jsonl|ndjson|ftm)$/.test(name)) return 'ftm';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

/** A bar that follows the import's phases; stderr keeps stdout for the JSON result. */
export function progressBar(): { update: (p: ImportProgress) => void; stop: () => void } {
  const bar = new SingleBar({
    stream: process.stderr,
    format: '[interlock] {phase} [{bar}] {value}/{total}',
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  let started = false;
  let phase = '';
  return {
    update: (p) => {
      if (!started) {
        bar.start(p.total, p.done, { phase: p.phase });
        started = true;
      } else if (p.phase !== phase) bar.setTotal(p.total);
      phase = p.phase;
      bar.update(p.done, { phase: p.phase.padEnd(13) });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

/** What the terminal shows after an import, whichever way it went; the JSON result goes to stdout. */
export function reportImport(result: ImportResult, seconds: number, log: (message: string) => void): void {
  const c = result;
  log(
    `${c.dryRun ? 'Dry run (nothing written): would create' : 'Created'} ${c.created.entities} entities and ${c.created.relationships} relationships; ` +
      `updated ${c.updated.entities} and ${c.updated.relationships}; unchanged ${c.unchanged.entities} and ${c.unchanged.relationships}; ` +
      `merged ${c.merged.entities} FtM fragments; attached ${c.attached} to entities already known by an identifier; skipped ${c.skipped}. ` +
      `${FORMAT_NAMES[c.format]}, ${seconds.toFixed(1)} s.`,
  );
  for (const w of c.warnings) log(`  ${w.line ? `line ${w.line}: ` : ''}${w.message}`);
  for (const u of c.unmapped)
    log(
      `  not imported: ${u.schema}${u.property ? `.${u.property}` : ''} (${u.lines} line(s), first ${u.firstLine}): ${u.reason}`,
    );
  if (c.documentId) log(`Every fact cites ${c.documentId}.`);
  if (c.auditId) log(`In the history as ${c.auditId}.`);
  console.log(JSON.stringify(c, null, 2));
}

/** An import refused by the running app: its message, and its problems with their lines. */
export class AppImportError extends Error {
  constructor(
    message: string,
    readonly problems: ImportProblem[] = [],
  ) {
    super(message);
  }
}

const CONTENT_TYPE: Partial<Record<ImportFormat, string>> = {
  json: 'application/json',
  ftm: 'application/x-ndjson',
  csv: 'application/zip',
};

/**
 * Imports a file through the app that runs on this data folder (app-lock.ts): the file streams as the
 * body of its POST /api/import, with the app's own token for this user; its progress events drive the
 * bar. The app's import size limit (INTERLOCK_IMPORT_MAX_MB) applies.
 */
export async function importThroughApp(
  lock: AppLock,
  file: string,
  options: {
    format?: ImportFormat | undefined;
    dryRun: boolean;
    locale?: string | undefined;
    onProgress: (p: ImportProgress) => void;
  },
): Promise<ImportResult> {
  const url = new URL('api/import', lock.url);
  url.searchParams.set('filename', basename(file).slice(0, 300));
  if (options.format) url.searchParams.set('format', options.format);
  if (options.dryRun) url.searchParams.set('dryRun', '1');
  if (options.locale) url.searchParams.set('locale', options.locale);
  const typed = formatFromFileName(file);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${lock.token}`,
      'content-type': (typed && CONTENT_TYPE[typed]) ?? 'application/octet-stream',
      accept: 'text/event-stream',
    },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  if (!response.ok || !response.body) {
    const text = await response.text();
    const parsed = ImportErrorResponse.partial({ problems: true }).safeParse(safeJson(text));
    const message = parsed.success ? parsed.data.error.message : `The app answered ${response.status}: ${text.slice(0, 300)}`;
    // Too large for the app's limit: say both ways through.
    const hint =
      response.status === 413
        ? ' Start the app with a larger INTERLOCK_IMPORT_MAX_MB (up to 4096), or stop it and run this command again to import without it.'
        : '';
    throw new AppImportError(`${message}${hint}`, parsed.success ? (parsed.data.problems ?? []) : []);
  }
  let buffered = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end = buffered.indexOf('\n\n');
    while (end !== -1) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = safeJson(/^data: (.*)$/m.exec(block)?.[1] ?? '');
      if (event === 'progress') {
        const progress = ImportProgress.safeParse(data);
        if (progress.success) options.onProgress(progress.data);
      } else if (event === 'result') return ImportResult.parse(data);
      else if (event === 'error') {
        const failure = ImportErrorResponse.partial({ problems: true }).safeParse(data);
        throw new AppImportError(
          failure.success ? failure.data.error.message : 'The import failed in the app.',
          failure.success ? (failure.data.problems ?? []) : [],
        );
      }
    }
  }
  throw new AppImportError('The app ended the import without a result.');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
