/**
 * The app with the built page on a real port, against the shared test database. The page must have been
 * built (`npm run build`; `npm test` does it first).
 */
import { existsSync } from 'node:fs';
import { WEB_ROOT } from '../../../server/app.js';
import { buildTestApp } from '../../setup/app.js';

export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.INTERLOCK_E2E_URL) return { url: process.env.INTERLOCK_E2E_URL, close: async () => undefined };
  if (!existsSync(`${WEB_ROOT}/index.html`)) throw new Error('The page is not built: run `npm run build` first.');
  const app = await buildTestApp({ webRoot: WEB_ROOT });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${address}/`, close: () => app.close() };
}
