/**
 * Snapshot logic without a database: canonical content and published ids, diffs between versions,
 * fallback positions, and the escaping every export relies on (CSV formulas, Cypher strings, XML,
 * JSON inside a script element), checked on exports of a snapshot built from the seed story.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../schemas/index.js';
import { footnotes } from '../../server/services/exports/context.js';
import { neutralise, renderCsvZip } from '../../server/services/exports/csv.js';
import { cypherString, renderCypher } from '../../server/services/exports/cypher.js';
import { renderFtm } from '../../server/services/ftm/write.js';
import { renderGexf } from '../../server/services/exports/gexf.js';
import { scriptSafeJson } from '../../server/services/exports/html.js';
import { exportSnapshot } from '../../server/services/exports/index.js';
import { renderSvg, wrap } from '../../server/services/exports/svg.js';
import { escapeXml } from '../../server/services/exports/xml.js';
import { canonicalJson, contentHash, publishedId } from '../../server/services/snapshots/canonical.js';
import { diffSnapshots } from '../../server/services/snapshots/diff.js';
import { completePositions } from '../../server/services/snapshots/layout.js';
import { SEED_NODE_IDS, seedSnapshot } from '../fixtures/snapshots/seed-snapshot.js';

const exportedAt = new Date('2026-11-28T12:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('canonical content', () => {
  it('gives the same bytes and id whatever the key order, and a different id for different content', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    const a = contentHash({ x: 1, y: [1, 2] });
    expect(contentHash({ y: [1, 2], x: 1 })).toBe(a);
    expect(contentHash({ x: 1, y: [2, 1] })).not.toBe(a);
    expect(publishedId(a)).toMatch(/^pub-[0-9a-f]{32}$/);
  });
});

describe('diff between versions', () => {
  it('names added, removed and changed entities and relationships, and changes to the map', () => {
    const before = seedSnapshot();
    const after = seedSnapshot({
      nodeIds: [...SEED_NODE_IDS.filter((id) => id !== 'org:lexisnexis'), 'person:matt-lewis'],
      rename: { 'person:vincent-line': 'V. Line' },
    });
    after.content.title = 'A new title';
    const diff = diffSnapshots(before, { ...after, version: 3 });
    expect(diff.entities.added).toEqual([{ id: 'person:matt-lewis', name: 'Matt Lewis' }]);
    expect(diff.entities.removed.map((e) => e.id)).toEqual(['org:lexisnexis']);
    expect(diff.entities.changed).toEqual([
      { id: 'person:vincent-line', name: 'V. Line', changes: [{ field: 'name', before: 'Vincent Line', after: 'V. Line' }] },
    ]);
    expect(diff.relationships.added.map((r) => r.id)).toContain('rel:matt-lewis.sits-on-board.lexisnexis-data-warehouse-board');
    expect(diff.relationships.removed.map((r) => r.id)).toContain('rel:lexisnexis-data-warehouse-board.part-of.lexisnexis');
    expect(diff.map).toEqual([{ field: 'title', before: 'Denver jails and the LexisNexis board', after: 'A new title' }]);
    expect(diffSnapshots(before, before).entities).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('positions', () => {
  it('keeps given positions and rings the missing nodes around them, apart from each other', () => {
    const placed = completePositions(['a', 'b', 'c', 'd'], { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } });
    expect(placed.a).toEqual({ x: 0, y: 0 });
    expect(placed.b).toEqual({ x: 100, y: 0 });
    const [c, d] = [placed.c, placed.d];
    expect(c && d && Math.hypot(c.x - d.x, c.y - d.y)).toBeGreaterThan(100);
    expect(c && Math.hypot(c.x - 50, c.y)).toBeGreaterThan(50);
  });
});

describe('escaping', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', 'a=b', '', '2020-01']) expect(neutralise(cell)).toBe(cell);
  });

  it('writes Cypher strings that cannot break out of their quotes or comments', () => {
    expect(cypherString("it's a \\ test\nnext")).toBe("'it\\'s a \\\\ test\\nnext'");
    expect(cypherString('\u0000\u2028')).toBe("'\\u0000\\u2028'");
    const snapshot = seedSnapshot({ rename: { 'person:vincent-line': "Vincent'}) DETACH DELETE n //" } });
    snapshot.content.title = 'Title\nMATCH (n) DETACH DELETE n';
    const script = renderCypher({ snapshot, exportedAt });
    // Every line is a comment or one complete statement; the title's line break stayed inside its comment.
    for (const line of script.trim().split('\n')) expect(line.startsWith('//') || line.endsWith(';')).toBe(true);
    expect(script).not.toMatch(/^MATCH \(n\) DETACH/m);
    expect(script).toContain("`name`: 'Vincent\\'}) DETACH DELETE n //'");
  });

  it('escapes XML and keeps JSON in a script element from closing it', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const json = scriptSafeJson({ name: '</script><script>alert(1)</script>', amp: '&\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', amp: '&\u2028' });
  });

  it('wraps text for the picture without losing words', () => {
    const text = 'one two three four five six seven eight nine ten';
    const lines = wrap(text, 12);
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});

describe('exports of a seed snapshot', () => {
  const snapshot = seedSnapshot({ rename: { 'org:lexisnexis': HOSTILE } });
  const input = { snapshot, exportedAt };

  it('numbers every citation once for the footnotes of the standalone page', () => {
    const { notes } = footnotes(snapshot);
    const cited = new Set(
      [...snapshot.content.entities, ...snapshot.content.relationships].flatMap((f) => f.citations.map((c) => c.quote)),
    );
    expect(notes.length).toBe(cited.size);
  });

  it('draws an SVG that parses, escapes names and lists its sources under the picture', () => {
    const svg = renderSvg(input);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: unknown };
    expect(parsed.svg).toBeDefined();
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
    const documents = new Set(
      [...snapshot.content.entities, ...snapshot.content.relationships].flatMap((f) => f.citations.map((c) => c.documentId)),
    );
    for (let n = 1; n <= documents.size; n++) expect(svg).toContain(`data-source="${n}"`);
    expect(svg).toContain('Version 2');
    expect(svg).toContain('exported 2026-11-28');
  });

  it('writes GEXF 1.3 with typed attributes and positions', () => {
    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(renderGexf(input)) as {
      gexf: { version: string; graph: { attributes: { class: string; attribute: { title: string; type: string }[] }[] } };
    };
    expect(gexf.gexf.version).toBe('1.3');
    const nodeAttributes = gexf.gexf.graph.attributes.find((a) => a.class === 'node')?.attribute ?? [];
    expect(nodeAttributes).toContainEqual(expect.objectContaining({ title: 'amount', type: 'double' }));
    expect(nodeAttributes).toContainEqual(expect.objectContaining({ title: 'name', type: 'string' }));
  });

  it('maps to FollowTheMoney links, each with an id of its own and its citations in FtM properties', () => {
    const lines = renderFtm(input)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(lines[0]?.schema).toBe('Article');
    expect(lines[0]?.properties.summary?.[0]).toContain('version 2');
    expect(lines.map((l) => l.schema)).toEqual(expect.arrayContaining(['Person', 'Directorship', 'Employment', 'ContractAward']));
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    const directorship = lines.find((l) => l.schema === 'Directorship');
    expect(directorship?.properties).toMatchObject({
      director: ['person.vincent-line'],
      organization: ['org.lexisnexis-data-warehouse-board'],
    });
    expect(directorship?.properties.summary?.[0]).toContain('at line 24');
    // BUYER_OF is a line of its own, and also the contract's authority for FtM tools.
    const contract = lines.find((l) => l.schema === 'Contract');
    expect(contract?.properties.authority).toEqual(['public-body.city-of-denver']);
    expect(lines.filter((l) => l.properties.summary?.some((v) => v.includes('"type":"BUYER_OF"')))).toHaveLength(1);
  });

  it('zips the CSV tables with a UTF-8 mark and one citation column set per citation', () => {
    const files = unzipSync(renderCsvZip(input));
    const bytes = files['entities.csv'] as Uint8Array;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const entities = strFromU8(bytes);
    expect(entities).toMatch(/^\uFEFF?id,kind,name,/);
    const header = entities.replace(/^\uFEFF/, '').split('\n')[0] ?? '';
    const mostCitations = Math.max(
      ...[...snapshot.content.entities, ...snapshot.content.documents].map((e) => e.citations.length),
    );
    expect(header.split(',').filter((c) => c.endsWith('_quote'))).toHaveLength(mostCitations);
    expect(entities).toContain(HOSTILE);
  });

  it('names every file after the snapshot and its version', () => {
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'html')) {
      const file = exportSnapshot(format, input);
      expect(file.fileName.startsWith('denver-jails-and-the-lexisnexis-board-v2.')).toBe(true);
      expect(file.body.length).toBeGreaterThan(100);
    }
  });
});
