/**
 * GraphML (Gephi, yEd, NetworkX): typed attribute keys (`attr.type` string, boolean, double) declared
 * for nodes, edges and the graph; the graph's own data names the snapshot, version and export date.
 * Citations travel as JSON text on every node and edge, with their count; x and y are the map positions.
 */
import { allEntities, columnsOf, flatten, provenanceLine, type AttributeColumn, type ExportInput } from './context.js';
import { escapeXml } from './xml.js';

export function renderGraphml(input: ExportInput): string {
  const { snapshot, exportedAt } = input;
  const entities = allEntities(snapshot);
  const nodeRows = entities.map((e) => {
    const p = snapshot.content.positions[e.id];
    return { ...flatten(e), ...(p ? { x: p.x, y: p.y } : {}) };
  });
  const edgeRows = snapshot.content.relationships.map((r) => flatten(r));
  const nodeColumns = columnsOf(nodeRows);
  const edgeColumns = columnsOf(edgeRows);
  const graphData: [string, string][] = [
    ['title', snapshot.content.title],
    ['description', snapshot.content.description],
    ['snapshot', snapshot.id],
    ['version', String(snapshot.version)],
    ['exportedAt', exportedAt.toISOString()],
    ['about', provenanceLine(input)],
  ];

  const key = (scope: 'node' | 'edge', c: AttributeColumn) =>
    `  <key id="${scope[0]}_${escapeXml(c.name)}" for="${scope}" attr.name="${escapeXml(c.name)}" attr.type="${c.type}"/>`;
  const data = (scope: 'node' | 'edge', row: Record<string, string | number | boolean>, columns: AttributeColumn[]) =>
    columns
      .filter((c) => row[c.name] !== undefined)
      .map(
        (c) => `      <data key="${scope[0]}_${escapeXml(c.name)}">${escapeXml(row[c.name] as string | number | boolean)}</data>`,
      )
      .join('\n');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${escapeXml(provenanceLine(input)).replace(/--/g, '- -')} -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...graphData.map(([name]) => `  <key id="g_${name}" for="graph" attr.name="${name}" attr.type="string"/>`),
    ...nodeColumns.map((c) => key('node', c)),
    ...edgeColumns.map((c) => key('edge', c)),
    `  <graph id="${escapeXml(snapshot.id)}" edgedefault="directed">`,
    ...graphData.map(([name, value]) => `    <data key="g_${name}">${escapeXml(value)}</data>`),
    ...entities.flatMap((e, i) => [
      `    <node id="${escapeXml(e.id)}">`,
      data('node', nodeRows[i] ?? {}, nodeColumns),
      '    </node>',
    ]),
    ...snapshot.content.relationships.flatMap((r, i) => [
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.source)}" target="${escapeXml(r.target)}">`,
      data('edge', edgeRows[i] ?? {}, edgeColumns),
      '    </edge>',
    ]),
    '  </graph>',
    '</graphml>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
