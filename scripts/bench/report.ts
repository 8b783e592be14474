/** The benchmark results as markdown: one table per part, with the targets of the issue beside them. Pure. */
import type { BulkMeasurement } from './bulk.js';
import type { LiveImportMeasurement } from './live-import.js';
import type { BundleMeasurement } from './bundle.js';
import type { FindingsMeasurement } from './findings.js';
import type { ImportMeasurement } from './import.js';
import type { PageMeasurement } from './page.js';
import type { QueryMeasurement, WholeGraphMeasurement } from './queries.js';
import type { StartMeasurement } from './start.js';
import { formatNumber as n, markdownTable } from './stats.js';

export interface BenchReport {
  startedAt: string;
  finishedAt?: string;
  machine: Record<string, string | number>;
  /** 1, 5 and 15-minute load averages. */
  loadBefore: number[];
  loadAfter?: number[];
  parts: {
    import?: (ImportMeasurement & { load: number[] })[];
    bulk?: (BulkMeasurement & { loadBefore: number[]; load: number[] })[];
    liveImport?: LiveImportMeasurement & { loadBefore: number[]; load: number[] };
    queries?: {
      relationships: number;
      measurements: QueryMeasurement[];
      wholeGraph: WholeGraphMeasurement[];
      serverRssMb: number;
      neo4jRssMb: number;
      load: number[];
    };
    findings?: FindingsMeasurement & { serverRssMb: number; load: number[] };
    start?: StartMeasurement & { load: number[] };
    page?: { measurements: PageMeasurement[]; load: number[] };
    bundle?: BundleMeasurement;
  };
}

const loadText = (load: readonly number[] | undefined) => (load ? load.join(' / ') : '—');
/** Ours and raw side by side: seconds, relationships per second, and the ratio. */
const importCells = (f: Pick<ImportMeasurement, 'oursSeconds' | 'rawSeconds' | 'oursPerSecond' | 'rawPerSecond' | 'ratio'>) => [
  n(f.oursSeconds),
  n(f.rawSeconds),
  n(f.oursPerSecond, 0),
  n(f.rawPerSecond, 0),
  n(f.ratio, 2),
];

export function renderReport(report: BenchReport): string {
  const out: string[] = [
    '# Benchmark results',
    '',
    `Run ${report.startedAt} to ${report.finishedAt ?? '?'} on ${report.machine.cpus} × ${report.machine.cpuModel}, ` +
      `${report.machine.memoryGb} GB, Node ${report.machine.node}, commit ${report.machine.commit}; embedded Neo4j heap ` +
      `${report.machine.neo4jHeap}, page cache ${report.machine.neo4jPageCache}. Load average (1/5/15 min) before ` +
      `${loadText(report.loadBefore)}, after ${loadText(report.loadAfter)}: the machine is shared, so compare the ratios ` +
      '(both sides measured back to back in this run) rather than absolute times.',
    '',
  ];
  const { import: imports, bulk, liveImport, queries, start, page, bundle } = report.parts;
  if (imports?.length) {
    out.push(
      '## Import',
      '',
      'Our import (validation, comparison with the database, batch transactions with an undo log, audit entry) against a ' +
        'hand-written `UNWIND $rows MERGE` loop on raw neo4j-driver with the same batch size, each into a fresh database ' +
        'after a small warm-up import. Target: ours ≥ 0.8× raw, and ≥ 50,000 relationships/s at 1M.',
      '',
      markdownTable(
        ['relationships', 'entities', 'batch', 'ours s', 'raw s', 'ours rel/s', 'raw rel/s', 'ours/raw', 'load'],
        imports.map((m) => [n(m.relationships, 0), n(m.entities, 0), n(m.batchSize, 0), ...importCells(m), loadText(m.load)]),
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
  }
  if (bulk?.length) {
    out.push(
      '## Bulk load into an empty database',
      '',
      "`import --bulk` in a process of its own, as the CLI runs it (reading and checking the file, CSV for Neo4j's offline importer, the importer, constraints and " +
        "indexes, audit entry) against Neo4j's importer alone on CSV of the same graph and against the `UNWIND $rows MERGE` " +
        'loop, each into a fresh data folder. Target (issue 15): ≥ 50,000 relationships/s at 1M and ≥ 0.5× the importer alone.',
      '',
      markdownTable(
        [
          'relationships',
          'entities',
          'ours s',
          'importer alone s',
          'raw s',
          'ours rel/s',
          'importer rel/s',
          'raw rel/s',
          'ours/importer',
          'load before / after',
        ],
        bulk.map((m) => [
          n(m.relationships, 0),
          n(m.entities, 0),
          n(m.oursSeconds),
          n(m.importerSeconds),
          m.rawSeconds === null ? '—' : n(m.rawSeconds),
          n(m.oursPerSecond, 0),
          n(m.importerPerSecond, 0),
          m.rawPerSecond === null ? '—' : n(m.rawPerSecond, 0),
          n(m.ratioToImporter, 2),
          `${loadText(m.loadBefore)} → ${loadText(m.load)}`,
        ]),
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
      'Seconds per phase of ours: check (is the database empty), read (read, check, write CSV), importer, start (the ' +
        'database on the loaded store), schema (constraints and indexes built over it), audit, stop.',
      '',
      markdownTable(
        ['relationships', 'check', 'read', 'importer', 'start', 'schema', 'audit', 'stop'],
        bulk.map((m) => [
          n(m.relationships, 0),
          ...(['check', 'read', 'importer', 'start', 'schema', 'audit', 'stop'] as const).map((k) => n(m.phases[k])),
        ]),
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
      'The schema phase by step (seconds): the indexes of `cypher/schema` created in one transaction (filled in the ' +
        'background), its constraints built in another, then the wait for every index to be filled:',
      '',
      ...bulk.map(
        (m) =>
          `- ${n(m.relationships, 0)}: ${Object.entries(m.schema ?? {})
            .map(([k, v]) => `${k} ${n(v)}`)
            .join(', ')}`,
      ),
      '',
    );
  }
  if (liveImport) {
    const m = liveImport;
    out.push(
      '## Import into a live graph',
      '',
      `Our import and the \`UNWIND $rows MERGE\` loop each add the same ${n(m.relationships, 0)} relationships (new ids) to ` +
        `a copy of the bulk-loaded graph of ${n(m.baseRelationships, 0)}, after the same warm-up import (first row: the first ` +
        'import after the database started), then as many more into the same running database (second row). Target (issue 15): ' +
        '≥ 10,000 relationships/s and ≥ 1.0× the raw loop.',
      '',
      markdownTable(
        [
          'import',
          'graph',
          'added',
          'entities added',
          'batch',
          'ours s',
          'raw s',
          'ours rel/s',
          'raw rel/s',
          'ours/raw',
          'load before / after',
        ],
        (
          [
            ['first after the start', m],
            ['next, same database', m.again],
          ] as const
        ).map(([which, f]) => [
          which,
          n(m.baseRelationships, 0),
          n(m.relationships, 0),
          n(m.entities, 0),
          n(m.batchSize, 0),
          ...importCells(f),
          `${loadText(m.loadBefore)} → ${loadText(m.load)}`,
        ]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
  }
  if (queries) {
    out.push(
      `## Queries (${n(queries.relationships, 0)} relationships)`,
      '',
      'Milliseconds per request, closed loop, through the HTTP API against the same Cypher on raw neo4j-driver, each ' +
        'client alternating the two (ratio = API p50 / raw p50). Conflicts are asked for one entity (the page asks for the selected entity). Targets: 2-hop p95 ' +
        '≤ 30 ms and shortest paths p95 ≤ 50 ms with 8 clients (at 1M), search p95 ≤ 15 ms, API overhead ≤ 1.15×.',
      '',
      markdownTable(
        ['query', 'clients', 'API p50', 'API p95', 'API p99', 'raw p50', 'raw p95', 'raw p99', 'API/raw', 'requests'],
        queries.measurements.map((m) => [
          m.query,
          String(m.concurrency),
          n(m.api.p50),
          n(m.api.p95),
          n(m.api.p99),
          n(m.raw.p50),
          n(m.raw.p95),
          n(m.raw.p99),
          n(m.ratio, 2),
          `${m.api.count} / ${m.raw.count}`,
        ]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
      'Whole graph, no entity: the first page of 100 stored findings of each pattern, asked twice (the second ask is ' +
        'answered from the pages kept while the findings are current).',
      '',
      markdownTable(
        ['pattern', 'first ms', 'again ms', 'findings'],
        queries.wholeGraph.map((w) => [w.pattern, n(w.ms, 0), n(w.againMs, 0), w.error ? `refused: ${w.error}` : n(w.total, 0)]),
        ['l', 'r', 'r', 'r'],
      ),
      '',
      `Resident memory after the queries: server ${n(queries.serverRssMb, 0)} MB, Neo4j ${n(queries.neo4jRssMb, 0)} MB. ` +
        `Load ${loadText(queries.load)}.`,
      '',
    );
  }
  const findings = report.parts.findings;
  if (findings) {
    out.push(
      `## Stored findings (${n(findings.relationships, 0)} relationships)`,
      '',
      'A server process on the freshly imported graph computes every pattern over the whole graph in the background (ADR 0021); ' +
        'then pages no one asked for before (each built) and the first page of all findings (the same for every reader, built once per state of the findings) through `/api/conflicts?limit=100`, a new board seat for a person who already sits on a board ' +
        '(a board interlock with a new organisation) until the finding shows, and search alone and while six clients ask for the whole-graph list.',
      '',
      markdownTable(
        ['figure', 'measured', 'target'],
        [
          [
            'full recomputation (server ready → `status: current`)',
            findings.fullMs === null
              ? `not measured (findings kept from an earlier run), ${n(findings.findings, 0)} findings`
              : `${n(findings.fullMs / 1000, 1)} s, ${n(findings.findings, 0)} findings`,
            '≤ 120 s',
          ],
          [
            'a page no one asked for before (offsets 100–5,000) p50 / p95 / p99, 1 client',
            `${n(findings.unaskedPage.latency.p50)} / ${n(findings.unaskedPage.latency.p95)} / ${n(findings.unaskedPage.latency.p99)} ms (${findings.unaskedPage.requests} pages)`,
            '',
          ],
          ...findings.firstPage.map((p) => [
            `whole-graph first page p50 / p95 / p99, ${p.clients} client(s)`,
            `${n(p.latency.p50)} / ${n(p.latency.p95)} / ${n(p.latency.p99)} ms (${p.requests} requests)`,
            p.clients === 1 ? 'p95 ≤ 300 ms' : 'p95 ≤ 1 s',
          ]),
          [
            'edit → new finding shown (median of trials)',
            `${n(findings.editToFindingMedianMs, 0)} ms (${findings.editToFindingMs.map((ms) => n(ms, 0)).join(', ')})`,
            '≤ 2 s',
          ],
          [
            'search p50 / p95 / p99, 1 client, alone',
            `${n(findings.search.alone.p50)} / ${n(findings.search.alone.p95)} / ${n(findings.search.alone.p99)} ms`,
            '',
          ],
          [
            `search p50 / p95 / p99, 1 client, while ${findings.search.wholeGraphClients} clients ask for all findings (from a thread of their own)`,
            `${n(findings.search.busy.p50)} / ${n(findings.search.busy.p95)} / ${n(findings.search.busy.p99)} ms`,
            'p99 ≤ 50 ms',
          ],
          ...(findings.search.busyInProcess
            ? [
                [
                  `the same, the ${findings.search.wholeGraphClients} clients in the process timing the searches (as before December 5)`,
                  `${n(findings.search.busyInProcess.p50)} / ${n(findings.search.busyInProcess.p95)} / ${n(findings.search.busyInProcess.p99)} ms`,
                  '',
                ],
              ]
            : []),
        ],
        ['l', 'r', 'l'],
      ),
      '',
      `Server resident memory ${n(findings.serverRssMb, 0)} MB. Load ${loadText(findings.load)}.`,
      '',
    );
  }
  if (start) {
    out.push(
      '## Cold start',
      '',
      '`npm start` on a fresh data folder: embedded Neo4j, schema, seed story, then the first 200 of `/api/health`. Target ≤ 20 s.',
      '',
      markdownTable(
        ['to healthy ms', 'first request ms', 'second request ms', 'server MB', 'Neo4j MB', 'load'],
        [
          [
            n(start.coldStartMs, 0),
            n(start.firstRequestMs, 0),
            n(start.secondRequestMs, 0),
            n(start.serverRssMb, 0),
            n(start.neo4jRssMb, 0),
            loadText(start.load),
          ],
        ],
        ['r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
    );
  }
  if (page) {
    out.push(
      '## The page',
      '',
      'Cytoscape with the explorer’s stylesheet, preset positions, in headless Chromium (software WebGL through ' +
        'SwiftShader: no GPU here, so WebGL numbers are a floor). Time to the first frame, then frames per second while ' +
        'panning and zooming for 4 s. Target: 20k elements ≥ 30 fps with WebGL.',
      '',
      markdownTable(
        ['elements', 'renderer', 'WebGL active', 'first frame ms', 'fps'],
        page.measurements.map((m) => [
          n(m.elements, 0),
          m.renderer,
          m.webglActive ? 'yes' : 'no',
          n(m.firstRenderMs, 0),
          n(m.fps),
        ]),
        ['r', 'l', 'l', 'r', 'r'],
      ),
      '',
      `Load ${loadText(page.load)}.`,
      '',
    );
  }
  if (bundle) {
    out.push(
      '## Bundle',
      '',
      'JavaScript `web/dist/index.html` loads before the first render. Target ≤ 400 KB gzipped.',
      '',
      markdownTable(
        ['', 'bytes', 'gzipped'],
        [
          [`initial (${bundle.initialFiles.length} files)`, n(bundle.initialBytes, 0), n(bundle.initialGzipBytes, 0)],
          ['all JavaScript', n(bundle.allJsBytes, 0), n(bundle.allJsGzipBytes, 0)],
        ],
        ['l', 'r', 'r'],
      ),
      '',
    );
  }
  return out.join('\n');
}
