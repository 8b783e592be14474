/** GET /api/patterns, /api/conflicts and /api/money-flows. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  ConflictsQuery,
  ConflictsResponse,
  MoneyFlowsQuery,
  MoneyFlowsResponse,
  PatternsResponse,
} from '../../schemas/index.js';

const conflicts: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/patterns',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'The conflict-of-interest patterns, from cypher/patterns',
        response: { 200: PatternsResponse },
      },
    },
    async () => ({ patterns: app.conflicts.list() }),
  );

  app.get(
    '/conflicts',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Conflict-of-interest findings, each explained, dated and cited, with its evidence subgraph',
        description:
          'Without `entity` this asks about the whole graph: at most INTERLOCK_HEAVY_READS such questions run at once, one more answers 503 `busy` with Retry-After.',
        querystring: ConflictsQuery,
        response: { 200: ConflictsResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) =>
      request.query.entity === undefined
        ? app.heavyReads.run(() => app.conflicts.findings(request.query))
        : app.conflicts.findings(request.query),
  );

  app.get(
    '/money-flows',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Who pays whom: totals, counts and date ranges of contracts per payer and payee',
        querystring: MoneyFlowsQuery,
        response: { 200: MoneyFlowsResponse, 400: ApiError, 503: ApiError },
      },
    },
    async (request) => app.conflicts.moneyFlows(request.query),
  );
};

export default conflicts;
