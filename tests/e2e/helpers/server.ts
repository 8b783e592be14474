/**
 * The app with the test build of the page on a real port, against the shared test database
 * (`npm test` builds the page first). With INTERLOCK_E2E_URL the tests run against that app instead,
 * through a local preview of the test page.
 */
import { buildTestApp } from '../../setup/app.js';
import type { SecurityOptions } from '../../../server/security/options.js';
import { TEST_PAGE_ROOT, previewTestPage, requireTestPage } from './test-page.js';

export async function startTestServer(
  options: { security?: Partial<SecurityOptions> } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.INTERLOCK_E2E_URL) return previewTestPage(process.env.INTERLOCK_E2E_URL);
  requireTestPage();
  const app = await buildTestApp({ webRoot: TEST_PAGE_ROOT, ...(options.security ? { security: options.security } : {}) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${address}/`, close: () => app.close() };
}
