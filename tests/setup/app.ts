/**
 * Builds the real app against the shared test database, for `app.inject()` or a real port.
 *
 * Access is enforced as in production, but `app.inject()` of a test app sends the admin token of
 * `TEST_ADMIN_TOKEN` when the test sends no Authorization header itself, so tests of other features
 * test their feature rather than access. Tests of access pass `signedIn: false` and their own headers.
 * Rate limits are off unless a test sets them.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../server/app.js';
import { DEFAULT_SECURITY, type SecurityOptions } from '../../server/security/options.js';
import { testConnection, testDriver } from './connection.js';

export const TEST_ADMIN_TOKEN = 'ilk_test-admin-token-for-the-test-suite-only';
export const asAdmin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

export const TEST_SECURITY: SecurityOptions = {
  ...DEFAULT_SECURITY,
  adminToken: TEST_ADMIN_TOKEN,
  rateLimits: { reads: 0, writes: 0, imports: 0 },
};

export async function buildTestApp(
  options: { webRoot?: string | null; security?: Partial<SecurityOptions>; signedIn?: boolean } = {},
): Promise<FastifyInstance> {
  const { database } = testConnection();
  const app = await buildApp({
    driver: testDriver(),
    database,
    closeDriver: true,
    webRoot: options.webRoot ?? null,
    security: { ...TEST_SECURITY, ...options.security },
  });
  await app.ready();
  if (options.signedIn !== false) signInjectedRequests(app);
  return app;
}

function signInjectedRequests(app: FastifyInstance): void {
  const inject = app.inject.bind(app) as (options: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  const signed = (options: InjectOptions | string): ReturnType<FastifyInstance['inject']> => {
    const request: InjectOptions = typeof options === 'string' ? { url: options } : options;
    const headers = (request.headers ?? {}) as Record<string, unknown>;
    const hasAuth = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    return inject(hasAuth ? request : { ...request, headers: { ...headers, ...asAdmin } });
  };
  (app as unknown as { inject: typeof signed }).inject = signed;
}

/** GETs `url` from `app`, expects `status` (the body goes into the message when it differs) and parses the JSON. */
export async function getJson<T>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const response = await app.inject(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  return response.json<T>();
}
