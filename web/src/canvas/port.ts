/**
 * What the page may ask of the canvas directly. Everything a person expects back (positions, pins,
 * viewport, what is lit, layouts) is model state and reaches the canvas as props; these are the few
 * requests that are about the screen only.
 */
export interface CanvasPort {
  /** Fits everything visible into view. */
  fit(): void;
  /** Pans to an element without changing the zoom, e.g. after picking a search result already shown. */
  reveal(id: string): void;
  /** Reports the viewport and any dragged positions now rather than on the next frame (before a capture). */
  flush(): void;
}

/** Where the mounted canvas's port is found (null while no canvas is mounted). */
export interface CanvasLink {
  current: CanvasPort | null;
}
