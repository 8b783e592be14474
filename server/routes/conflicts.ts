/** GET /api/patterns, /api/conflicts and /api/money-flows. */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApiError,
  ConflictsQuery,
  ConflictsResponse,
  FindingsStatus,
  MoneyFlowsQuery,
  MoneyFlowsResponse,
  PatternsQuery,
  PatternsResponse,
  acceptLanguageTags,
  firstSupported,
  type Language,
} from '../../schemas/index.js';

/** The reader's language: `lang` when given, else the first language of Accept-Language we speak, else English. */
function readerLanguage(request: FastifyRequest, lang: Language | undefined): Language {
  return lang ?? firstSupported(acceptLanguageTags(request.headers['accept-language'])) ?? 'en';
}

const conflicts: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/patterns',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'The conflict-of-interest patterns, from cypher/patterns, named in the reader’s language',
        querystring: PatternsQuery,
        response: { 200: PatternsResponse, 400: ApiError },
      },
    },
    async (request, reply) => {
      void reply.header('Vary', 'Accept-Language');
      return { patterns: app.conflicts.list(readerLanguage(request, request.query.lang)) };
    },
  );

  app.get(
    '/conflicts',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Conflict-of-interest findings, each explained, dated and cited, with its evidence subgraph',
        description:
          "Answered from the stored findings, which the server keeps current in the background: `status` says whether they reflect the graph as it is (`current`) or a change is being taken in (`updating`, with `progress` while every pattern runs over the whole graph after an import), `graphVersion` which state of the graph they reflect, `failedPatterns` the patterns that could not be run over the whole graph in the last full recomputation (their counts are not their number of findings). Before the first computation over the whole graph is stored, `graphVersion` is null and nothing is counted (not zero findings: none computed yet); one `entity`'s findings are then computed when asked, with each pattern's form for one entity, and say so with `computedNow`.",
        querystring: ConflictsQuery,
        response: { 200: ConflictsResponse, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      void reply.header('Vary', 'Accept-Language');
      return app.findings.answer({ ...request.query, lang: readerLanguage(request, request.query.lang) });
    },
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

  app.post(
    '/conflicts/recompute',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['conflicts'],
        summary: 'Run every pattern over the whole graph again, in the background (admin)',
        description:
          'For a change made straight in the database (Neo4j Browser, cypher-shell) that only changed properties: the server notices writes made through Interlock and any change in the number of entities or relationships, but nothing shows such a change. Answers 202 with the status (`updating` until the recomputation is served; its progress in `/api/conflicts/status`). Before the first computation there is nothing to ask for: it covers the graph as it is.',
        response: { 202: FindingsStatus, 401: ApiError, 403: ApiError, 503: ApiError },
      },
    },
    async (_request, reply) => reply.status(202).send(await app.findings.recompute()),
  );

  app.get(
    '/money-flows',
    {
      schema: {
        tags: ['conflicts'],
        summary: 'Who pays whom: totals, counts and date ranges of contracts per payer and payee',
        description:
          'Without `entity`, answered from the stored `money-flow` findings (with `status` and `graphVersion` as in /api/conflicts; while `status` is `updating`, the rows are those of the `graphVersion` given, made before the change being taken in: ask again until `current`); with `entity`, computed for that entity when asked. Rows come the largest total first, a page at a time with `limit` and `cursor`; `totals` and `unknownCount` count every row of every page.',
        querystring: MoneyFlowsQuery,
        response: { 200: MoneyFlowsResponse, 400: ApiError, 503: ApiError },
      },
    },
    // One entity's flows are computed now (the pattern's per-entity form); the whole graph's come from the
    // stored findings, kept current in the background.
    async (request) => {
      const { entity, ...ask } = request.query;
      return entity ? app.conflicts.moneyFlows({ ...ask, entity }) : app.findings.moneyFlows(ask);
    },
  );
};

export default conflicts;
