/**
 * Serves the built explorer page (`web/dist`, made by `npm run build`) from the same process. Unknown
 * non-API GET paths get index.html so deep links work. Without a build, `/` says how to make one.
 * Files are listed once at start: after `npm run build`, restart the server (or use `npm run dev`).
 */
import { existsSync } from 'node:fs';
import staticFiles from '@fastify/static';
import fp from 'fastify-plugin';

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
