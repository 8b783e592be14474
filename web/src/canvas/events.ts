/** What the canvas tells the page, as a typed map rather than loose event-name strings. */
import type { CanvasViewport, Positions } from '../model/index.js';

export interface CanvasEvents {
  /** A tap on a node or edge, or on the background (null); also the arrow keys moving the selection. */
  select: { readonly kind: 'node' | 'edge'; readonly id: string } | null;
  /** Double-tap on a node, or E on the selected one: load its neighbours. */
  expand: { readonly id: string };
  /** Shift-tap on a node: use it as a path end. */
  pathPick: { readonly id: string };
  /** N on the selected node: mark it and its neighbours shown on the canvas. */
  selectNeighbours: { readonly id: string; readonly neighbours: readonly string[] };
  /** Enter on the selection: move the keyboard into its details. */
  open: Record<string, never>;
  /** Escape: let go of the selection and the marks. */
  clear: Record<string, never>;
  /** A layout ended: where every entity now stands. */
  settled: { readonly positions: Positions };
  /** The reader dragged entities to new places. */
  moved: { readonly positions: Positions };
  /** The reader panned or zoomed, or the canvas changed size. */
  viewport: CanvasViewport;
}

export type CanvasHandlers = { readonly [K in keyof CanvasEvents]: (payload: CanvasEvents[K]) => void };
