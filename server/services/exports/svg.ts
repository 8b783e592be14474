/**
 * The map as SVG, drawn by the server from the snapshot's positions: kinds in the page's colours and
 * shapes, relationship lines in their category colours (former ties dashed, money lines as wide as the
 * page draws them), names and connection labels where picture-map-plan.ts placed them (covering no other
 * label and no entity), numbered citation markers on the map, and beside or under it a legend of the
 * kinds and relationship types shown and the list of sources, one entry per document. The picture takes the map's aspect ratio or a preset size (picture-frame.ts).
 * Every line of text is laid out by the bidirectional algorithm (bidi.ts) and escaped: text in, text out.
 */
import type { Entity, GraphNode, Relationship, RelationshipType } from '../../../schemas/index.js';
import { CATEGORY_ENCODING, KIND_ENCODING, categoryOf, type NodeShape } from '../../../shared/presentation/encoding.js';
import { edgeLabel, edgeWidth, largestAmount, nodeLabel } from '../../../shared/presentation/labels.js';
import { isolate, layoutLine, paragraphDirection, type Direction } from './bidi.js';
import type { ExportInput } from './context.js';
import { checkPictureSize } from './picture-limits.js';
import { keyPlacement, presetCanvas, sideColumn, type PictureOptions, type Rect } from './picture-frame.js';
import { pictureSources, type PictureSource } from './picture-sources.js';
import { pictureWords, type PictureWords } from './picture-words.js';
import {
  NAME_SIZES,
  NODE,
  boldWidth,
  edgeGeometry,
  keyEntities,
  planMap,
  round,
  type Caption,
  type PlacedEdgeLabel,
  type PlacedName,
  type Point,
} from './picture-map-plan.js';
import { escapeXml } from './xml.js';

export const SVG_FONT = 'DejaVu Sans, Noto Sans, Noto Sans Arabic, Segoe UI, Arial, sans-serif';
const INK = '#17191c';
const MUTED = '#5b6068';
const MARKER = '#b34700';
const PAPER = '#fbfaf7';
/** An estimate of a DejaVu Sans character's advance, in ems (SVG text has no measuring on the server). */
const EM = 0.58;
export function renderSvg(input: ExportInput): string {
  checkPictureSize(input);
  const { snapshot, exportedAt } = input;
  const { content } = snapshot;
  const options: PictureOptions = {
    size: input.picture?.size ?? 'map',
    width: input.picture?.width,
    height: input.picture?.height,
  };
  const words = pictureWords(input.picture?.lang ?? 'en');
  const rtl = words.direction === 'rtl';
  const nodes = new Map<string, GraphNode>(content.entities.map((e) => [e.id, e]));
  const { sources, numbersOf } = pictureSources(snapshot, words.language);
  const legend = legendOf(content.entities, content.relationships, words);

  // The map in graph units, and the room its captions need.
  const captionsAt = (size: number) => new Map(content.entities.map((e) => [e.id, captionOf(e, words, numbersOf(e), size)]));
  const captions = captionsAt(NAME_SIZES[0]);
  const points = content.entities.map((e) => content.positions[e.id] ?? { x: 0, y: 0 });
  const bounds = {
    minX: Math.min(...points.map((p) => p.x)),
    maxX: Math.max(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxY: Math.max(...points.map((p) => p.y)),
  };
  const widestCaption = Math.max(120, ...[...captions.values()].map((c) => c.width));
  const captionHeight = Math.max(20, ...[...captions.values()].map((c) => c.height)) + NODE / 2 + 8;

  const fixed = presetCanvas(options);
  let width: number;
  let height: number;
  let mapRect: Rect;
  let keyRect: Rect;
  let header: { svg: string[]; bottom: number };
  let keySvg: string[];
  if (fixed) {
    ({ width, height } = fixed);
    header = headerOf(input, words, width, Math.max(18, Math.min(26, width / 46)));
    if (keyPlacement(width, height) === 'side') {
      ({ key: keyRect, map: mapRect } = sideColumn(width, height, header.bottom + 8, words.direction));
    } else {
      const bandHeight = Math.round(Math.min((height - header.bottom) * 0.42, 40 + keyHeight(legend, sources, width - 32, 11)));
      mapRect = { x: 16, y: header.bottom + 8, width: width - 32, height: height - header.bottom - bandHeight - 44 };
      keyRect = { x: 16, y: height - bandHeight - 28, width: width - 32, height: bandHeight };
    }
    keySvg = fitKey(legend, sources, keyRect, words);
  } else {
    // The map's own aspect ratio: spread out until labels have room, then a band under it with everything.
    const spread = spreadScale(content.positions, content.relationships, nodes, words);
    const mapWidth = (bounds.maxX - bounds.minX) * spread + widestCaption + 80;
    const mapHeight = (bounds.maxY - bounds.minY) * spread + captionHeight + NODE + 60;
    width = Math.round(Math.max(900, Math.min(3600, mapWidth + 32)));
    header = headerOf(input, words, width, 24);
    mapRect = { x: 16, y: header.bottom + 8, width: width - 32, height: Math.round(Math.max(240, mapHeight)) };
    const keyTop = mapRect.y + mapRect.height + 16;
    const needed = keyHeight(legend, sources, width - 32, 12);
    keyRect = { x: 16, y: keyTop, width: width - 32, height: needed };
    keySvg = drawKey(legend, sources, keyRect, words, 12, sources.length).svg;
    height = Math.ceil(keyTop + needed + 40);
  }

  // Where the nodes go and which labels have room, at the largest name size at which every name fits.
  const plan = planMap(
    content,
    mapRect,
    captionsAt,
    keyEntities(content),
    (rel) => edgeLabel(rel, nodes, { amount: false, words: words.wording }),
    numbersOf,
  );
  const drawnNodes = content.entities.map((entity) => {
    const placed = plan.names.get(entity.id);
    return drawNode(entity, plan.at(entity.id), placed, words);
  });
  const largest = largestAmount(content.entities, content.relationships);
  const pairCount = new Map<string, number>();
  const edges = content.relationships.map((rel) => {
    const key = [rel.source, rel.target].sort().join('\u0000');
    const index = pairCount.get(key) ?? 0;
    pairCount.set(key, index + 1);
    return drawEdge(rel, plan.at(rel.source), plan.at(rel.target), index, nodes, largest, words, plan.edgeLabels.get(rel.id));
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}" data-size="${options.size}" data-lang="${words.language}">`,
    `<title>${escapeXml(content.title)}</title>`,
    `<desc>${escapeXml(`Interlock snapshot ${snapshot.id}, version ${snapshot.version}, exported ${exportedAt.toISOString()}. ${content.description}`)}</desc>`,
    `<defs>${Object.entries(CATEGORY_ENCODING)
      .map(
        ([category, enc]) =>
          `<marker id="arrow-${category}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${enc.color}"/></marker>`,
      )
      .join('')}</defs>`,
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    '<g class="header">',
    ...header.svg,
    '</g>',
    '<g class="edges">',
    ...edges.map((e) => e.line),
    '</g>',
    '<g class="nodes">',
    ...drawnNodes,
    '</g>',
    '<g class="edge-labels">',
    ...edges.map((e) => e.label),
    '</g>',
    ...keySvg,
    text(rtl ? width - 16 : 16, height - 12, `Interlock · ${snapshot.id}`, {
      size: 10,
      fill: MUTED,
      base: words.direction,
      anchor: rtl ? 'end' : 'start',
    }),
    '</svg>',
    '',
  ].join('\n');
}

// ------------------------------------------------------------------------------------------ header

function headerOf(input: ExportInput, words: PictureWords, width: number, titleSize: number): { svg: string[]; bottom: number } {
  const { snapshot, exportedAt } = input;
  const { content } = snapshot;
  const rtl = words.direction === 'rtl';
  const x = rtl ? width - 20 : 20;
  const anchor = rtl ? 'end' : 'start';
  const svg: string[] = [];
  let y = 12 + titleSize;
  const titleDirection = paragraphDirection(content.title);
  for (const line of wrap(content.title, Math.floor((width - 40) / (titleSize * EM))).slice(0, 2)) {
    svg.push(text(x, y, line, { size: titleSize, weight: 700, base: titleDirection, anchor }));
    y += titleSize * 1.25;
  }
  const meta = [
    words.version(snapshot.version),
    snapshot.published ? words.published(snapshot.id) : words.draft(snapshot.id),
    words.exported(exportedAt.toISOString().slice(0, 10)),
    words.counts(content.entities.length, content.relationships.length),
    ...(content.asOf ? [words.asOf(content.asOf)] : []),
  ].join(' · ');
  svg.push(text(x, y - 4, meta, { size: 11, fill: MUTED, base: words.direction, anchor }));
  y += 12;
  if (content.description) {
    const size = 12;
    const descriptionDirection = paragraphDirection(content.description);
    for (const line of wrap(content.description, Math.floor((width - 40) / (size * EM))).slice(0, 2)) {
      svg.push(text(x, y, line, { size, base: descriptionDirection, anchor }));
      y += 16;
    }
  }
  return { svg, bottom: y };
}

// ------------------------------------------------------------------------------------------ legend and sources

interface LegendEntry {
  readonly kind: 'node' | 'line';
  readonly label: string;
  readonly color: string;
  readonly border?: string;
  readonly shape?: NodeShape;
  readonly dash?: string;
}

/** The kinds and relationship types on the map (in the vocabulary's order), and the line styles used. */
export function legendOf(
  entities: readonly Entity[],
  relationships: readonly Relationship[],
  words: PictureWords,
): LegendEntry[] {
  const kinds = Object.keys(KIND_ENCODING).filter((k) => entities.some((e) => e.kind === k)) as (keyof typeof KIND_ENCODING)[];
  const types = [...new Set(relationships.map((r) => r.type))].sort(
    (a, b) =>
      Object.keys(CATEGORY_ENCODING).indexOf(categoryOf(a)) - Object.keys(CATEGORY_ENCODING).indexOf(categoryOf(b)) ||
      (a < b ? -1 : 1),
  ) as RelationshipType[];
  const entries: LegendEntry[] = [
    ...kinds.map((k): LegendEntry => ({
      kind: 'node',
      label: words.kind(k),
      color: KIND_ENCODING[k].color,
      border: KIND_ENCODING[k].border,
      shape: KIND_ENCODING[k].shape,
    })),
    ...types.map((t): LegendEntry => {
      const enc = CATEGORY_ENCODING[categoryOf(t)];
      return { kind: 'line', label: words.type(t), color: enc.color, ...(enc.line === 'dotted' ? { dash: '2 4' } : {}) };
    }),
  ];
  if (relationships.some((r) => r.current === false))
    entries.push({ kind: 'line', label: words.former, color: '#3d3d3d', dash: '7 5' });
  return entries;
}

const SOURCE_INDENT = 30;

interface SourceLines {
  readonly title: string[];
  readonly titleDirection: Direction;
  readonly detail?: string;
  readonly url?: string;
}

function sourceLines(source: PictureSource, chars: number): SourceLines {
  const detail = [source.publisher, source.publishedOn].filter(Boolean).join(', ');
  return {
    title: wrap(source.title, chars).slice(0, 3),
    titleDirection: paragraphDirection(source.title),
    ...(detail ? { detail } : {}),
    ...(source.url ? { url: source.url.length > chars ? `${source.url.slice(0, Math.max(10, chars - 1))}…` : source.url } : {}),
  };
}

/** Height of legend and sources drawn in full at a font size, in a given width. */
function keyHeight(legend: readonly LegendEntry[], sources: readonly PictureSource[], width: number, size: number): number {
  return drawKey(legend, sources, { x: 0, y: 0, width, height: Infinity }, pictureWords('en'), size, sources.length).height;
}

/** Legend and sources fitted into their region: smaller type first, then the last sources named by count. */
function fitKey(legend: readonly LegendEntry[], sources: readonly PictureSource[], box: Rect, words: PictureWords): string[] {
  for (const size of [12, 11, 10, 9]) {
    const drawn = drawKey(legend, sources, box, words, size, sources.length);
    if (drawn.height <= box.height) return drawn.svg;
  }
  for (let shown = sources.length - 1; shown >= 0; shown--) {
    const drawn = drawKey(legend, sources, box, words, 9, shown);
    if (drawn.height <= box.height || shown === 0) return drawn.svg;
  }
  return [];
}

function drawKey(
  legend: readonly LegendEntry[],
  sources: readonly PictureSource[],
  box: Rect,
  words: PictureWords,
  size: number,
  shown: number,
): { svg: string[]; height: number } {
  const rtl = words.direction === 'rtl';
  const start = rtl ? box.x + box.width : box.x;
  const forward = rtl ? -1 : 1;
  const anchor = rtl ? 'end' : 'start';
  const line = size * 1.35;
  const svg: string[] = ['<g class="legend">'];
  let y = box.y + size + 2;
  svg.push(text(start, y, words.legend, { size: size + 2, weight: 700, base: words.direction, anchor }));
  y += line * 0.5;
  // Legend entries flow in rows: as many columns as fit.
  const entryWidth = Math.max(...legend.map((e) => e.label.length * size * EM + 34), 120);
  const columns = Math.max(1, Math.floor(box.width / entryWidth));
  const columnWidth = box.width / columns;
  legend.forEach((entry, i) => {
    const column = i % columns;
    if (column === 0) y += line + 2;
    const x0 = start + forward * column * columnWidth;
    const swatchX = rtl ? x0 - 22 : x0;
    svg.push(`<g class="legend-entry" data-legend="${entry.kind}">`);
    if (entry.kind === 'node' && entry.shape)
      svg.push(shape(entry.shape, { x: swatchX + 9, y: y - size / 2 + 1 }, size + 2, entry.color, entry.border ?? entry.color));
    else
      svg.push(
        `<line x1="${round(swatchX)}" y1="${round(y - size / 2 + 1)}" x2="${round(swatchX + 20)}" y2="${round(y - size / 2 + 1)}" stroke="${entry.color}" stroke-width="2.5"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
      );
    svg.push(text(x0 + forward * 26, y, entry.label, { size, base: words.direction, anchor }), '</g>');
  });
  svg.push('</g>', '<g class="sources">');
  y += line + 10;
  svg.push(text(start, y, words.sources, { size: size + 2, weight: 700, base: words.direction, anchor }));
  y += 4;
  const chars = Math.max(20, Math.floor((box.width - SOURCE_INDENT) / (size * EM)));
  for (const source of sources.slice(0, shown)) {
    const lines = sourceLines(source, chars);
    y += line + 3;
    svg.push(`<g class="source" data-source="${source.number}" data-document="${escapeXml(source.documentId)}">`);
    // The quotes behind the entry, shown on hover where the SVG is opened (a picture has no room for them).
    svg.push(`<title>${escapeXml(source.quotes.map((q) => `${q.locator}: “${q.quote}”`).join('\n'))}</title>`);
    svg.push(text(start, y, `[${source.number}]`, { size, weight: 700, fill: MARKER, base: 'ltr', anchor }));
    const x = start + forward * SOURCE_INDENT;
    lines.title.forEach((titleLine, i) => {
      if (i > 0) y += line;
      svg.push(text(x, y, titleLine, { size, weight: 600, base: lines.titleDirection, anchor, cls: 'source-title' }));
    });
    if (lines.detail) {
      y += line;
      svg.push(text(x, y, lines.detail, { size: size - 1, fill: MUTED, base: words.direction, anchor }));
    }
    if (lines.url) {
      y += line;
      svg.push(text(x, y, lines.url, { size: size - 1, fill: '#0b5cad', base: 'ltr', anchor, cls: 'source-url' }));
    }
    svg.push('</g>');
  }
  if (shown < sources.length) {
    y += line + 3;
    svg.push(text(start, y, words.more(sources.length - shown), { size, fill: MUTED, base: words.direction, anchor }));
  }
  svg.push('</g>');
  return { svg, height: y - box.y + 6 };
}

// ------------------------------------------------------------------------------------------ map

function captionOf(entity: Entity, words: PictureWords, markers: readonly number[], size: number = NAME_SIZES[0]): Caption {
  const label = nodeLabel(entity, words.name(entity), words.wording);
  const lines = label
    .split('\n')
    .flatMap((part) => wrap(part, entity.kind === 'Contract' ? 30 : 22))
    .slice(0, 4);
  const marks = markers.length ? `[${markers.join(',')}]` : '';
  const lineHeight = Math.round(size * 1.23);
  const widest = Math.max(...lines.map((l) => boldWidth(l, size))) + (marks ? boldWidth(` ${marks}`, size - 1) : 0) + 10;
  return {
    lines,
    direction: paragraphDirection(label),
    marks,
    size,
    width: round(widest),
    height: lines.length * lineHeight + 4,
  };
}

function drawNode(entity: Entity, at: Point, placed: PlacedName | undefined, words: PictureWords): string {
  const enc = KIND_ENCODING[entity.kind];
  const size = entity.kind === 'Contract' ? 44 : NODE;
  const parts = [
    `<g class="node kind-${entity.kind}" data-id="${escapeXml(entity.id)}">`,
    `<title>${escapeXml(`${entity.name} (${words.kind(entity.kind)})`)}</title>`,
    shape(enc.shape, at, size, enc.color, enc.border),
  ];
  if (placed) {
    const { caption, box } = placed;
    const lineHeight = Math.round(caption.size * 1.23);
    const lines = caption.lines
      .map((line, i) => {
        const last = i === caption.lines.length - 1;
        return text(box.x + box.width / 2, box.y + caption.size + i * lineHeight, line, {
          size: caption.size,
          weight: 600,
          base: caption.direction,
          anchor: 'middle',
          ...(last && caption.marks ? { marks: caption.marks, marksSide: words.direction === 'rtl' ? 'left' : 'right' } : {}),
        });
      })
      .join('');
    parts.push(
      `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>`,
      lines,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function drawEdge(
  rel: Relationship,
  from: Point,
  to: Point,
  index: number,
  nodes: ReadonlyMap<string, GraphNode>,
  largest: number,
  words: PictureWords,
  placed: PlacedEdgeLabel | undefined,
): { line: string; label: string } {
  const category = categoryOf(rel.type);
  const enc = CATEGORY_ENCODING[category];
  const { start, end, control, bend, along } = edgeGeometry(from, to, index);
  const d =
    bend === 0
      ? `M${round(start.x)} ${round(start.y)}L${round(end.x)} ${round(end.y)}`
      : `M${round(start.x)} ${round(start.y)}Q${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`;
  const dash = rel.current === false ? ' stroke-dasharray="7 5"' : enc.line === 'dotted' ? ' stroke-dasharray="2 4"' : '';
  const width = round(edgeWidth(rel, nodes, largest));
  const line = `<path d="${d}" fill="none" stroke="${enc.color}" stroke-width="${width}"${dash} marker-end="url(#arrow-${category})"><title>${escapeXml(rel.type)}</title></path>`;
  if (!placed) return { line, label: '' };

  const { box, marks } = placed;
  const italic = rel.status === 'inferred' || rel.status === 'alleged';
  const p = along(placed.t);
  const label = [
    `<g class="edge-label" data-id="${escapeXml(rel.id)}">`,
    `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="3" fill="${PAPER}" fill-opacity="0.92"/>`,
    text(p.x, box.y + box.height * 0.62 + placed.size * 0.12, placed.label, {
      size: placed.size,
      weight: 600,
      fill: '#2b2e33',
      base: words.direction,
      anchor: 'middle',
      italic,
      ...(marks ? { marks, marksSide: words.direction === 'rtl' ? 'left' : 'right' } : {}),
    }),
    '</g>',
  ].join('');
  return { line, label };
}

function shape(kind: NodeShape, { x, y }: Point, size: number, fill: string, stroke: string): string {
  const r = size / 2;
  const style = `fill="${fill}" stroke="${stroke}" stroke-width="2"`;
  const poly = (points: [number, number][]) =>
    `<polygon points="${points.map(([px, py]) => `${round(x + px)},${round(y + py)}`).join(' ')}" ${style}/>`;
  switch (kind) {
    case 'ellipse':
      return `<ellipse cx="${round(x)}" cy="${round(y)}" rx="${r}" ry="${r}" ${style}/>`;
    case 'round-rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${size}" height="${size}" rx="${round(size / 5)}" ${style}/>`;
    case 'rectangle':
      return `<rect x="${round(x - r)}" y="${round(y - r)}" width="${size}" height="${size}" ${style}/>`;
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
      return `<path d="M${round(x - r * 0.8)} ${round(y - r)}Q${round(x)} ${round(y - r * 1.15)} ${round(x + r * 0.8)} ${round(y - r)}Q${round(x + r * 1.1)} ${round(y)} ${round(x + r * 0.8)} ${round(y + r)}Q${round(x)} ${round(y + r * 1.15)} ${round(x - r * 0.8)} ${round(y + r)}Q${round(x - r * 1.1)} ${round(y)} ${round(x - r * 0.8)} ${round(y - r)}Z" ${style}/>`;
  }
}

// ------------------------------------------------------------------------------------------ text

interface TextStyle {
  readonly size: number;
  readonly weight?: number;
  readonly fill?: string;
  readonly italic?: boolean;
  /** The paragraph direction the line is laid out in. */
  readonly base: Direction;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly cls?: string;
  /** Citation markers set off in their colour at the end of the line (right in LTR, left in RTL). */
  readonly marks?: string;
  readonly marksSide?: 'left' | 'right';
}

/**
 * One line of text: its runs in visual order, left to right, each in its own tspan inside a directional
 * isolate, in a left-to-right text element that keeps them in that order (see bidi.ts).
 */
function text(x: number, y: number, content: string, style: TextStyle): string {
  const runs = layoutLine(content, style.base).runs.map((run) => {
    // Spaces at a run's ends stay outside its isolate, on the side the run's direction puts them:
    // renderers drop spaces at the edges of an isolate.
    const [, lead = '', body = '', trail = ''] = /^(\s*)(.*?)(\s*)$/su.exec(run.text) ?? [];
    const [left, right] = run.direction === 'rtl' ? [trail, lead] : [lead, trail];
    const inner = body
      ? `<tspan data-dir="${run.direction}">${escapeXml(isolate({ text: body, direction: run.direction }))}</tspan>`
      : '';
    return `${left ? ' ' : ''}${inner}${right ? ' ' : ''}`;
  });
  if (style.marks) {
    const mark = `<tspan class="marks" data-dir="ltr" fill="${MARKER}" font-size="${Math.max(9, style.size - 1)}" font-weight="700">${escapeXml(isolate({ text: style.marks, direction: 'ltr' }))}</tspan>`;
    const gap = runs.length ? `<tspan data-dir="ltr">${escapeXml(isolate({ text: ' ', direction: 'ltr' }))}</tspan>` : '';
    if (style.marksSide === 'left') runs.unshift(mark, gap);
    else runs.push(gap, mark);
  }
  // The anchor a reader of the line expects, in an element whose own direction stays left to right.
  return `<text${style.cls ? ` class="${style.cls}"` : ''} x="${round(x)}" y="${round(y)}" font-size="${style.size}"${style.weight ? ` font-weight="${style.weight}"` : ''}${style.italic ? ' font-style="italic"' : ''} fill="${style.fill ?? INK}" text-anchor="${style.anchor}" direction="ltr" xml:space="preserve">${runs.join('')}</text>`;
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
const MIN_GAP = 210;
/** Beside an edge's own label, room for the labels of the two nodes it joins. */
const NODE_LABEL_ROOM = 200;

/**
 * For a picture sized to the map: how much to spread the saved positions (never less, at most 3x) so
 * nodes are MIN_GAP apart and every edge is long enough for its label between its two ends' captions.
 */
function spreadScale(
  positions: Readonly<Record<string, { x: number; y: number }>>,
  relationships: readonly Relationship[],
  nodes: ReadonlyMap<string, GraphNode>,
  words: PictureWords,
): number {
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
    const needed = edgeLabel(rel, nodes, { amount: false, words: words.wording }).length * 11 * EM + 40 + NODE_LABEL_ROOM;
    scale = Math.max(scale, needed / Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)));
  }
  return Math.min(3, scale);
}
