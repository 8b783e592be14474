// The picture exports (SVG, PNG) drawn off the server's event loop: a worker thread that receives
// {id, format, input} and answers {id, file} or {id, error}. Plain JavaScript because a worker does not
// inherit the TypeScript loader of the main thread; it registers its own, then loads the exporters.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { exportSnapshot } = await import('./index.js');

parentPort?.on('message', ({ id, format, input }) => {
  try {
    parentPort?.postMessage({ id, file: exportSnapshot(format, input) });
  } catch (error) {
    parentPort?.postMessage({ id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
});
