/**
 * The browser tests' build of the page (web/dist-e2e, made by `npm run build:e2e`): the production page
 * plus the hook that exposes the canvas to the tests. The test server serves it; against an app that
 * is already running (INTERLOCK_E2E_URL, the screenshot scripts) Vite's preview server serves it and
 * passes /api on to that app.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

export const TEST_PAGE_ROOT = fileURLToPath(new URL('../../../web/dist-e2e', import.meta.url));

export function requireTestPage(): void {
  if (!existsSync(`${TEST_PAGE_ROOT}/index.html`))
    throw new Error('The browser tests need the test build of the page: run `npm run build:e2e` first.');
}

/** The test page at a local address, its API calls answered by the app at `apiUrl`. */
export async function previewTestPage(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  requireTestPage();
  const server = await preview({
    configFile: fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url)),
    mode: 'e2e',
    logLevel: 'warn',
    preview: {
      host: '127.0.0.1',
      port: 4390,
      strictPort: false,
      proxy: { '/api': { target: new URL(apiUrl).origin, changeOrigin: false } },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not say where it listens.');
  return { url, close: () => server.close() };
}
