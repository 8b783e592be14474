/// <reference types="vite/client" />
import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** Set by GraphCanvas so browser tests can read what is on the canvas and find an edge to click. */
    __interlockCy?: Core;
  }
}
