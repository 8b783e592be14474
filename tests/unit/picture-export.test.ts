/**
 * Pictures (SVG, PNG) of a seed snapshot: the size of each preset and the map's own aspect ratio, the
 * legend of what is shown, one source per document in the reader's language, and Arabic text with Latin
 * words laid out by the bidirectional algorithm and still shaped when resvg draws it.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { PICTURE_PRESETS, type PictureSize, type Snapshot } from '../../schemas/index.js';
import { renderPng, PNG_FONTS } from '../../server/services/exports/png.js';
import { renderSvg } from '../../server/services/exports/svg.js';
import { seedSnapshot } from '../fixtures/snapshots/seed-snapshot.js';

const exportedAt = new Date('2026-11-28T12:00:00Z');
const ISOLATES = /[\u2066-\u2069]/g;

function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /^<svg[^>]*\swidth="(\d+)" height="(\d+)"/.exec(svg) ?? [];
  return { width: Number(width), height: Number(height) };
}

/** The text of every <text> element in a group of the SVG, isolates removed. */
function textsIn(svg: string, group: RegExp): string[] {
  return [...svg.matchAll(group)]
    .map((m) => m[0])
    .flatMap((g) => [...g.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((t) => plain(t[1] ?? '')));
}

function plain(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(ISOLATES, '')
    .replace(/&amp;/g, '&');
}

describe('picture sizes', () => {
  const snapshot = seedSnapshot();

  it.each(['social', 'square', 'a4'] as const)('draws the %s preset at its size, the PNG at exact pixels', (size) => {
    const input = { snapshot, exportedAt, picture: { size } };
    expect(svgSize(renderSvg(input))).toEqual(PICTURE_PRESETS[size]);
    const png = pngSize(renderPng(input));
    const expected = size === 'a4' ? { width: 3508, height: 2480 } : PICTURE_PRESETS[size];
    expect(png.width).toBe(expected.width);
    expect(Math.abs(png.height - expected.height)).toBeLessThanOrEqual(1);
  });

  it('draws "as on screen" at the given screen size, twice as many pixels in the PNG', () => {
    const input = { snapshot, exportedAt, picture: { size: 'screen' as PictureSize, width: 1366, height: 768 } };
    expect(svgSize(renderSvg(input))).toEqual({ width: 1366, height: 768 });
    expect(pngSize(renderPng(input))).toEqual({ width: 2732, height: 1536 });
  });

  it('sizes the default picture to the map: a wide map gives a wide picture, a tall one a tall picture, never a strip', () => {
    const wide = svgSize(renderSvg({ snapshot, exportedAt }));
    expect(wide.width / wide.height).toBeGreaterThan(1.1);
    const tall = seedSnapshot();
    // The same six entities stacked in one column.
    tall.content.positions = Object.fromEntries(tall.content.entities.map((e, i) => [e.id, { x: 0, y: i * 200 }]));
    const stacked = svgSize(renderSvg({ snapshot: tall, exportedAt }));
    expect(stacked.height).toBeGreaterThan(stacked.width);
    expect(stacked.height / stacked.width).toBeLessThan(3);
  });
});

describe('legend', () => {
  it('lists the kinds and relationship types on the map, and only those', () => {
    const svg = renderSvg({ snapshot: seedSnapshot(), exportedAt, picture: { size: 'social' } });
    const legend = textsIn(svg, /<g class="legend">.*?<\/g>\n?<g class="sources">/gs).slice(1);
    expect(legend.sort()).toEqual(
      [
        'Person',
        'Organisation',
        'Public body',
        'Contract',
        'HOLDS POSITION',
        'SITS ON BOARD',
        'PART OF',
        'AWARDED TO',
        'BUYER OF',
      ].sort(),
    );
    const small = seedSnapshot({
      nodeIds: ['person:vincent-line', 'public-body:denver-sheriff-department', 'public-body:city-of-denver'],
    });
    const fewer = textsIn(renderSvg({ snapshot: small, exportedAt }), /<g class="legend">.*?<\/g>\n?<g class="sources">/gs).slice(
      1,
    );
    expect(fewer).not.toContain('Contract');
    expect(fewer).not.toContain('AWARDED TO');
    expect(fewer).toContain('Person');
  });

  it("speaks the reader's language", () => {
    const svg = renderSvg({ snapshot: seedSnapshot(), exportedAt, picture: { size: 'square', lang: 'es' } });
    expect(textsIn(svg, /<g class="legend">.*?<\/g>\n?<g class="sources">/gs)).toEqual(
      expect.arrayContaining(['Leyenda', 'Persona']),
    );
  });
});

describe('sources', () => {
  /** Three facts citing two documents, one of them three times over. */
  function twoDocuments(): Snapshot {
    const snapshot = seedSnapshot();
    const rels = snapshot.content.relationships;
    const report = 'document:sanctuary-sabotage-report';
    const [a, b] = rels;
    if (!a || !b) throw new Error('seed changed');
    a.citations = [
      ...a.citations,
      { documentId: report, locator: 'p. 3', quote: 'one' },
      { documentId: report, locator: 'p. 4', quote: 'two' },
    ];
    b.citations = [{ documentId: report, locator: 'p. 9', quote: 'three' }];
    const [press] = snapshot.content.documents;
    if (!press) throw new Error('seed changed');
    snapshot.content.documents.push({
      ...press,
      id: report,
      title: 'Sanctuary Sabotage',
      name: 'Sanctuary Sabotage',
      aliases: [],
      language: 'en',
    });
    return snapshot;
  }

  it('lists each cited document once, numbered as the markers on the map', () => {
    const snapshot = twoDocuments();
    const cited = new Set(
      [...snapshot.content.entities, ...snapshot.content.relationships].flatMap((f) => f.citations.map((c) => c.documentId)),
    );
    const svg = renderSvg({ snapshot, exportedAt, picture: { size: 'a4' } });
    const listed = [...svg.matchAll(/<g class="source" data-source="(\d+)" data-document="([^"]+)">/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(listed.map(([, id]) => id).sort()).toEqual([...cited].sort());
    expect(listed.map(([n]) => n)).toEqual([1, 2]);
    const markers = new Set(
      [...svg.matchAll(/<tspan class="marks"[^>]*>([^<]*)<\/tspan>/g)].flatMap((m) =>
        plain(m[1] ?? '')
          .replace(/[[\]]/g, '')
          .split(',')
          .map(Number),
      ),
    );
    expect([...markers].sort()).toEqual([1, 2]);
    // Title, publisher and date, link.
    const report = textsIn(svg, /<g class="source" data-source="2"[^>]*>.*?<\/g>/gs).join(' ');
    expect(report).toContain('Sanctuary Sabotage');
    // Its three citations are one entry; their quotes are its tooltip, not lines of the picture.
    expect(report).not.toContain('p. 3');
    expect(/<g class="source" data-source="2"[^>]*>\s*<title>([^<]*)<\/title>/.exec(svg)?.[1]).toContain('p. 3: “one”');
  });

  it("names a document by its title in the reader's language where the data has one, else the original", () => {
    const snapshot = seedSnapshot();
    const titleOf = (lang: 'en' | 'ar') => {
      const svg = renderSvg({ snapshot, exportedAt, picture: { size: 'a4', lang } });
      const entry = /<g class="source" data-source="1"[^>]*>.*?<\/g>/s.exec(svg)?.[0] ?? '';
      return [...entry.matchAll(/<text class="source-title"[^>]*>(.*?)<\/text>/g)].map((m) => plain(m[1] ?? '')).join(' ');
    };
    // The press release is in Arabic; its English name is among its names.
    expect(titleOf('en')).toBe('Press release: new report shows ICE uses data brokers to get around sanctuary laws');
    expect(titleOf('ar')).toContain('تستخدم وسطاء البيانات');
  });
});

describe('mixed-direction text', () => {
  const TITLE = 'تقرير ICE عن عقود LexisNexis';

  function arabicSource(): string {
    const snapshot = seedSnapshot();
    const document = snapshot.content.documents.find((d) => d.id === 'document:press-release-sanctuary-sabotage');
    if (!document) throw new Error('seed changed');
    document.title = TITLE;
    document.aliases = [];
    const svg = renderSvg({ snapshot, exportedAt, picture: { size: 'a4', lang: 'ar' } });
    const line = /<text class="source-title"[^>]*>.*?<\/text>/.exec(svg)?.[0];
    if (!line) throw new Error('no source title drawn');
    return line;
  }

  it('writes the runs of an Arabic title with Latin words in visual order, left to right', () => {
    const runs = [...arabicSource().matchAll(/<tspan data-dir="(ltr|rtl)">([^<]*)<\/tspan>/g)].map((m) => [
      m[1],
      plain(m[2] ?? ''),
    ]);
    // Read right to left: تقرير, ICE, عن عقود, LexisNexis. Seen from the left, the other way round,
    // each Arabic run kept in logical order for the renderer to draw right to left.
    expect(runs).toEqual([
      ['ltr', 'LexisNexis'],
      ['rtl', 'عن عقود'],
      ['ltr', 'ICE'],
      ['rtl', 'تقرير'],
    ]);
  });

  it('closes every isolate it opens, also where a date sits in an Arabic line (a browser scrambles the line otherwise)', () => {
    const svg = renderSvg({ snapshot: seedSnapshot(), exportedAt, picture: { size: 'a4', lang: 'ar' } });
    const runs = [...svg.matchAll(/<tspan[^>]*data-dir="(?:ltr|rtl)"[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '');
    expect(runs.length).toBeGreaterThan(20);
    for (const run of runs) expect(run).toMatch(/^[\u2066\u2067][^\u2066-\u2069]*\u2069$/);
    // The export date reads as written, just left of the Arabic words that come before it.
    expect(svg).toMatch(/<tspan data-dir="ltr">⁦2026-11-28⁩<\/tspan> <tspan data-dir="rtl">⁧· صُدّر في⁩/);
  });

  /** The rendered pixels of one SVG text element, with the run holding `word` in its own colour. */
  function inkColumns(line: string, colours: Record<string, string>): Map<string, number[]> {
    let coloured = line.replace(/ x="[\d.]+"/, ' x="20"').replace(/ text-anchor="\w+"/, ' text-anchor="start"');
    for (const [word, colour] of Object.entries(colours))
      coloured = coloured.replace(
        new RegExp(`<tspan data-dir="(ltr|rtl)">([^<]*${word}[^<]*)</tspan>`),
        `<tspan fill="${colour}">$2</tspan>`,
      );
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="60"><rect width="900" height="60" fill="#ffffff"/>${coloured.replace(/ y="[\d.]+"/, ' y="40"')}</svg>`;
    const image = new Resvg(svg, { font: PNG_FONTS }).render();
    const columns = new Map<string, number[]>();
    const pixels = image.pixels;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0];
      const x = (i / 4) % image.width;
      const colour =
        r > 180 && g < 80 && b < 80
          ? 'red'
          : b > 180 && r < 80 && g < 80
            ? 'blue'
            : r < 60 && g < 60 && b < 60
              ? 'ink'
              : undefined;
      if (!colour) continue;
      const seen = columns.get(colour) ?? [];
      seen.push(x);
      columns.set(colour, seen);
    }
    return columns;
  }

  it('comes out of resvg in that order: LexisNexis left of ICE, the first Arabic word rightmost', () => {
    const columns = inkColumns(arabicSource(), { ICE: '#ff0000', LexisNexis: '#0000ff' });
    const mean = (xs: number[] = []) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const [red, blue, ink] = [columns.get('red'), columns.get('blue'), columns.get('ink')];
    expect(red?.length).toBeGreaterThan(20);
    expect(blue?.length).toBeGreaterThan(20);
    expect(Math.max(...(blue ?? []))).toBeLessThan(Math.min(...(red ?? [])));
    // The rightmost ink is Arabic (تقرير), right of ICE.
    expect(Math.max(...(ink ?? []))).toBeGreaterThan(Math.max(...(red ?? [])));
    expect(mean(ink)).toBeGreaterThan(mean(blue));
  });

  it('keeps Arabic shaped: a run draws the same joined glyphs as the word drawn on its own, not its letters apart', () => {
    const word = 'تقرير';
    const inked = (body: string) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#ffffff"/><text x="20" y="40" font-size="24">${body}</text></svg>`;
      const image = new Resvg(svg, { font: PNG_FONTS }).render();
      const pixels = image.pixels; // a copy on every read
      const xs: number[] = [];
      for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) xs.push((i / 4) % image.width);
      return { count: xs.length, width: Math.max(...xs) - Math.min(...xs) };
    };
    const line = renderSvg({
      snapshot: { ...seedSnapshot(), content: { ...seedSnapshot().content, title: word } },
      exportedAt,
      picture: { size: 'social', lang: 'ar' },
    });
    const title = /<text[^>]*font-weight="700"[^>]*>(.*?)<\/text>/.exec(line)?.[1] ?? '';
    expect(plain(title)).toBe(word);
    const ours = inked(title);
    const alone = inked(word);
    // The letters one by one in their isolated forms: what a layout that broke shaping would draw.
    const apart = inked([...word].map((c) => `${c}\u200c`).join(''));
    expect(ours).toEqual(alone);
    expect(apart.width).toBeGreaterThan(alone.width);
  });
});
