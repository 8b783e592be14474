/**
 * Serves the built explorer page (`web/dist`, made by `npm run build`) from the same process. Unknown
 * non-API GET paths get index.html so deep links work. Without a build, `/` says how to make one.
 * Files are listed once at start: after `npm run build`, restart the server (or use `npm run dev`).
 *
 * A published snapshot's share page (`/s/<id>`) may be framed by the origins of
 * INTERLOCK_EMBED_ORIGINS; every other page keeps `frame-ancestors 'none'` (security/embedding.ts).
 */
import { existsSync } from 'node:fs';
import staticFiles from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { SnapshotId } from '../../../schemas/index.js';
import { withFrameAncestors } from '../../security/embedding.js';

export interface WebPluginOptions {
  root: string;
}

export default fp<WebPluginOptions>(
  async (app, { root }) => {
    if (!existsSync(`${root}/index.html`)) {
      app.log.warn({ root }, 'explorer page not built: run `npm run build`');
      app.get('/', async (_request, reply) =>
        reply.type('text/plain').send('The explorer page is not built yet. Run `npm run build`, then restart.'),
      );
      return;
    }
    await app.register(staticFiles, { root, wildcard: false, index: ['index.html'] });
    app.get<{ Params: { id: string } }>('/s/:id', async (request, reply) => {
      if (await isPublished(app, request.params.id)) {
        const policy = String(reply.getHeader('content-security-policy') ?? '');
        reply.header('content-security-policy', withFrameAncestors(policy, app.security.embedOrigins));
        // frame-ancestors decides; the older header would forbid other origins whatever it says.
        reply.removeHeader('x-frame-options');
      }
      return reply.sendFile('index.html');
    });
    app.get('/*', async (request, reply) => {
      // API paths and missing files (anything with an extension) are real 404s, not the page.
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api/') || path.startsWith('/docs') || /\.[a-z0-9]+$/i.test(path)) {
        return reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  },
  { name: 'web' },
);

/** Only a published snapshot may be framed; an unknown id, a draft or a database hiccup keeps the page unframeable. */
async function isPublished(app: FastifyInstance, id: string): Promise<boolean> {
  if (!SnapshotId.safeParse(id).success) return false;
  try {
    return (await app.snapshots.get(id)).published;
  } catch {
    return false;
  }
}
