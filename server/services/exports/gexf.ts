/**
 * GEXF 1.3 (Gephi's own format): typed node and edge attributes, the map positions as viz:position,
 * kind colours as viz:color, and meta naming the snapshot, version and export date.
 */
import { KIND_ENCODING } from '../../../shared/presentation/encoding.js';
import { allEntities, columnsOf, flatten, provenanceLine, type AttributeColumn, type ExportInput } from './context.js';
import { escapeXml } from './xml.js';

export function renderGexf(input: ExportInput): string {
  const { snapshot, exportedAt } = input;
  const entities = allEntities(snapshot);
  const nodeRows = entities.map((e) => flatten(e));
  const edgeRows = snapshot.content.relationships.map((r) => flatten(r));
  const nodeColumns = columnsOf(nodeRows);
  const edgeColumns = columnsOf(edgeRows);

  const declare = (scope: 'node' | 'edge', columns: AttributeColumn[]) => [
    `    <attributes class="${scope}">`,
    ...columns.map((c, i) => `      <attribute id="${i}" title="${escapeXml(c.name)}" type="${c.type}"/>`),
    '    </attributes>',
  ];
  const values = (row: Record<string, string | number | boolean>, columns: AttributeColumn[]) => [
    '        <attvalues>',
    ...columns.flatMap((c, i) =>
      row[c.name] === undefined
        ? []
        : [`          <attvalue for="${i}" value="${escapeXml(row[c.name] as string | number | boolean)}"/>`],
    ),
    '        </attvalues>',
  ];

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `  <meta lastmodifieddate="${exportedAt.toISOString().slice(0, 10)}">`,
    '    <creator>Interlock</creator>',
    `    <title>${escapeXml(snapshot.content.title)}</title>`,
    `    <description>${escapeXml([snapshot.content.description, provenanceLine(input)].filter(Boolean).join('\n\n'))}</description>`,
    `    <keywords>${escapeXml(`snapshot ${snapshot.id}, version ${snapshot.version}`)}</keywords>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare('node', nodeColumns),
    ...declare('edge', edgeColumns),
    '    <nodes>',
    ...entities.flatMap((e, i) => {
      const p = snapshot.content.positions[e.id];
      const rgb = hexToRgb(KIND_ENCODING[e.kind].color);
      return [
        `      <node id="${escapeXml(e.id)}" label="${escapeXml(e.name)}">`,
        ...values(nodeRows[i] ?? {}, nodeColumns),
        `        <viz:color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>`,
        ...(p ? [`        <viz:position x="${p.x}" y="${-p.y}" z="0"/>`] : []),
        '      </node>',
      ];
    }),
    '    </nodes>',
    '    <edges>',
    ...snapshot.content.relationships.flatMap((r, i) => [
      `      <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}" label="${escapeXml(r.type)}">`,
      ...values(edgeRows[i] ?? {}, edgeColumns),
      '      </edge>',
    ]),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
