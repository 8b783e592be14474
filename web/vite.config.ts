/**
 * Vite for the explorer page. Root is web/ so `vite web` / `vite build web` work from the repo root;
 * the shared schemas one level up are imported by relative path and bundled in.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API runs in the Fastify process; in development the page proxies to it so both share an origin.
const apiTarget = process.env.INTERLOCK_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
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
});
