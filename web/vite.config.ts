/**
 * Vite for the explorer page. Root is web/ so `vite web` / `vite build web` work from the repo root;
 * the shared schemas one level up are imported by relative path and bundled in.
 *
 * `--mode e2e` builds the browser tests' page into web/dist-e2e: the same page plus the test hook
 * (web/src/canvas/test-hook.ts) that exposes the canvas to the tests. The production build leaves
 * the hook out entirely.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API runs in the Fastify process; in development the page proxies to it so both share an origin.
const apiTarget = process.env.INTERLOCK_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig(({ mode }) => ({
  root,
  plugins: [react()],
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape with its layout extensions is ~650 kB minified and cannot be split further usefully.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // The graph engine is most of the weight and changes least often: its own cacheable chunk.
        codeSplitting: {
          groups: [
            {
              name: 'graph-engine',
              test: /node_modules[\\/](cytoscape|cytoscape-fcose|cytoscape-dagre|cose-base|layout-base|dagre|graphlib|lodash)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
}));
