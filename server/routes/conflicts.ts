/** GET /api/patterns, /api/conflicts and /api/money-flows. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  ConflictsQuery,
  ConflictsResponse,
  FindingsStatus,
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
          'Answered from the stored findings, which the server keeps current in the background: `status` says whether they reflect the graph as it is (`current`) or a change is being taken in (`updating`, with `progress` while every pattern runs over the whole graph after an import), `graphVersion` which state of the graph they reflect.',
        querystring: ConflictsQuery,
        response: { 200: ConflictsResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => app.findings.answer(request.query),
  );

  app.get(
    '/conflicts/status',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Whether the stored findings are current, the graph version they reflect, and a recomputation’s progress',
        response: { 200: FindingsStatus, 503: ApiError },
      },
    },
    async () => app.findings.status(),
  );

  app.get(
    '/money-flows',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Who pays whom: totals, counts and date ranges of contracts per payer and payee',
        description:
          'Without `entity`, answered from the stored `money-flow` findings (with `status` and `graphVersion` as in /api/conflicts); with `entity`, computed for that entity when asked.',
        querystring: MoneyFlowsQuery,
        response: { 200: MoneyFlowsResponse, 400: ApiError, 503: ApiError },
      },
    },
    // One entity's flows are computed now (the pattern's per-entity form); the whole graph's come from the
    // stored findings, kept current in the background.
    async (request) =>
      request.query.entity
        ? app.conflicts.moneyFlows({ entity: request.query.entity, rollup: request.query.rollup })
        : app.findings.moneyFlows(request.query),
  );
};

export default conflicts;
