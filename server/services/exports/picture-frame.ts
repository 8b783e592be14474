/**
 * The size of a picture and the regions in it. `map` takes the map's own aspect ratio (the map region is
 * as wide and tall as the spread-out map, the legend and sources in a band under it); the presets are
 * fixed canvases the map is fitted into: landscape ones keep the legend and sources in a column beside
 * the map, square and portrait ones in a band under it. Pure.
 */
import { PICTURE_PRESETS, type PictureSize } from '../../../schemas/index.js';
import type { Direction } from './bidi.js';

export interface PictureOptions {
  readonly size: PictureSize;
  /** With size `screen`: the screen area in pixels. */
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The fixed canvas of a preset, or undefined for `map` (sized by its content). */
export function presetCanvas(options: PictureOptions): { width: number; height: number } | undefined {
  if (options.size === 'map') return undefined;
  if (options.size === 'screen') return { width: options.width ?? 1280, height: options.height ?? 720 };
  return PICTURE_PRESETS[options.size];
}

/** Where the legend and sources go on a fixed canvas: beside the map when it is wide, under it otherwise. */
export function keyPlacement(width: number, height: number): 'side' | 'band' {
  return width / height >= 1.25 ? 'side' : 'band';
}

/** The side column's rectangle (at the end side of the reading direction: right for LTR, left for RTL). */
export function sideColumn(width: number, height: number, top: number, direction: Direction): { key: Rect; map: Rect } {
  const keyWidth = Math.round(Math.min(480, Math.max(300, width * 0.34)));
  const bottom = height - 28;
  const key: Rect = { x: direction === 'rtl' ? 16 : width - keyWidth - 16, y: top, width: keyWidth, height: bottom - top };
  const map: Rect = { x: direction === 'rtl' ? keyWidth + 32 : 16, y: top, width: width - keyWidth - 48, height: bottom - top };
  return { key, map };
}

/** PNG pixels per picture unit: social and square at exactly their preset size; A4 at 300 dpi. */
export function presetZoom(size: PictureSize): number | undefined {
  if (size === 'social' || size === 'square') return 1;
  if (size === 'a4') return 3508 / PICTURE_PRESETS.a4.width;
  return undefined;
}
