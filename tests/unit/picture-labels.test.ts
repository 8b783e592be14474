/**
 * Names on exported pictures do not print over each other when the map is squeezed into a preset. The
 * seed's finding (Vincent Line's board seat at the City of Denver's contractor) is drawn with the
 * positions the page's layered layouts give it: top-down, a tall narrow arrangement five ranks deep;
 * left to right, a long low one. Every label of the picture is measured as resvg draws it (the ink box
 * of its text in the bundled fonts, not the drawing code's own estimate), and no two of them overlap,
 * none covers another entity's shape, and every entity of the finding keeps its name.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PictureLanguage, PictureSize, Snapshot } from '../../schemas/index.js';
import { PNG_FONTS } from '../../server/services/exports/png.js';
import { pictureWords } from '../../server/services/exports/picture-words.js';
import { renderSvg, SVG_FONT } from '../../server/services/exports/svg.js';
import { seedSnapshot } from '../fixtures/snapshots/seed-snapshot.js';

const exportedAt = new Date('2026-11-28T12:00:00Z');

/**
 * The positions the page gives the finding in its layered layouts (Layout: top-down, left to right),
 * read from the canvas of the test build after showing the finding from the Conflicts tab.
 */
const LAYOUTS: Record<'top-down' | 'left-to-right', Record<string, { x: number; y: number }>> = {
  'top-down': {
    'person:vincent-line': { x: 197, y: 22 },
    'public-body:denver-sheriff-department': { x: 322, y: 230 },
    'public-body:city-of-denver': { x: 322, y: 456 },
    'org:lexisnexis-data-warehouse-board': { x: 72, y: 704 },
    'contract:denver-lexisnexis-data-services-2020': { x: 322, y: 686 },
    'org:lexisnexis': { x: 197, y: 968 },
  },
  'left-to-right': {
    'person:vincent-line': { x: 55, y: 139 },
    'public-body:denver-sheriff-department': { x: 306, y: 226 },
    'public-body:city-of-denver': { x: 572, y: 226 },
    'org:lexisnexis-data-warehouse-board': { x: 871, y: 52 },
    'contract:denver-lexisnexis-data-services-2020': { x: 871, y: 226 },
    'org:lexisnexis': { x: 1146, y: 139 },
  },
};

function finding(layout: keyof typeof LAYOUTS): Snapshot {
  const snapshot = seedSnapshot();
  snapshot.content.positions = LAYOUTS[layout];
  return snapshot;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The ink box of some SVG markup drawn alone on the picture's canvas, in the bundled fonts. */
function inkBox(markup: string, width: number, height: number): Box | undefined {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${SVG_FONT}">${markup}</svg>`;
  const box = new Resvg(svg, { font: PNG_FONTS }).getBBox();
  if (!box || !(box.width > 0)) return undefined;
  return { x1: box.x, y1: box.y, x2: box.x + box.width, y2: box.y + box.height };
}

function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

/** Overlap of two boxes by more than a hair (anti-aliasing at a shared edge is not an overlap). */
function overlap(a: Box, b: Box): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
}

const TEXT = /<text[^>]*>.*?<\/text>/g;

interface Label {
  readonly what: string;
  readonly text: string;
  readonly box: Box;
  readonly sizes: number[];
}

/** Every label on the map (entity names, connection labels) and every other line of text, measured. */
function measure(svg: string): { labels: Label[]; others: Box[]; shapes: { id: string; box: Box }[] } {
  const [, w, h] = /^<svg[^>]*\swidth="(\d+)" height="(\d+)"/.exec(svg) ?? [];
  const [width, height] = [Number(w), Number(h)];
  const labels: Label[] = [];
  const shapes: { id: string; box: Box }[] = [];
  const groups = /<g class="(node[^"]*|edge-label)" data-id="([^"]+)">(.*?)<\/g>/g;
  for (const [, cls = '', id = '', body = ''] of svg.matchAll(groups)) {
    const texts = body.match(TEXT) ?? [];
    const box = union(texts.flatMap((t) => inkBox(t, width, height) ?? []));
    if (box)
      labels.push({
        what: `${cls.startsWith('node') ? 'name of' : 'label of'} ${id}`,
        text: texts.map((t) => t.replace(/<[^>]+>/g, '').replace(/[\u2066-\u2069]/g, '')).join(' '),
        box,
        sizes: texts.map((t) => Number(/font-size="([\d.]+)"/.exec(t)?.[1])),
      });
    if (cls.startsWith('node')) {
      const shape = body
        .replace(/<title>.*?<\/title>/g, '')
        .replace(TEXT, '')
        .replace(/<rect[^>]*fill="#ffffff"[^>]*\/>/g, '');
      const shapeBox = inkBox(shape, width, height);
      if (shapeBox) shapes.push({ id, box: shapeBox });
    }
  }
  const rest = svg.replace(groups, '');
  const others = (rest.match(TEXT) ?? []).flatMap((t) => inkBox(t, width, height) ?? []);
  return { labels, others, shapes };
}

/** The smallest type a name or connection label may be drawn in; a label with no room is left out instead. */
const MIN_FONT = 10;

/** Labels that overlap each other, another entity's shape, or the header, legend or sources. */
function collisions({ labels, others, shapes }: ReturnType<typeof measure>): string[] {
  const problems: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlap(a.box, b.box)) problems.push(`${a.what} over ${b.what}`);
    for (const s of shapes) if (!a.what.endsWith(` ${s.id}`) && overlap(a.box, s.box)) problems.push(`${a.what} over ${s.id}`);
    if (others.some((o) => overlap(a.box, o))) problems.push(`${a.what} over the header or key`);
  });
  return problems;
}

describe.each(['top-down', 'left-to-right'] as const)('the finding in the %s layout, squeezed into a preset', (layout) => {
  it.each([
    ['social', 'en'],
    ['square', 'en'],
    ['social', 'ar'],
    ['square', 'ar'],
  ] as [PictureSize, PictureLanguage][])(
    '%s (%s): no label over another, over a shape or over the header and key',
    (size, lang) => {
      const snapshot = finding(layout);
      const svg = renderSvg({ snapshot, exportedAt, picture: { size, lang } });
      const { labels, others, shapes } = measure(svg);

      // Every entity of the finding is named, in type no smaller than the minimum.
      const words = pictureWords(lang);
      for (const entity of snapshot.content.entities) {
        const name = labels.find((l) => l.what === `name of ${entity.id}`);
        expect(name, `${words.name(entity)} is named`).toBeDefined();
        expect(name?.text.replace(/\s+/g, ' ')).toContain(words.name(entity).split(/\s+/)[0]);
      }
      for (const label of labels) expect(Math.min(...label.sizes), label.what).toBeGreaterThanOrEqual(MIN_FONT);

      expect(collisions({ labels, others, shapes })).toEqual([]);
    },
  );
});

describe('a map too crowded for every name', () => {
  it('leaves the names of lesser entities out rather than print them over each other; the story keeps its own', () => {
    // Every entity of the seed but its documents (those are listed as sources), on the fixture's grid.
    const seed = JSON.parse(readFileSync(new URL('../../seed-data/colorado.json', import.meta.url), 'utf8')) as {
      entities: { id: string; kind: string }[];
    };
    const all = seedSnapshot({ nodeIds: seed.entities.filter((e) => e.kind !== 'Document').map((e) => e.id) });
    expect(all.content.entities.length).toBeGreaterThan(20);
    // The story's first step is about Vincent Line.
    expect(all.content.steps[0]?.nodeIds).toEqual(['person:vincent-line']);
    for (const size of ['social', 'square'] as const) {
      const measured = measure(renderSvg({ snapshot: all, exportedAt, picture: { size } }));
      expect(collisions(measured), size).toEqual([]);
      const named = measured.labels.filter((l) => l.what.startsWith('name of '));
      expect(named.map((l) => l.what)).toContain('name of person:vincent-line');
      expect(named.length, `${size}: most names drawn`).toBeGreaterThan(all.content.entities.length / 2);
      for (const label of measured.labels) expect(Math.min(...label.sizes), label.what).toBeGreaterThanOrEqual(MIN_FONT);
    }
  });
});
