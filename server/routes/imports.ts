/**
 * POST /api/import: the file as the raw request body, in our JSON (`application/json`), FollowTheMoney
 * JSON lines (`application/x-ndjson`) or a zip of the two CSV files (`application/zip`). Answers what was
 * created, updated, unchanged and merged. With `Accept: text/event-stream` the same request streams
 * `progress` events and then one `result` (or `error`) event instead, so the page can show a progress
 * bar without a second endpoint or server-side state.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiError,
  ImportErrorResponse,
  ImportQuery,
  ImportResult,
  InterlockFile,
  type ImportFormat,
} from '../../schemas/index.js';
import { toApiError } from '../plugins/app/error-handler.js';
import type { Readable } from 'node:stream';
import { runImport } from '../services/imports/import-service.js';
import { spoolUpload, UploadTooLargeError } from '../services/imports/upload-spool.js';

const FORMAT_BY_TYPE: Record<string, ImportFormat> = {
  'application/json': 'json',
  'application/x-ndjson': 'ftm',
  'application/zip': 'csv',
};
/** Bodies whose type says nothing about the format: the content alone decides (detect.ts). */
const UNTYPED = new Set(['', 'application/octet-stream', 'application/gzip', 'application/x-gzip', 'text/csv']);
const DEFAULT_FILE_NAME: Record<ImportFormat, string> = {
  json: 'upload.json',
  ftm: 'upload.ftm.json',
  csv: 'upload.zip',
  littlesis: 'littlesis.json',
  ocds: 'ocds.json',
  usaspending: 'usaspending.csv',
};

/** The three kinds of file the body may be, for the OpenAPI document (the body itself is not parsed here). */
const IMPORT_BODY_DOCS = {
  content: {
    'application/json': {
      schema: {
        ...z.toJSONSchema(InterlockFile, { io: 'input', target: 'openapi-3.0' }),
        description: 'Interlock JSON (format interlock/1); its JSON Schema is also served at /api/schema/import.json',
      },
    },
    'application/x-ndjson': {
      schema: {
        type: 'string',
        description:
          'FollowTheMoney entities, one JSON object per line, as OpenSanctions and Aleph export them (see docs/import-formats.md)',
      },
    },
    'application/zip': {
      schema: {
        type: 'string',
        format: 'binary',
        description: 'A zip holding entities.csv and relationships.csv (columns in docs/import-formats.md)',
      },
    },
  },
};

class BadImportRequest extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid_parameter';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const imports: FastifyPluginAsyncZod = async (app) => {
  // Imports are files, far larger than the 1 MB every other route accepts (INTERLOCK_IMPORT_MAX_MB).
  const IMPORT_BODY_LIMIT = app.security.importBodyLimitBytes;
  // The body is not read here: it streams to a temporary file (upload-spool.ts) the readers then stream.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    [
      'application/json',
      'application/x-ndjson',
      'application/zip',
      'application/octet-stream',
      'application/gzip',
      'application/x-gzip',
      'text/csv',
    ],
    (_request, payload, done) => done(null, payload),
  );

  app.post(
    '/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { openapiBody: IMPORT_BODY_DOCS },
      schema: {
        tags: ['import'],
        summary:
          'Import a file (Interlock JSON, CSV zip, FollowTheMoney, LittleSis, OCDS or USAspending; gzip too), all or nothing',
        description:
          'Send the file as the body; without `format` the content says which it is (a gzip is unpacked first). `Accept: text/event-stream` streams `progress` events ({phase, done, total}) and then a `result` or `error` event.',
        querystring: ImportQuery,
        response: {
          200: ImportResult,
          400: z.union([ImportErrorResponse, ApiError]),
          401: ApiError,
          403: ApiError,
          413: ApiError.describe('the body, or what a zip unpacks to, is past the import limit'),
          415: ApiError,
          503: ApiError,
        },
      },
    },
    async (request, reply) => {
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      // A declared format wins; JSON or ndjson bodies of the public sources are told apart by content too.
      const typed = FORMAT_BY_TYPE[contentType];
      const format = request.query.format ?? (typed === 'csv' ? typed : undefined);
      if (!format && !typed && !UNTYPED.has(contentType))
        throw new BadImportRequest(
          'format',
          'say ?format=json|csv|ftm|littlesis|ocds|usaspending or send the file as application/octet-stream',
        );
      const declared = Number(request.headers['content-length']);
      if (declared > IMPORT_BODY_LIMIT) throw new UploadTooLargeError();
      if (!isReadable(request.body)) throw new BadImportRequest('body', 'send the file as the request body');
      const upload = await spoolUpload(request.body, {
        fileName: request.query.filename ?? DEFAULT_FILE_NAME[format ?? 'json'],
        maxBytes: IMPORT_BODY_LIMIT,
      });
      if (upload.file.size === 0) {
        await upload.remove();
        throw new BadImportRequest('body', 'send the file as the request body');
      }
      const file = upload.file;
      const options = {
        format,
        // What the Content-Type implies, for a body whose content is recognisable as nothing else.
        typedAs: typed,
        dryRun: request.query.dryRun,
        locale: request.query.locale,
        actor: request.access.actor,
        route: 'POST /api/import',
        maxUnpackedBytes: IMPORT_BODY_LIMIT,
      };
      const { driver, database } = app.neo4j;

      if (!(request.headers.accept ?? '').includes('text/event-stream'))
        return runImport(driver, database, file, options).finally(upload.remove);

      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      const send = (event: string, data: unknown) => reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      try {
        send('result', await runImport(driver, database, file, { ...options, onProgress: (p) => send('progress', p) }));
        // A hijacked reply skips the onResponse hook that tells the findings maintainer of a write
        // (plugins/app/conflict-service.ts): an import streamed this way tells it itself.
        if (!options.dryRun) app.findings.maintainer.noteWrite();
      } catch (error) {
        const { status, body } = toApiError(error);
        if (status >= 500) request.log.error({ err: error }, body.error.message);
        send('error', { status, ...body });
      } finally {
        await upload.remove();
      }
      reply.raw.end();
    },
  );
};

function isReadable(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';
}

export default imports;
