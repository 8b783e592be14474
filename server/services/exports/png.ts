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

/** Twice the SVG's size: sharp on high-density screens and in print. */
const SCALE = 2;

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#fbfaf7',
  });
  return resvg.render().asPng();
}

export function renderPng(input: ExportInput): Uint8Array {
  return svgToPng(renderSvg(input));
}
