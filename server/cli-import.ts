/** Terminal helpers of `cli import`: the format from a file name, and a progress bar on stderr. */
import { SingleBar } from 'cli-progress';
import type { ImportFormat, ImportProgress } from '../schemas/index.js';

export function formatFromFileName(file: string): ImportFormat {
  const name = file.toLowerCase();
  if (name.endsWith('.zip')) return 'csv';
  if (/\.(ftm\.json|jsonl|ndjson|ftm)$/.test(name)) return 'ftm';
  if (name.endsWith('.json')) return 'json';
  throw new Error(`cannot tell the format of "${file}" from its extension; pass --format json|csv|ftm`);
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
