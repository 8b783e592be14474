/** The picture renderer (a worker thread, one drawing at a time) as a decorator, stopped with the app. */
import fp from 'fastify-plugin';
import { PictureRenderer } from '../../services/exports/pictures.js';

declare module 'fastify' {
  interface FastifyInstance {
    pictures: PictureRenderer;
  }
}

export default fp(
  async (app) => {
    const pictures = new PictureRenderer();
    app.decorate('pictures', pictures);
    app.addHook('onClose', async () => pictures.close());
  },
  { name: 'pictures' },
);
