/**
 * How Cytoscape draws, chosen by size. A few dozen elements look best with every refinement on; a
 * few thousand stay usable only with Cytoscape's performance options (edges hidden and a texture
 * reused while panning and zooming, no motion blur, names dropped when too small to read) and,
 * above that, its WebGL renderer. `?renderer=canvas|webgl|auto` forces a choice for a slow machine
 * or for comparing the two.
 */
import type { CytoscapeOptions } from 'cytoscape';

export type RendererChoice = 'auto' | 'canvas' | 'webgl';

/** From this many elements (nodes + edges) the performance options are on. */
export const LARGE_FROM = 1000;
/** From this many elements `auto` switches to the WebGL renderer. */
export const WEBGL_FROM = 2000;
/**
 * Going back down needs a margin below the threshold, so a canvas hovering around it (expand,
 * undo, expand) is not rebuilt on every step.
 */
const HYSTERESIS = 0.8;

export interface RenderTuning {
  readonly large: boolean;
  readonly webgl: boolean;
}

export function rendererChoice(search: string): RendererChoice {
  const value = new URLSearchParams(search).get('renderer');
  return value === 'canvas' || value === 'webgl' ? value : 'auto';
}

/**
 * The tuning for a canvas of `count` elements. `previous` is the tuning in use, for the hysteresis;
 * `webglAvailable` is false where the browser offers no WebGL 2 (Cytoscape needs it), and then even
 * a forced `webgl` draws on the 2D canvas rather than not at all.
 */
export function tuningFor(choice: RendererChoice, count: number, webglAvailable: boolean, previous?: RenderTuning): RenderTuning {
  const over = (threshold: number, was: boolean | undefined) => count >= (was ? threshold * HYSTERESIS : threshold);
  const large = over(LARGE_FROM, previous?.large);
  const wantWebgl = choice === 'webgl' || (choice === 'auto' && over(WEBGL_FROM, previous?.webgl));
  return { large: large || (wantWebgl && webglAvailable), webgl: wantWebgl && webglAvailable };
}

/** The Cytoscape constructor options for a tuning (style and elements are added by the caller). */
export function rendererOptions(tuning: RenderTuning): Pick<
  CytoscapeOptions,
  'hideEdgesOnViewport' | 'textureOnViewport' | 'motionBlur' | 'pixelRatio'
> & {
  renderer?: { name: string; webgl?: boolean };
} {
  return {
    hideEdgesOnViewport: tuning.large,
    textureOnViewport: tuning.large && !tuning.webgl,
    motionBlur: false,
    // A large canvas on a high-density screen is four times the pixels for little gain.
    pixelRatio: tuning.large ? 1 : 'auto',
    ...(tuning.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  };
}
