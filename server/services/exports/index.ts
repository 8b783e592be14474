/** The export formats: one module each, all fed from a snapshot's frozen content. */
import type { ExportFormat } from '../../../schemas/index.js';
import { fileBaseName, type ExportInput } from './context.js';
import { renderCsvZip } from './csv.js';
import { renderCyjs } from './cyjs.js';
import { renderCypher } from './cypher.js';
import { renderFtm } from '../ftm/write.js';
import { renderGexf } from './gexf.js';
import { renderGraphml } from './graphml.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderPng } from './png.js';
import { renderSvg } from './svg.js';

export interface Exporter {
  readonly contentType: string;
  readonly extension: string;
  render(input: ExportInput): string | Uint8Array;
}

export const EXPORTERS: Readonly<Record<ExportFormat, Exporter>> = {
  png: { contentType: 'image/png', extension: 'png', render: renderPng },
  svg: { contentType: 'image/svg+xml; charset=utf-8', extension: 'svg', render: renderSvg },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', render: renderHtml },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', render: renderGraphml },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', render: renderGexf },
  cyjs: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', render: renderCyjs },
  json: { contentType: 'application/json; charset=utf-8', extension: 'interlock.json', render: renderJson },
  csv: { contentType: 'application/zip', extension: 'csv.zip', render: renderCsvZip },
  ftm: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.json', render: renderFtm },
  cypher: { contentType: 'text/plain; charset=utf-8', extension: 'cypher', render: renderCypher },
};

export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

export function exportSnapshot(format: ExportFormat, input: ExportInput): ExportFile {
  const exporter = EXPORTERS[format];
  return {
    fileName: `${fileBaseName(input.snapshot)}.${exporter.extension}`,
    contentType: exporter.contentType,
    body: exporter.render(input),
  };
}

export type { ExportInput } from './context.js';
