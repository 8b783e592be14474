/**
 * The page: time to first frame and frames per second while panning and zooming, at several graph sizes,
 * with Cytoscape's canvas renderer and its WebGL mode, in headless Chromium (playwright-core and the
 * system's Chromium, as the browser tests use). The harness page (page/) is built with Vite into a
 * temporary folder and served from a local port.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

export interface PageMeasurement {
  elements: number;
  renderer: 'canvas' | 'webgl';
  /** Whether WebGL really drew (headless Chromium may fall back to the 2D canvas). */
  webglActive: boolean;
  firstRenderMs: number;
  fps: number;
}

const HARNESS = fileURLToPath(new URL('./page/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

export async function benchPage(options: {
  sizes: number[];
  seconds: number;
  log: (m: string) => void;
}): Promise<PageMeasurement[]> {
  const outDir = await mkdtemp(join(tmpdir(), 'interlock-bench-page-'));
  await build({ root: HARNESS, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    if (path.includes('..')) return void response.writeHead(400).end();
    response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
    createReadStream(join(outDir, path))
      .on('error', () => response.writeHead(404).end())
      .pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // SwiftShader gives headless Chromium a software WebGL, so both renderers run on any machine.
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  const results: PageMeasurement[] = [];
  try {
    for (const elements of options.sizes) {
      for (const renderer of ['canvas', 'webgl'] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        try {
          // The graph is built by the page's script, before its load event: do not wait for that here.
          await page.goto(
            `http://127.0.0.1:${port}/index.html?elements=${elements}&renderer=${renderer}&seconds=${options.seconds}`,
            {
              waitUntil: 'commit',
            },
          );
          // The harness leaves its answer in window.benchResult (a string here: this file has no DOM types).
          await page.waitForFunction('window.benchResult !== undefined', undefined, { timeout: 900_000, polling: 250 });
          const result = (await page.evaluate('window.benchResult')) as HarnessResult;
          if ('error' in result) throw new Error(`harness failed (${elements}, ${renderer}): ${result.error}`);
          results.push({ elements, renderer, webglActive: result.webgl, firstRenderMs: result.firstRenderMs, fps: result.fps });
          options.log(
            `  ${elements} elements, ${renderer}: first frame ${result.firstRenderMs.toFixed(0)} ms, ${result.fps.toFixed(1)} fps`,
          );
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    await rm(outDir, { recursive: true, force: true });
  }
  return results;
}

type HarnessResult = { firstRenderMs: number; fps: number; frames: number; webgl: boolean } | { error: string };
