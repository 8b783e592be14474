/**
 * GET /api/access: who the caller is and what they may do (the page's sign-in shows it).
 * /api/tokens: an admin creates, lists and revokes API tokens. The secret is shown once, at creation.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccessResponse,
  ApiError,
  CreatedToken,
  CreateToken,
  TokenInfo,
  TokenList,
  TokenParams,
  roleAllows,
} from '../../schemas/index.js';
import { NotFoundError } from '../services/graph-repository.js';
import { createToken, listTokens, revokeToken } from '../security/tokens.js';

const tokens: FastifyPluginAsyncZod = async (app) => {
  const { driver, database } = app.neo4j;
  const denied = { 401: ApiError, 403: ApiError, 503: ApiError };

  app.get(
    '/access',
    {
      config: { access: 'public' },
      schema: {
        tags: ['access'],
        summary: 'The role of the token sent (if any) and what it allows on this server',
        response: { 200: AccessResponse, 401: ApiError, 503: ApiError },
      },
    },
    async (request) => {
      const { role, name } = request.access;
      const { publicReadonly, readsOpen } = app.security;
      return {
        role,
        name,
        publicReadonly,
        readsOpen,
        canRead: readsOpen || role !== null,
        canWrite: !publicReadonly && role !== null && roleAllows(role, 'editor'),
        canManageTokens: !publicReadonly && role === 'admin',
      };
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: 'admin' },
      schema: { tags: ['access'], summary: 'Every API token (never the secrets)', response: { 200: TokenList, ...denied } },
    },
    async () => ({ tokens: await listTokens(driver, database) }),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['access'],
        summary: 'Create a token; the answer is the only time its secret is shown',
        body: CreateToken,
        response: { 201: CreatedToken, 400: ApiError, 415: ApiError, ...denied },
      },
    },
    async (request, reply) => {
      const created = await createToken(driver, database, { ...request.body, createdBy: request.access.actor });
      app.tokens.forget();
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['access'],
        summary: 'Revoke a token: it stops working at once',
        params: TokenParams,
        response: { 200: TokenInfo, 400: ApiError, 404: ApiError, ...denied },
      },
    },
    async (request) => {
      const revoked = await revokeToken(driver, database, request.params.id);
      if (!revoked) throw new NotFoundError('token', request.params.id);
      app.tokens.forget();
      return revoked;
    },
  );
};

export default tokens;
