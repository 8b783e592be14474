/**
 * The application as a Fastify instance. `main.ts` and the tests build the same app; neither copies the
 * wiring. Infrastructure plugins first (errors, database, limits and access, docs), then app services,
 * then routes under `/api`, and the built page last.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Driver } from 'neo4j-driver';
import { fileURLToPath } from 'node:url';
import conflictService from './plugins/app/conflict-service.js';
import auth from './plugins/app/auth.js';
import errorHandler, { frameworkErrors } from './plugins/app/error-handler.js';
import graphRepository from './plugins/app/graph-repository.js';
import heavyReads from './plugins/app/heavy-reads.js';
import pictures from './plugins/app/pictures.js';
import snapshotStore from './plugins/app/snapshot-store.js';
import viewStore from './plugins/app/view-store.js';
import neo4jPlugin from './plugins/external/neo4j.js';
import openapi from './plugins/external/openapi.js';
import security from './plugins/external/security.js';
import web from './plugins/external/web.js';
import audit from './routes/audit.js';
import conflicts from './routes/conflicts.js';
import documents from './routes/documents.js';
import duplicates from './routes/duplicates.js';
import edits from './routes/edits.js';
import entities from './routes/entities.js';
import health from './routes/health.js';
import imports from './routes/imports.js';
import paths from './routes/paths.js';
import schema from './routes/schema.js';
import search from './routes/search.js';
import snapshots from './routes/snapshots.js';
import tokens from './routes/tokens.js';
import views from './routes/views.js';
import { responseSerializer, type ResponseMode } from './response-serializer.js';
import { DEFAULT_SECURITY, type SecurityOptions } from './security/options.js';
import type { DatabaseState } from './neo4j/supervisor.js';

export const WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface AppOptions {
  driver: Driver;
  database: string;
  /** Close the driver when the app closes (main does; tests that share a driver do not). */
  closeDriver?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built page; null serves no page (API-only tests). */
  webRoot?: string | null;
  /** Access, limits and headers (server/security/options.ts); secure defaults when absent. */
  security?: SecurityOptions;
  /** `checked` (the default, for tests) proves every response matches its schema; `direct` only stringifies. */
  responses?: ResponseMode;
  /** Whether the embedded Neo4j is up or being restarted (db/connection.ts); always up when not given. */
  databaseState?: () => DatabaseState;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const securityOptions = options.security ?? DEFAULT_SECURITY;
  const app = Fastify({
    logger: options.logger ?? false,
    // Behind a reverse proxy, the client address (rate limits) comes from X-Forwarded-For.
    trustProxy: securityOptions.trustProxy,
    bodyLimit: 1024 * 1024,
    // Plain JSON, not a driver type, reaches every handler; ids may contain ':', which routes accept.
    routerOptions: { maxParamLength: 300 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.responses ?? 'checked'));

  await app.register(errorHandler);
  await app.register(neo4jPlugin, {
    driver: options.driver,
    database: options.database,
    closeDriver: options.closeDriver ?? false,
    queryTimeoutMs: securityOptions.queryTimeoutMs,
    state: options.databaseState,
  });
  // Before any route, so that every route (the docs and the page too) gets the checks and headers.
  await app.register(security, { security: securityOptions });
  await app.register(auth);
  await app.register(openapi);
  await app.register(graphRepository);
  await app.register(heavyReads);
  await app.register(conflictService);
  await app.register(snapshotStore);
  await app.register(pictures);
  await app.register(viewStore);

  await app.register(
    async (api) => {
      await api.register(health);
      await api.register(search);
      await api.register(entities);
      await api.register(documents);
      await api.register(paths);
      await api.register(conflicts);
      await api.register(schema);
      await api.register(imports);
      await api.register(audit);
      await api.register(edits);
      await api.register(duplicates);
      await api.register(snapshots);
      await api.register(tokens);
      await api.register(views);
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot === undefined ? WEB_ROOT : options.webRoot;
  if (webRoot !== null) await app.register(web, { root: webRoot });
  return app;
}
