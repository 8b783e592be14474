/**
 * The standalone viewer: a second build, one classic script (IIFE) plus one stylesheet, which the
 * HTML export inlines into a single file that works opened from disk. No code splitting: a file://
 * page cannot load chunks or modules.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  // Libraries read NODE_ENV to drop their development checks; lib builds do not replace it themselves.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: '../dist-standalone',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    cssCodeSplit: false,
    lib: {
      entry: 'main.tsx',
      name: 'InterlockViewer',
      formats: ['iife'],
      fileName: () => 'interlock-viewer.js',
      cssFileName: 'interlock-viewer',
    },
  },
});
