/**
 * Snapshots against a real Neo4j: saving freezes the facts and their sources, publishing gives a
 * content-derived id and makes the version immutable (the graph changing later changes nothing),
 * editing makes a new version and the diff names what changed; every export format names the snapshot,
 * its version and the export date, carries the citations and escapes hostile names; GraphML and GEXF
 * are read back by NetworkX with their attribute types.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSnapshotResult, PublishResult, Snapshot, SnapshotDiff, SnapshotList } from '../../schemas/index.js';
import { buildTestApp } from '../setup/app.js';
import { signInAs, type TestSignIn } from '../setup/tokens.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { FORMULA_NAME, MALICIOUS_NAME, importGraph, removeSnapshotGraph, snapshotGraph } from './helpers/snapshot-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const run = promisify(execFile);
const { database } = testConnection();
const marker = uniquePrefix('snaptest');
const actor = `test:${marker}`;
const graph = snapshotGraph(marker);
const { ids } = graph;
let app: FastifyInstance;
let driver: Driver;
let dir: string;
let signedIn: TestSignIn;

beforeAll(async () => {
  app = await buildTestApp();
  driver = testDriver();
  signedIn = await signInAs(actor);
  dir = await mkdtemp(join(tmpdir(), 'interlock-snapshots-'));
  await importGraph(app, graph.file, signedIn.headers);
});
afterAll(async () => {
  await removeSnapshotGraph(driver, database, marker, actor);
  await signedIn.remove();
  await app.close();
  await driver.close();
  await rm(dir, { recursive: true, force: true });
});

const headers = () => signedIn.headers;
const nodeIds = () => [ids.person, ids.org, ids.formula, ids.contract];
const edgeIds = () => [ids.seat, ids.buyer, ids.award];

async function create(body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/snapshots', headers: headers(), payload: body });
}

async function get(id: string): Promise<Snapshot> {
  const response = await app.inject({ method: 'GET', url: `/api/snapshots/${id}` });
  expect(response.statusCode).toBe(200);
  return response.json<Snapshot>();
}

async function exportOf(id: string, format: string) {
  return app.inject({ method: 'GET', url: `/api/snapshots/${id}/export?format=${format}` });
}

const story = {
  title: 'Who chairs the <evil> board',
  description: 'A chair, a company & its deal.',
  positions: { [ids.person]: { x: 0, y: 0 }, [ids.org]: { x: 300, y: 0 }, [ids.contract]: { x: 300, y: 220 } },
  asOf: '2022',
  filters: { hiddenCategories: ['provenance'] },
};

describe('saving a snapshot', () => {
  it('freezes the entities, relationships and the documents they cite, with every node placed', async () => {
    const response = await create({
      ...story,
      nodeIds: nodeIds(),
      edgeIds: edgeIds(),
      steps: [
        {
          caption: 'The chair',
          nodeIds: [ids.person],
          edgeIds: [ids.seat],
          viewport: { x: -50, y: -50, width: 400, height: 200 },
          // The story moves the chair aside for this step.
          positions: { [ids.person]: { x: -120, y: 40 } },
        },
        { caption: 'The money', edgeIds: [ids.buyer, ids.award] },
      ],
      pinned: [ids.org],
    });
    expect(response.statusCode).toBe(201);
    const { id, version } = response.json<CreateSnapshotResult>();
    expect(id).toMatch(/^draft-/);
    expect(version).toBe(1);

    const snapshot = await get(id);
    expect(snapshot.published).toBe(false);
    expect(snapshot.content.entities.map((e) => e.id).sort()).toEqual(nodeIds().sort());
    expect(snapshot.content.relationships.map((r) => r.id).sort()).toEqual(edgeIds().sort());
    expect(snapshot.content.documents.map((d) => d.id)).toEqual([ids.doc]);
    const seat = snapshot.content.relationships.find((r) => r.id === ids.seat);
    expect(seat?.citations).toEqual([{ documentId: ids.doc, locator: 'p. 2', quote: 'Inés chairs the board | since 2021' }]);
    // The formula org had no position: it is placed anyway, so every export can draw it.
    expect(Object.keys(snapshot.content.positions).sort()).toEqual(nodeIds().sort());
    expect(snapshot.content.steps.map((s) => s.caption)).toEqual(['The chair', 'The money']);
    expect(snapshot.content.steps[0]?.positions).toEqual({ [ids.person]: { x: -120, y: 40 } });
    expect(snapshot.content.pinned).toEqual([ids.org]);
    expect(snapshot.content.asOf).toBe('2022');
  });

  it('refuses unknown entities, links off the map and steps about elements not on it, naming the field', async () => {
    const unknown = await create({ title: 'x', nodeIds: [ids.person, `person:${marker}-nobody`] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'unknown_entity', field: 'nodeIds.1' } });

    const offMap = await create({ title: 'x', nodeIds: [ids.person], edgeIds: [ids.seat] });
    expect(offMap.statusCode).toBe(400);
    expect(offMap.json()).toMatchObject({ error: { code: 'unknown_relationship', field: 'edgeIds.0' } });

    const badStep = await create({ title: 'x', nodeIds: [ids.person], steps: [{ caption: 'c', nodeIds: [ids.org] }] });
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json()).toMatchObject({ error: { field: 'steps.0.nodeIds.0' } });

    const movedOffMap = await create({
      title: 'x',
      nodeIds: [ids.person],
      steps: [{ caption: 'c', positions: { [ids.org]: { x: 1, y: 1 } } }],
    });
    expect(movedOffMap.json()).toMatchObject({ error: { code: 'invalid_snapshot', field: `steps.0.positions.${ids.org}` } });
    const pinnedOffMap = await create({ title: 'x', nodeIds: [ids.person], pinned: [ids.org] });
    expect(pinnedOffMap.json()).toMatchObject({ error: { code: 'invalid_snapshot', field: 'pinned.0' } });

    const noTitle = await create({ title: '', nodeIds: [ids.person] });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.field).toBe('title');
  });

  it('answers 404 for an unknown snapshot and 400 for a malformed id', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/snapshots/draft-0000000000' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/snapshots/..%2Fetc' })).statusCode).toBe(400);
  });
});

describe('who sees a snapshot', () => {
  it('tells readers without a token that a draft is unpublished (nothing of it shown), and shows them what is published', async () => {
    const anonymous = await buildTestApp({ signedIn: false });
    try {
      const draft = (
        await create({ ...story, title: `${marker} Lewis secret lead`, nodeIds: nodeIds(), edgeIds: edgeIds() })
      ).json<CreateSnapshotResult>();
      const read = (url: string) => anonymous.inject({ method: 'GET', url });
      const refused = await read(`/api/snapshots/${draft.id}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('unpublished_draft');
      // The title is the reporter's unpublished finding: it must not reach the visitor.
      expect(refused.body).not.toContain('secret lead');
      expect(refused.body).not.toContain(marker);
      const exported = await read(`/api/snapshots/${draft.id}/export?format=json`);
      expect([exported.statusCode, exported.json().error.code]).toEqual([403, 'unpublished_draft']);
      expect((await read('/api/snapshots')).json<SnapshotList>().snapshots.some((s) => s.id === draft.id)).toBe(false);

      const published = (
        await app.inject({ method: 'POST', url: `/api/snapshots/${draft.id}/publish`, headers: headers() })
      ).json<PublishResult>();
      // The share link of the draft now leads to the published version, for anyone.
      expect((await read(`/api/snapshots/${draft.id}`)).json<Snapshot>().id).toBe(published.id);
      const listed = (await read('/api/snapshots')).json<SnapshotList>().snapshots;
      expect(listed.some((s) => s.id === published.id)).toBe(true);
      expect(listed.every((s) => s.published)).toBe(true);
    } finally {
      await anonymous.close();
    }
  });
});

describe('publishing, versions and diffs', () => {
  it('publishes under a content-derived id that the graph changing later does not touch', async () => {
    const draft = (await create({ ...story, nodeIds: nodeIds(), edgeIds: edgeIds() })).json<CreateSnapshotResult>();
    const published = (
      await app.inject({ method: 'POST', url: `/api/snapshots/${draft.id}/publish`, headers: headers() })
    ).json<PublishResult>();
    expect(published.id).toMatch(/^pub-[0-9a-f]{32}$/);
    expect(published.version).toBe(1);
    // Publishing again, by either id, is the same version.
    const again = (
      await app.inject({ method: 'POST', url: `/api/snapshots/${draft.id}/publish`, headers: headers() })
    ).json<PublishResult>();
    expect(again.id).toBe(published.id);
    const byDraftId = await get(draft.id);
    expect(byDraftId.id).toBe(published.id);
    expect(byDraftId.published).toBe(true);

    const before = await get(published.id);
    const jsonBefore = (await exportOf(published.id, 'json')).json<{ entities: unknown[] }>().entities;

    // The graph changes: the person is renamed and a quote edited.
    const changed = structuredClone(graph.file);
    const person = changed.entities.find((e) => e.id === ids.person);
    if (person) person.name = 'Inés Ordóñez Vega';
    const seat = changed.relationships.find((r) => r.id === ids.seat);
    if (seat) seat.citations = [{ documentId: ids.doc, locator: 'p. 3', quote: 'a different quote' }];
    await importGraph(app, changed, signedIn.headers);

    const after = await get(published.id);
    expect(after.content).toEqual(before.content);
    expect((await exportOf(published.id, 'json')).json<{ entities: unknown[] }>().entities).toEqual(jsonBefore);

    // Published versions are permanent; drafts can be deleted.
    const del = await app.inject({ method: 'DELETE', url: `/api/snapshots/${published.id}`, headers: headers() });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('snapshot_published');

    // Editing makes the next version of the same series, frozen from the graph as it is now.
    const next = await create({
      ...story,
      title: 'Who chairs the board, updated',
      positions: { [ids.person]: { x: 0, y: 0 } },
      nodeIds: [ids.person, ids.org, ids.doc],
      edgeIds: [ids.seat],
      basedOn: published.id,
    });
    expect(next.statusCode, next.body).toBe(201);
    const v2 = next.json<CreateSnapshotResult>();
    expect(v2.version).toBe(2);
    expect(v2.series).toBe(published.series);
    // Put the graph back as it was for the export tests below.
    await importGraph(app, graph.file, signedIn.headers);

    const diff = (await app.inject({ method: 'GET', url: `/api/snapshots/${v2.id}/diff` })).json<SnapshotDiff>();
    expect(diff.from).toEqual({ id: published.id, version: 1 });
    expect(diff.to).toEqual({ id: v2.id, version: 2 });
    expect(diff.entities.added.map((e) => e.id)).toEqual([ids.doc]);
    expect(diff.entities.removed.map((e) => e.id).sort()).toEqual([ids.contract, ids.formula].sort());
    const personChange = diff.entities.changed.find((c) => c.id === ids.person);
    expect(personChange?.changes).toContainEqual({ field: 'name', before: 'Inés Ordóñez', after: 'Inés Ordóñez Vega' });
    expect(diff.relationships.removed.map((r) => r.id).sort()).toEqual([ids.award, ids.buyer].sort());
    expect(diff.relationships.changed.find((c) => c.id === ids.seat)?.changes.map((c) => c.field)).toEqual(['citations']);
    expect(diff.map.map((c) => c.field)).toEqual(['title']);

    const list = (await app.inject({ method: 'GET', url: `/api/snapshots?series=${published.series}` })).json<SnapshotList>();
    expect(list.snapshots.map((s) => [s.version, s.published])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect((await app.inject({ method: 'GET', url: `/api/snapshots/${published.id}/diff?from=1&to=7` })).statusCode).toBe(404);

    // The draft version can be deleted.
    expect((await app.inject({ method: 'DELETE', url: `/api/snapshots/${v2.id}`, headers: headers() })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/snapshots/${v2.id}` })).statusCode).toBe(404);
  });
});

describe('exports', () => {
  let id: string;
  const exportedToday = new Date().toISOString().slice(0, 10);
  beforeAll(async () => {
    const draft = (
      await create({ ...story, nodeIds: nodeIds(), edgeIds: edgeIds(), steps: [{ caption: 'The chair', nodeIds: [ids.person] }] })
    ).json<CreateSnapshotResult>();
    id = (
      await app.inject({ method: 'POST', url: `/api/snapshots/${draft.id}/publish`, headers: headers() })
    ).json<PublishResult>().id;
  });

  it.each(['svg', 'html', 'graphml', 'gexf', 'cyjs', 'json', 'ftm', 'cypher'])(
    '%s names the snapshot, version and export date and carries the quotes',
    async (format) => {
      const response = await exportOf(id, format);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="who-chairs-the-evil-board-v1\./);
      const text = response.body;
      expect(text).toContain(id);
      expect(text).toContain(exportedToday);
      expect(text).toMatch(/version\W{0,3}1/i);
      // The quote of the board seat, in whatever escaping the format uses.
      expect(text).toMatch(/Inés chairs the board \| since 2021/);
      // Markup formats escape the hostile name; data formats (JSON, Cypher) carry it as the string it is.
      if (['svg', 'html', 'graphml', 'gexf'].includes(format)) expect(text).not.toContain('<img src');
      else expect(text).toMatch(/<img src=x onerror=alert\(1\)>|\\u003cimg src=x/);
    },
  );

  it('escapes a hostile name in the SVG and the standalone page, where it stays text', async () => {
    const svg = (await exportOf(id, 'svg')).body;
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
    const html = (await exportOf(id, 'html')).body;
    const data = /<script type="application\/json" id="interlock-snapshot">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(data).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(JSON.parse(data).snapshot.content.entities.map((e: { name: string }) => e.name)).toContain(MALICIOUS_NAME);
    expect(html).not.toContain('<img');
  });

  it('takes the picture size and language from the query, and names a bad one', async () => {
    const social = await app.inject({ method: 'GET', url: `/api/snapshots/${id}/export?format=png&size=social&lang=ar` });
    expect(social.statusCode).toBe(200);
    expect([social.rawPayload.readUInt32BE(16), social.rawPayload.readUInt32BE(20)]).toEqual([1200, 630]);
    const screen = await app.inject({ method: 'GET', url: `/api/snapshots/${id}/export?format=svg&size=screen` });
    expect(screen.statusCode).toBe(400);
    expect(screen.json().error.field).toMatch(/width/);
    const wrong = await app.inject({ method: 'GET', url: `/api/snapshots/${id}/export?format=svg&size=poster` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toMatch(/size/);
  });

  it('renders a PNG from the SVG', async () => {
    const response = await exportOf(id, 'png');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(900); // width, twice the SVG's
  });

  it('zips CSV tables with the import columns, the citations, and formulas neutralised', async () => {
    const response = await exportOf(id, 'csv');
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['entities.csv', 'relationships.csv', 'snapshot.csv']);
    const rows = (name: string) =>
      parse(strFromU8(files[name] as Uint8Array), { columns: true, bom: true }) as Record<string, string>[];
    const entities = rows('entities.csv');
    expect(entities.find((e) => e.id === ids.org)?.name).toBe(MALICIOUS_NAME);
    expect(entities.find((e) => e.id === ids.formula)?.name).toBe(`'${FORMULA_NAME}`);
    expect(entities.find((e) => e.id === ids.formula)?.citation_quote).toBe(`'-1+2 said the filing`);
    expect(entities.find((e) => e.id === ids.doc)?.kind).toBe('Document');
    const seat = rows('relationships.csv').find((r) => r.id === ids.seat);
    expect(seat).toMatchObject({
      type: 'SITS_ON_BOARD',
      citation_document_id: ids.doc,
      citation_locator: 'p. 2',
      citation_quote: 'Inés chairs the board | since 2021',
    });
    const about = Object.fromEntries(rows('snapshot.csv').map((r) => [r.field, r.value]));
    expect(about).toMatchObject({ snapshot: id, version: '1', title: 'Who chairs the <evil> board' });
    expect(about.exported_at?.slice(0, 10)).toBe(exportedToday);
  });

  it('GraphML and GEXF open in NetworkX with typed attributes', async () => {
    await writeFile(join(dir, 'map.graphml'), (await exportOf(id, 'graphml')).body);
    await writeFile(join(dir, 'map.gexf'), (await exportOf(id, 'gexf')).body);
    const script = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2], version="1.3")
def types(graph, node):
    return {k: type(v).__name__ for k, v in graph.nodes[node].items()}
def etypes(graph, a, b):
    return {k: type(v).__name__ for k, v in graph.edges[a, b].items()}
print(json.dumps({
  "graphml": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
              "title": g.graph.get("title"), "version": g.graph.get("version"),
              "contract": g.nodes[sys.argv[3]], "contractTypes": types(g, sys.argv[3]),
              "seatTypes": etypes(g, sys.argv[4], sys.argv[5]), "seat": g.edges[sys.argv[4], sys.argv[5]]},
  "gexf": {"nodes": x.number_of_nodes(), "edges": x.number_of_edges(), "contract": x.nodes[sys.argv[3]],
           "contractTypes": types(x, sys.argv[3]), "seatTypes": etypes(x, sys.argv[4], sys.argv[5]), "seat": x.edges[sys.argv[4], sys.argv[5]]},
}, default=str))
`;
    const { stdout } = await run('python3', [
      '-c',
      script,
      join(dir, 'map.graphml'),
      join(dir, 'map.gexf'),
      ids.contract,
      ids.person,
      ids.org,
    ]);
    const read = JSON.parse(stdout);
    // 4 entities on the map + the cited document; 3 relationships.
    expect(read.graphml).toMatchObject({
      nodes: 5,
      edges: 3,
      directed: true,
      title: 'Who chairs the <evil> board',
      version: '1',
    });
    expect(read.graphml.contract).toMatchObject({ kind: 'Contract', amount: 1250.5, currency: 'USD', citationCount: 1 });
    expect(read.graphml.contractTypes).toMatchObject({ amount: 'float', name: 'str', x: 'float', citationCount: 'float' });
    expect(read.graphml.seatTypes).toMatchObject({ current: 'bool', type: 'str' });
    expect(JSON.parse(read.graphml.seat.citations)).toEqual([
      { documentId: ids.doc, locator: 'p. 2', quote: 'Inés chairs the board | since 2021' },
    ]);
    expect(read.gexf).toMatchObject({ nodes: 5, edges: 3 });
    expect(read.gexf.contract).toMatchObject({ label: 'Data deal', amount: 1250.5 });
    expect(read.gexf.contractTypes).toMatchObject({ amount: 'float', kind: 'str' });
    expect(read.gexf.seatTypes).toMatchObject({ current: 'bool' });
    expect(read.gexf.seat.seat).toBe("Chair 'interim'");
  });

  it('exports the canvas as it is without saving it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/snapshots/export?format=cyjs',
      payload: { title: 'Unsaved view', nodeIds: [ids.person, ids.org], edgeIds: [ids.seat] },
    });
    expect(response.statusCode).toBe(200);
    const cyjs = response.json<{
      data: { name: string };
      elements: { nodes: unknown[]; edges: { data: { citations: unknown[] } }[] };
    }>();
    expect(cyjs.data.name).toBe('Unsaved view');
    expect(cyjs.elements.nodes).toHaveLength(3);
    expect(cyjs.elements.edges[0]?.data.citations).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/api/snapshots/export?format=nope' })).statusCode).toBe(400);
    expect((await exportOf(id, 'pdf')).statusCode).toBe(400);
  });
});
