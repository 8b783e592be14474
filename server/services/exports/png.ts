/**
 * PNG: the SVG export rasterised by resvg (no browser on the server). The fonts are bundled (DejaVu
 * Sans covers Latin, Arabic and Hebrew, which resvg shapes and joins), so the picture looks the same on every
 * machine and system fonts are never consulted.
 */
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import type { ExportInput } from './context.js';
import { MAX_PNG_PIXELS, MIN_PNG_ZOOM, pictureTooLarge } from './picture-limits.js';
import { presetZoom } from './picture-frame.js';
import { renderSvg } from './svg.js';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`./fonts/${file}`, import.meta.url)),
);

/** The bundled fonts and nothing else: every machine draws the same picture. */
export const PNG_FONTS = {
  fontFiles: FONT_FILES,
  loadSystemFonts: false,
  defaultFontFamily: 'DejaVu Sans',
  sansSerifFamily: 'DejaVu Sans',
};

/** Twice the SVG's size (sharp on high-density screens and in print) ... */
const SCALE = 2;
/** ... unless that passes this many pixels: encoding time and file size grow with the area. */
const MAX_PIXELS = 12_000_000;

/**
 * How much to enlarge the SVG: twice where that stays under 12 megapixels, else its own size; a map
 * larger than MAX_PNG_PIXELS at its own size is drawn smaller (not below half size, or it could not be
 * read), and one that is still too large is refused. Pure.
 */
export function pngZoom(width: number, height: number): number {
  const area = width * height;
  if (area <= 0) return SCALE;
  if (area <= MAX_PNG_PIXELS) return Math.max(1, Math.min(SCALE, Math.sqrt(MAX_PIXELS / area)));
  const zoom = Math.sqrt(MAX_PNG_PIXELS / area);
  if (zoom < MIN_PNG_ZOOM)
    throw pictureTooLarge(
      `This map would be a ${width} x ${height} pixel picture, more than ${MAX_PNG_PIXELS / 1_000_000} megapixels even at half size.`,
    );
  return zoom;
}

/** `zoom`: PNG pixels per picture unit (a preset's own); without it, pngZoom decides. */
export function svgToPng(svg: string, zoom?: number): Uint8Array {
  const width = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1] ?? 0);
  const height = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1] ?? 0);
  zoom ??= pngZoom(width, height);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: PNG_FONTS,
    background: '#fbfaf7',
  });
  return resvg.render().asPng();
}

export function renderPng(input: ExportInput): Uint8Array {
  return svgToPng(renderSvg(input), presetZoom(input.picture?.size ?? 'map'));
}
