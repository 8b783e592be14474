/**
 * The map as SVG, drawn by the server from the snapshot's positions: kinds in the page's colours and
 * shapes (the model's encoding), relationship lines in their category colours (former roles dashed,
 * money lines as wide as the page draws them), each line's label followed by numbered citation markers,
 * and under the picture the numbered list of sources with locator and quote. Title, version and export
 * date head the picture. Every name and quote is escaped: text in, text out.
 */
import type { Entity, GraphNode, Relationship } from '../../../schemas/index.js';
import { CATEGORY_ENCODING, KIND_ENCODING, categoryOf, type NodeShape } from '../../../web/src/model/encoding.js';
import { edgeLabel, edgeWidth, largestAmount, nodeLabel } from '../../../web/src/model/labels.js';
import { documentLabel, footnotes, type ExportInput } from './context.js';
import { escapeXml } from './xml.js';
import { checkPictureSize } from './picture-limits.js';

export const SVG_FONT = 'DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif';
const INK = '#17191c';
const MUTED = '#5b6068';
const MARKER = '#b34700';
const PAD = 90;
const MIN_WIDTH = 960;
const NODE = 38;

interface Box {
  x: number;
  y: number;
}

export function renderSvg(input: ExportInput): string {
  checkPictureSize(input);
  const { snapshot, exportedAt } = input;
  const { content } = snapshot;
  const nodes = new Map<string, GraphNode>(content.entities.map((e) => [e.id, e]));
  const notes = footnotes(snapshot);
  const positions = spreadOut(content.positions, content.relationships, nodes);

  const xs = content.entities.map((e) => positions[e.id]?.x ?? 0);
  const ys = content.entities.map((e) => positions[e.id]?.y ?? 0);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const width = Math.max(MIN_WIDTH, Math.ceil(maxX - minX + 2 * PAD + 120));
  const textChars = Math.floor((width - 60) / 6.6);

  // Header: title, the line naming version and date, the description.
  const header: string[] = [];
  let y = 44;
  for (const line of wrap(content.title, Math.floor((width - 60) / 13)).slice(0, 3)) {
    header.push(text(30, y, line, { size: 24, weight: 700 }));
    y += 30;
  }
  const state = snapshot.published ? `published as ${snapshot.id}` : `draft ${snapshot.id}`;
  header.push(
    text(
      30,
      y,
      `Version ${snapshot.version} · ${state} · exported ${exportedAt.toISOString().slice(0, 10)} · ${content.entities.length} entities, ${content.relationships.length} relationships${content.asOf ? ` · as of ${content.asOf}` : ''}`,
      { size: 12, fill: MUTED },
    ),
  );
  y += 22;
  for (const line of wrap(content.description, textChars).slice(0, 8)) {
    header.push(text(30, y, line, { size: 13, fill: INK }));
    y += 18;
  }
  const graphTop = y + 20;
  // Graph coordinates -> picture coordinates.
  const offsetX = (width - (maxX - minX)) / 2 - minX;
  const offsetY = graphTop + PAD - minY;
  const at = (id: string): Box => {
    const p = positions[id] ?? { x: 0, y: 0 };
    return { x: round(p.x + offsetX), y: round(p.y + offsetY) };
  };
  const graphBottom = maxY + offsetY + PAD;

  const largest = largestAmount(content.entities, content.relationships);
  const pairCount = new Map<string, number>();
  const edges = content.relationships.map((rel) => {
    const key = [rel.source, rel.target].sort().join('\u0000');
    const index = pairCount.get(key) ?? 0;
    pairCount.set(key, index + 1);
    return drawEdge(rel, at(rel.source), at(rel.target), index, nodes, largest, notes.numbersOf(rel));
  });
  const drawnNodes = content.entities.map((entity) => drawNode(entity, at(entity.id), notes.numbersOf(entity)));

  // Sources under the picture.
  const sources: string[] = [];
  let sy = graphBottom + 30;
  sources.push(`<line x1="30" y1="${sy - 18}" x2="${width - 30}" y2="${sy - 18}" stroke="#d5d2ca"/>`);
  sources.push(text(30, sy, 'Sources', { size: 15, weight: 700 }));
  sy += 22;
  for (const note of notes.notes) {
    const { citation, document } = note;
    const lines = wrap(
      `${documentLabel(document, citation.documentId)} — ${citation.locator}: “${citation.quote}”`,
      textChars - 6,
    );
    lines.forEach((line, i) => {
      if (i === 0) sources.push(text(30, sy, `[${note.number}]`, { size: 12, weight: 700, fill: MARKER }));
      sources.push(text(62, sy, line, { size: 12 }));
      sy += 17;
    });
    if (document?.kind === 'Document' && document.url) {
      sources.push(text(62, sy, document.url, { size: 11, fill: MUTED }));
      sy += 16;
    }
    sy += 4;
  }
  const height = Math.ceil(sy + 20);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${escapeXml(content.title)}</title>`,
    `<desc>${escapeXml(`Interlock snapshot ${snapshot.id}, version ${snapshot.version}, exported ${exportedAt.toISOString()}. ${content.description}`)}</desc>`,
    `<defs>${Object.entries(CATEGORY_ENCODING)
      .map(
        ([category, enc]) =>
          `<marker id="arrow-${category}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${enc.color}"/></marker>`,
      )
      .join('')}</defs>`,
    `<rect width="${width}" height="${height}" fill="#fbfaf7"/>`,
    ...header,
    '<g class="edges">',
    ...edges.map((e) => e.line),
    '</g>',
    '<g class="nodes">',
    ...drawnNodes,
    '</g>',
    '<g class="edge-labels">',
    ...edges.map((e) => e.label),
    '</g>',
    '<g class="sources">',
    ...sources,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function drawEdge(
  rel: Relationship,
  from: Box,
  to: Box,
  index: number,
  nodes: ReadonlyMap<string, GraphNode>,
  largest: number,
  markers: readonly number[],
): { line: string; label: string } {
  const category = categoryOf(rel.type);
  const enc = CATEGORY_ENCODING[category];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.max(1, Math.hypot(dx, dy));
  const [ux, uy] = [dx / length, dy / length];
  // Parallel edges between one pair bow out alternately so each stays visible.
  const bend = index === 0 ? 0 : (index % 2 === 1 ? 1 : -1) * Math.ceil(index / 2) * 40;
  const [nx, ny] = [-uy, ux];
  const start = { x: from.x + ux * (NODE / 2 + 2), y: from.y + uy * (NODE / 2 + 2) };
  const end = { x: to.x - ux * (NODE / 2 + 4), y: to.y - uy * (NODE / 2 + 4) };
  const mid = { x: (start.x + end.x) / 2 + nx * bend, y: (start.y + end.y) / 2 + ny * bend };
  const d =
    bend === 0
      ? `M${round(start.x)} ${round(start.y)}L${round(end.x)} ${round(end.y)}`
      : `M${round(start.x)} ${round(start.y)}Q${round(mid.x + nx * bend)} ${round(mid.y + ny * bend)} ${round(end.x)} ${round(end.y)}`;
  const dash = rel.current === false ? ' stroke-dasharray="7 5"' : enc.line === 'dotted' ? ' stroke-dasharray="2 4"' : '';
  const width = round(edgeWidth(rel, nodes, largest));
  const line = `<path d="${d}" fill="none" stroke="${enc.color}" stroke-width="${width}"${dash} marker-end="url(#arrow-${category})"><title>${escapeXml(rel.type)}</title></path>`;

  const label = edgeLabel(rel, nodes, { amount: false });
  const marks = markers.length ? ` [${markers.join(',')}]` : '';
  const approx = (label.length + marks.length) * 6.4 + 8;
  const labelSvg = [
    `<g class="edge-label" data-id="${escapeXml(rel.id)}">`,
    `<rect x="${round(mid.x - approx / 2)}" y="${round(mid.y - 10)}" width="${round(approx)}" height="16" rx="3" fill="#fbfaf7" fill-opacity="0.92"/>`,
    `<text x="${round(mid.x)}" y="${round(mid.y + 2)}" text-anchor="middle" font-size="11" font-weight="600" fill="#2b2e33"${rel.status === 'inferred' || rel.status === 'alleged' ? ' font-style="italic"' : ''}>${escapeXml(label)}<tspan fill="${MARKER}" font-weight="700">${escapeXml(marks)}</tspan></text>`,
    '</g>',
  ].join('');
  return { line, label: labelSvg };
}

function drawNode(entity: Entity, at: Box, markers: readonly number[]): string {
  const enc = KIND_ENCODING[entity.kind];
  const size = entity.kind === 'Contract' ? 44 : NODE;
  const lines = nodeLabel(entity)
    .split('\n')
    .flatMap((part) => wrap(part, entity.kind === 'Contract' ? 30 : 22))
    .slice(0, 4);
  const marks = markers.length ? ` [${markers.join(',')}]` : '';
  const caption = lines
    .map((line, i) => {
      const tail = i === lines.length - 1 && marks ? `<tspan fill="${MARKER}" font-size="10">${escapeXml(marks)}</tspan>` : '';
      return `<text x="${at.x}" y="${round(at.y + size / 2 + 18 + i * 17)}" text-anchor="middle" font-size="13" font-weight="600" fill="${INK}">${escapeXml(line)}${tail}</text>`;
    })
    .join('');
  const widest = Math.max(...lines.map((l) => l.length)) * 7.4 + (marks.length ? marks.length * 6 : 0) + 8;
  const background = `<rect x="${round(at.x - widest / 2)}" y="${round(at.y + size / 2 + 5)}" width="${round(widest)}" height="${lines.length * 17 + 4}" rx="3" fill="#ffffff" fill-opacity="0.92"/>`;
  return [
    `<g class="node kind-${entity.kind}" data-id="${escapeXml(entity.id)}">`,
    `<title>${escapeXml(`${entity.name} (${enc.label})`)}</title>`,
    shape(enc.shape, at, size, enc.color, enc.border),
    background,
    caption,
    '</g>',
  ].join('');
}

function shape(kind: NodeShape, { x, y }: Box, size: number, fill: string, stroke: string): string {
  const r = size / 2;
  const style = `fill="${fill}" stroke="${stroke}" stroke-width="2"`;
  const poly = (points: [number, number][]) =>
    `<polygon points="${points.map(([px, py]) => `${round(x + px)},${round(y + py)}`).join(' ')}" ${style}/>`;
  switch (kind) {
    case 'ellipse':
      return `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r}" ${style}/>`;
    case 'round-rectangle':
      return `<rect x="${x - r}" y="${y - r}" width="${size}" height="${size}" rx="${size / 5}" ${style}/>`;
    case 'rectangle':
      return `<rect x="${x - r}" y="${y - r}" width="${size}" height="${size}" ${style}/>`;
    case 'hexagon':
      return poly([
        [-r, 0],
        [-r / 2, -r],
        [r / 2, -r],
        [r, 0],
        [r / 2, r],
        [-r / 2, r],
      ]);
    case 'diamond':
      return poly([
        [0, -r],
        [r, 0],
        [0, r],
        [-r, 0],
      ]);
    case 'tag':
      return poly([
        [-r, -r],
        [r * 0.4, -r],
        [r, 0],
        [r * 0.4, r],
        [-r, r],
      ]);
    case 'barrel':
      return `<path d="M${x - r * 0.8} ${y - r}Q${x} ${y - r * 1.15} ${x + r * 0.8} ${y - r}Q${x + r * 1.1} ${y} ${x + r * 0.8} ${y + r}Q${x} ${y + r * 1.15} ${x - r * 0.8} ${y + r}Q${x - r * 1.1} ${y} ${x - r * 0.8} ${y - r}Z" ${style}/>`;
  }
}

function text(x: number, y: number, content: string, style: { size: number; weight?: number; fill?: string }): string {
  return `<text x="${x}" y="${round(y)}" font-size="${style.size}"${style.weight ? ` font-weight="${style.weight}"` : ''} fill="${style.fill ?? INK}">${escapeXml(content)}</text>`;
}

/** Greedy word wrap by characters; SVG text does not wrap by itself. */
export function wrap(value: string, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of value.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let w = word;
      while (w.length > max) {
        if (line) lines.push(line);
        lines.push(w.slice(0, max));
        w = w.slice(max);
        line = '';
      }
      if (!line) line = w;
      else if (line.length + 1 + w.length <= max) line += ` ${w}`;
      else {
        lines.push(line);
        line = w;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

/** Room between nodes for the labels: the canvas packs nodes closer than a still picture can bear. */
const MIN_GAP = 230;
/** Beside an edge's own label, room for the labels of the two nodes it joins. */
const NODE_LABEL_ROOM = 220;

/**
 * Scales the saved positions up (never down, at most 3x) until nodes are MIN_GAP apart and every edge is
 * long enough for its label to sit between the labels of its two ends.
 */
function spreadOut(
  positions: Readonly<Record<string, { x: number; y: number }>>,
  relationships: readonly Relationship[],
  nodes: ReadonlyMap<string, GraphNode>,
): Record<string, { x: number; y: number }> {
  const points = Object.values(positions);
  let scale = 1;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const [a, b] = [points[i], points[j]];
      if (a && b) scale = Math.max(scale, MIN_GAP / Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)));
    }
  for (const rel of relationships) {
    const [a, b] = [positions[rel.source], positions[rel.target]];
    if (!a || !b) continue;
    const needed = edgeLabel(rel, nodes, { amount: false }).length * 6.4 + 40 + NODE_LABEL_ROOM;
    scale = Math.max(scale, needed / Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)));
  }
  scale = Math.min(3, scale);
  return Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: p.x * scale, y: p.y * scale }]));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
