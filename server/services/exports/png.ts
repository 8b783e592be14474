/**
 * PNG: the SVG export rasterised by resvg (no browser on the server). The fonts are bundled (DejaVu
 * Sans covers Latin and Arabic, which resvg shapes and joins), so the picture looks the same on every
 * machine and system fonts are never consulted.
 */
import { Resvg } from '@resvg/resvg-js';
import { fileURLToPath } from 'node:url';
import type { ExportInput } from './context.js';
import { renderSvg } from './svg.js';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  fileURLToPath(new URL(`./fonts/${file}`, import.meta.url)),
);

/** Twice the SVG's size (sharp on high-density screens and in print) ... */
const SCALE = 2;
/** ... unless that passes this many pixels: encoding time and file size grow with the area. */
const MAX_PIXELS = 12_000_000;

export function svgToPng(svg: string): Uint8Array {
  const width = Number(/^<svg[^>]*\swidth="(\d+)"/.exec(svg)?.[1] ?? 0);
  const height = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1] ?? 0);
  const area = width * height;
  const zoom = area > 0 ? Math.max(1, Math.min(SCALE, Math.sqrt(MAX_PIXELS / area))) : SCALE;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#fbfaf7',
  });
  return resvg.render().asPng();
}

export function renderPng(input: ExportInput): Uint8Array {
  return svgToPng(renderSvg(input));
}
