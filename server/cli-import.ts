/** Terminal helpers of `cli import`: the format from a file name, and a progress bar on stderr. */
import { SingleBar } from 'cli-progress';
import type { ImportFormat, ImportProgress } from '../schemas/index.js';

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
