/**
 * Access control for every route: the token of `Authorization: Bearer <token>` gives a role (reader,
 * editor, admin), and each route needs a level (see security/access-rules.ts: by default reads need a
 * reader and every other method an editor, so new routes are protected without saying so).
 *
 * Every handler can read `request.access`: the caller's role, token id and name, `isTokenHolder`
 * (for content only token holders may see, such as unpublished snapshots) and `actor` (who to write
 * in the audit trail).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AccessLevel, Role } from '../../../schemas/index.js';
import { bearerToken, decide, requiredAccess } from '../../security/access-rules.js';
import { TokenVerifier } from '../../security/tokens.js';

export interface RequestAccess {
  role: Role | null;
  tokenId: string | null;
  /** The token's name, null without a token. */
  name: string | null;
  /** True for any valid token, whatever its role. */
  isTokenHolder: boolean;
  /** Who to record in the audit trail: the token's name, else `api:anonymous`. */
  actor: string;
}

export interface AccessRoute {
  method: string;
  url: string;
  access: AccessLevel;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; defaults by method (reads: reader, other methods: editor). */
    access?: AccessLevel;
  }
  interface FastifyRequest {
    access: RequestAccess;
  }
  interface FastifyInstance {
    tokens: TokenVerifier;
    /** Every route registered after this plugin, with the level it needs (for docs and tests). */
    accessRoutes: AccessRoute[];
  }
}

const ANONYMOUS: RequestAccess = { role: null, tokenId: null, name: null, isTokenHolder: false, actor: 'api:anonymous' };

function deny(reply: FastifyReply, status: number, code: string, message: string) {
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="interlock"');
  return reply.status(status).send({ error: { code, message } });
}

export default fp(
  async (app) => {
    const { security } = app;
    const tokens = new TokenVerifier(app.neo4j.driver, app.neo4j.database, {
      adminToken: security.adminToken,
      localToken: security.localToken,
      timeoutMs: security.queryTimeoutMs,
    });
    app.decorate('tokens', tokens);
    app.decorate('accessRoutes', [] as AccessRoute[]);
    app.decorateRequest('access', null as unknown as RequestAccess);

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const declared = (route.config as { access?: AccessLevel } | undefined)?.access;
      for (const method of methods) {
        app.accessRoutes.push({ method, url: route.url, access: requiredAccess(method, route.url, declared) });
      }
    });

    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      request.access = ANONYMOUS;
      const url = request.routeOptions.url ?? request.url.split('?')[0] ?? '/';
      const needed = requiredAccess(request.method, url, request.routeOptions.config.access);
      const presented = bearerToken(request.headers.authorization);
      // The page and its files never need a token; a stale one in the browser must not lock it out.
      if (presented !== undefined && !(needed === 'public' && !url.startsWith('/api'))) {
        const holder = presented === null ? null : await tokens.verify(presented);
        if (!holder) {
          return deny(reply, 401, 'invalid_token', 'The token sent is not valid (mistyped, or revoked). Sign in again.');
        }
        request.access = { role: holder.role, tokenId: holder.id, name: holder.name, isTokenHolder: true, actor: holder.name };
      }
      const verdict = decide(request.method, needed, request.access, security);
      if (!verdict.allowed) return deny(reply, verdict.status, verdict.code, verdict.message);
    });
  },
  { name: 'auth', dependencies: ['neo4j', 'security'] },
);
