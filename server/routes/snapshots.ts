/**
 * Snapshots: save the current view (POST), list, read, publish, delete a draft, compare two versions,
 * and export one in any of the formats; `POST /snapshots/export` exports a view without saving it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiError,
  CreateSnapshot,
  CreateSnapshotResult,
  DiffQuery,
  ExportQuery,
  type ExportFormat,
  PublishResult,
  Snapshot,
  SnapshotDiff,
  SnapshotList,
  SnapshotListQuery,
  SnapshotParams,
} from '../../schemas/index.js';
import { exportSnapshot, type ExportFile, type ExportInput } from '../services/exports/index.js';
import { PICTURE_FORMATS } from '../services/exports/pictures.js';
import { NotFoundError } from '../services/graph-repository.js';
import { diffSnapshots } from '../services/snapshots/diff.js';
import { SnapshotRequestError, UnpublishedDraftError } from '../services/snapshots/errors.js';

const FILE = z.any().describe('the exported file');

const snapshots: FastifyPluginAsyncZod = async (app) => {
  // Pictures are drawn in a worker, one at a time; the other formats are quick text.
  const exportFile = (format: ExportFormat, input: ExportInput): Promise<ExportFile> | ExportFile =>
    PICTURE_FORMATS.includes(format) ? app.pictures.render(format, input) : exportSnapshot(format, input);
  // Drafts are unpublished findings: only token holders see them; anyone else learns only that it is a draft.
  const visibleTo = (request: FastifyRequest, snapshot: Snapshot): Snapshot => {
    if (!snapshot.published && !request.access.isTokenHolder) throw new UnpublishedDraftError();
    return snapshot;
  };
  const readVisible = async (request: FastifyRequest, id: string): Promise<Snapshot> =>
    visibleTo(request, await app.snapshots.get(id));

  app.post(
    '/snapshots',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Save a view as a draft snapshot (or, with basedOn, as the next version of one)',
        body: CreateSnapshot,
        response: { 201: CreateSnapshotResult, 400: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const result = await app.snapshots.create(request.body, { actor: request.access.actor, route: 'POST /api/snapshots' });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/snapshots',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Snapshots, newest first (without their content)',
        querystring: SnapshotListQuery,
        response: { 200: SnapshotList, 400: ApiError, 503: ApiError },
      },
    },
    async (request) => ({
      snapshots: await app.snapshots.list(request.access.isTokenHolder ? request.query : { ...request.query, published: true }),
    }),
  );

  app.get(
    '/snapshots/:id',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'One snapshot with its frozen content (a published one is found by its draft id too)',
        params: SnapshotParams,
        response: { 200: Snapshot, 400: ApiError, 403: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => readVisible(request, request.params.id),
  );

  app.post(
    '/snapshots/:id/publish',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Publish a draft: it becomes immutable under an id derived from its content',
        params: SnapshotParams,
        response: { 200: PublishResult, 400: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) =>
      app.snapshots.publish(request.params.id, { actor: request.access.actor, route: 'POST /api/snapshots/:id/publish' }),
  );

  app.delete(
    '/snapshots/:id',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Delete a draft (published snapshots are permanent: 409)',
        params: SnapshotParams,
        response: { 204: z.null().describe('deleted'), 400: ApiError, 404: ApiError, 409: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      await app.snapshots.remove(request.params.id, { actor: request.access.actor, route: 'DELETE /api/snapshots/:id' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/snapshots/:id/diff',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'What changed between two versions of the series :id belongs to',
        params: SnapshotParams,
        querystring: DiffQuery,
        response: { 200: SnapshotDiff, 400: ApiError, 403: ApiError, 404: ApiError, 503: ApiError },
      },
    },
    async (request) => {
      const named = await readVisible(request, request.params.id);
      const toVersion = request.query.to ?? named.version;
      const fromVersion = request.query.from ?? toVersion - 1;
      if (fromVersion < 1)
        throw new SnapshotRequestError(
          400,
          'invalid_parameter',
          'from: version 1 has no earlier version to compare with',
          'from',
        );
      const load = async (version: number, field: string) => {
        if (version === named.version) return named;
        const found = await app.snapshots.getVersion(named.series, version);
        if (!found) throw new NotFoundError(`version (${field})`, String(version));
        return visibleTo(request, found);
      };
      return diffSnapshots(await load(fromVersion, 'from'), await load(toVersion, 'to'));
    },
  );

  app.get(
    '/snapshots/:id/export',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Export a snapshot: png, svg, html (standalone), graphml, gexf, cyjs, json, csv (zip), ftm, cypher',
        params: SnapshotParams,
        querystring: ExportQuery,
        response: { 200: FILE, 400: ApiError, 403: ApiError, 404: ApiError, 413: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const snapshot = await readVisible(request, request.params.id);
      return sendFile(
        reply,
        await exportFile(request.query.format, { snapshot, exportedAt: new Date(), picture: pictureOf(request.query) }),
      );
    },
  );

  app.post(
    '/snapshots/export',
    {
      schema: {
        tags: ['snapshots'],
        summary: 'Export a view without saving it (same body as POST /snapshots)',
        body: CreateSnapshot,
        querystring: ExportQuery,
        response: { 200: FILE, 400: ApiError, 413: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const snapshot = await app.snapshots.preview(request.body, request.access.actor);
      return sendFile(
        reply,
        await exportFile(request.query.format, { snapshot, exportedAt: new Date(), picture: pictureOf(request.query) }),
      );
    },
  );
};

/** The picture options of an export query (the other formats ignore them). */
function pictureOf({ size, width, height, lang }: ExportQuery): ExportInput['picture'] {
  return { size, width, height, lang };
}

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: string | Uint8Array }): FastifyReply {
  // The serializer is for JSON answers; a file goes out as its bytes.
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .serializer((payload: unknown) => payload as string)
    .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}

export default snapshots;
