/**
 * Limits and headers for every route: Host check (DNS rebinding), no write from another site's page,
 * rate limits per client (429 with Retry-After; separate budgets for reads, writes and imports),
 * security headers with a content-security policy the page satisfies, and CORS only for the origins
 * configured (off by default). Registered before any route so that every route gets it.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isReadMethod } from '../../security/access-rules.js';
import type { SecurityOptions } from '../../security/options.js';
import { checkHost, checkWriteOrigin } from '../../security/request-checks.js';

declare module 'fastify' {
  interface FastifyInstance {
    security: SecurityOptions;
  }
}

/**
 * The page is one bundle of scripts and styles from our own origin: no inline script, no eval, no
 * third-party host. Cytoscape and React set styles through the CSSOM, which `style-src` does not govern.
 * The favicon is a data: URL; exported images are blob: URLs.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Not forced: a server on a LAN address over plain HTTP would otherwise break its own page.
  upgradeInsecureRequests: null,
};

const DOCS_CSP_DIRECTIVES = { ...CSP_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] };

type Budget = 'read' | 'write' | 'import';

function budgetOf(request: FastifyRequest): Budget {
  const url = request.routeOptions.url ?? request.url;
  if (url.startsWith('/api/import')) return 'import';
  return isReadMethod(request.method) ? 'read' : 'write';
}

export default fp<{ security: SecurityOptions }>(
  async (app, { security }) => {
    app.decorate('security', security);

    app.addHook('onRequest', async (request, reply) => {
      const refusal =
        checkHost(request.headers.host, security.hostNames) ??
        (isReadMethod(request.method)
          ? null
          : checkWriteOrigin(
              {
                contentType: request.headers['content-type'],
                origin: request.headers.origin,
                secFetchSite: request.headers['sec-fetch-site'] as string | undefined,
                host: request.headers.host,
                scheme: request.protocol,
              },
              security.corsOrigins,
            ));
      if (refusal) return reply.status(refusal.status).send({ error: { code: refusal.code, message: refusal.message } });
    });

    const { reads, writes, imports } = security.rateLimits;
    const limitOf = { read: reads, write: writes, import: imports };
    if (reads > 0 || writes > 0 || imports > 0) {
      await app.register(rateLimit, {
        global: true,
        timeWindow: 60_000,
        // One budget per client and kind of request, so browsing does not use up the budget for edits.
        keyGenerator: (request) => `${budgetOf(request)}:${request.ip}`,
        max: (request) => limitOf[budgetOf(request)],
        allowList: (request) => limitOf[budgetOf(request)] === 0,
        errorResponseBuilder: (_request, context) => ({
          statusCode: context.statusCode,
          code: 'rate_limited',
          message: `Too many requests: at most ${context.max} a minute from one client for this kind of request. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        }),
      });
    }

    // Swagger UI (/docs) inserts style elements at run time; its page holds no data, scripts stay 'self'.
    app.addHook('onRoute', (route) => {
      if (route.url.startsWith('/docs')) {
        route.config = {
          ...route.config,
          helmet: { contentSecurityPolicy: { useDefaults: true, directives: DOCS_CSP_DIRECTIVES } },
        } as typeof route.config;
      }
    });

    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES },
      hsts: { maxAge: 15_552_000, includeSubDomains: false },
      // The page fetches nothing cross-origin; same-origin isolation costs nothing.
      crossOriginEmbedderPolicy: false,
    });

    if (security.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: [...security.corsOrigins],
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['authorization', 'content-type', 'accept'],
        maxAge: 600,
      });
    }
  },
  { name: 'security' },
);
