/**
 * Browser tests only: the test build (`vite build --mode e2e`, see web/vite.config.ts) exposes the
 * Cytoscape instance as `window.__interlockCy`, so tests can read what only the canvas knows (which
 * nodes are drawn, where an edge is on screen). Callers guard the call with
 * `import.meta.env.MODE === 'e2e'`, which Vite replaces by a constant: production builds drop the call
 * and this module with it.
 */
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    __interlockCy?: Core;
  }
}

/** Makes `cy` the instance tests read, or lets go of it when that instance is destroyed. */
export function exposeToTests(cy: Core, attached: boolean): void {
  if (attached) window.__interlockCy = cy;
  else if (window.__interlockCy === cy) delete window.__interlockCy;
}
