/** Builds the real app against the shared test database, for `app.inject()` or a real port. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { testConnection, testDriver } from './connection.js';

export async function buildTestApp(options: { webRoot?: string | null } = {}): Promise<FastifyInstance> {
  const { database } = testConnection();
  const app = await buildApp({ driver: testDriver(), database, closeDriver: true, webRoot: options.webRoot ?? null });
  await app.ready();
  return app;
}
