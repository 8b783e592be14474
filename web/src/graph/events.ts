/** What the canvas tells the page, as a typed map rather than loose event-name strings. */
export interface CanvasEvents {
  /** A tap on a node or edge, or on the background (null). */
  select: { readonly kind: 'node' | 'edge'; readonly id: string } | null;
  /** Double-tap on a node: load its neighbours. */
  expand: { readonly id: string };
  /** Shift-tap on a node: use it as a path end. */
  pathPick: { readonly id: string };
}

export type CanvasHandlers = { readonly [K in keyof CanvasEvents]: (payload: CanvasEvents[K]) => void };
