/**
 * The standalone page: one HTML file that shows the map with no server and no network (pan, zoom,
 * details and quotes on click, story steps), made by inlining the viewer bundle (`web/standalone`,
 * built by `npm run build` into web/dist-standalone) and embedding the snapshot as JSON. The JSON sits
 * in a `<script type="application/json">` with `<`, `>` and `&` escaped, so no name or quote can end
 * the script element; the viewer renders every text through React, never as HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportInput } from './context.js';
import { escapeXml } from './xml.js';

export const VIEWER_DIR = fileURLToPath(new URL('../../../web/dist-standalone/', import.meta.url));
export const VIEWER_JS = 'interlock-viewer.js';
export const VIEWER_CSS = 'interlock-viewer.css';
/** The id the viewer reads its data from (web/standalone/main.tsx). */
export const DATA_ELEMENT_ID = 'interlock-snapshot';

let cached: { js: string; css: string } | undefined;

function viewerBundle(): { js: string; css: string } {
  if (cached) return cached;
  const js = `${VIEWER_DIR}${VIEWER_JS}`;
  if (!existsSync(js)) throw new Error(`The standalone viewer is not built (${js} is missing): run \`npm run build\`.`);
  const css = `${VIEWER_DIR}${VIEWER_CSS}`;
  cached = { js: readFileSync(js, 'utf8'), css: existsSync(css) ? readFileSync(css, 'utf8') : '' };
  return cached;
}

/** JSON that is safe inside a script element (and valid JavaScript too). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderHtml(input: ExportInput): string {
  const { js, css } = viewerBundle();
  const { snapshot, exportedAt } = input;
  const data = { snapshot, exportedAt: exportedAt.toISOString() };
  const description = `${snapshot.content.description} (Interlock snapshot ${snapshot.id}, version ${snapshot.version}, exported ${exportedAt.toISOString()})`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${escapeXml(description)}">`,
    '<meta name="generator" content="Interlock">',
    `<title>${escapeXml(snapshot.content.title)}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    `<noscript><h1>${escapeXml(snapshot.content.title)}</h1><p>${escapeXml(description)}</p><p>This map needs JavaScript.</p></noscript>`,
    '<div id="root"></div>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">${scriptSafeJson(data)}</script>`,
    `<script>${js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
