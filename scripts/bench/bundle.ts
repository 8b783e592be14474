/**
 * The size of the page's JavaScript: what `web/dist/index.html` loads before the first render (its
 * scripts and module preloads), raw and gzipped, and all JavaScript of the build. Builds the page first
 * unless told to use the existing build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

export interface BundleMeasurement {
  initialFiles: string[];
  initialBytes: number;
  initialGzipBytes: number;
  allJsBytes: number;
  allJsGzipBytes: number;
}

/** The JavaScript files an HTML page loads up front: `<script src>` and `<link rel="modulepreload">`. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) found.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) found.add(m[1]!);
  return [...found].map((src) => src.replace(/^\//, ''));
}

export async function benchBundle(options: { rebuild: boolean }): Promise<BundleMeasurement> {
  if (options.rebuild) await build({ configFile: CONFIG, logLevel: 'warn' });
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const sizes = async (files: string[]) => {
    let raw = 0;
    let gz = 0;
    for (const file of files) {
      const bytes = await readFile(join(DIST, file));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gz };
  };
  const initialFiles = initialScripts(html);
  const initial = await sizes(initialFiles);
  const all = await sizes((await readdir(join(DIST, 'assets'))).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`));
  return { initialFiles, initialBytes: initial.raw, initialGzipBytes: initial.gz, allJsBytes: all.raw, allJsGzipBytes: all.gz };
}
