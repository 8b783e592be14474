/**
 * One anonymous request must not stall the server or the database:
 * - a zip bomb (a small zip that unpacks to hundreds of megabytes) is refused with 413 while it is being
 *   unpacked, before memory grows; so is a zip of thousands of entries;
 * - a JSON file nested thousands of levels deep is refused with 400 and the line, not a 500;
 * - a picture too large to read is refused with 413 before any drawing; a large one that is allowed is
 *   drawn off the event loop, so a health probe keeps answering meanwhile; a second one at the same
 *   time is answered 503 busy;
 * - whole-graph questions beyond INTERLOCK_HEAVY_READS are answered 503 busy with Retry-After at once.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PICTURE_ELEMENTS } from '../../server/services/exports/picture-limits.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { SyntheticGraph, uniquePrefix } from '../integration/helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('heavy');
const graph = new SyntheticGraph(prefix);
// A chain: person i sits on board i and board i+1. More elements than a picture may hold.
const NODES = 1_100;
const people: string[] = [];
const boards: string[] = [];
const seats: string[] = [];
for (let i = 0; i < NODES / 2; i++) people.push(graph.add('Person', `p${i}`));
for (let i = 0; i < NODES / 2; i++) boards.push(graph.add('Organization', `b${i}`));
for (let i = 0; i < NODES / 2; i++) {
  seats.push(graph.link('SITS_ON_BOARD', people[i]!, boards[i]!));
  if (i + 1 < NODES / 2) seats.push(graph.link('SITS_ON_BOARD', people[i]!, boards[i + 1]!));
}
let driver: Driver;
let app: FastifyInstance;
const MB = 1024 * 1024;

beforeAll(async () => {
  driver = testDriver();
  await graph.save(driver, database);
  app = await buildTestApp({ security: { importBodyLimitBytes: 8 * MB, heavyReads: 1 } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await graph.remove(driver, database);
  await driver?.close();
});

/** A zip whose entities.csv is `megabytes` of one repeated row, deflated as it is made (little memory here). */
function zipBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const file = new ZipDeflate('entities.csv', { level: 1 });
  zip.add(file);
  file.push(new TextEncoder().encode('id,kind,name\n'));
  const block = new TextEncoder().encode('person:x,Person,X\n'.repeat(Math.floor(MB / 18)));
  for (let i = 0; i < megabytes; i++) file.push(block);
  file.push(new Uint8Array(), true);
  zip.end();
  return Buffer.concat(parts);
}

const postImport = (body: Uint8Array | string, type: string) =>
  app.inject({ method: 'POST', url: '/api/import', headers: { 'content-type': type }, payload: Buffer.from(body) });

describe('hostile imports', () => {
  it('refuses a zip bomb with 413 while unpacking it, before memory grows', async () => {
    const bomb = zipBomb(160);
    expect(bomb.length).toBeLessThan(MB);
    const before = process.memoryUsage().rss;
    const response = await postImport(bomb, 'application/zip');
    const grew = (process.memoryUsage().rss - before) / MB;
    console.info(
      `[zip bomb] ${(bomb.length / 1024).toFixed(0)} KB zip of 160 MB: ${response.statusCode}, memory grew ${grew.toFixed(0)} MB`,
    );
    expect(response.statusCode, response.body).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'import_too_large' });
    expect(response.json().error.message).toContain('8 MB');
    // Unpacked whole, it would take 160 MB, and as much again as text.
    expect(grew).toBeLessThan(120);
  });

  it('refuses a zip of thousands of entries with 413', async () => {
    const entries = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}.txt`, new Uint8Array()]));
    const response = await postImport(
      zipSync({ 'entities.csv': new TextEncoder().encode('id,kind,name\n'), ...entries }),
      'application/zip',
    );
    expect(response.statusCode, response.body).toBe(413);
  });

  it('refuses JSON nested 5,000 levels deep with 400 and the line, not a 500', async () => {
    const deep = `{"format": "interlock/1",\n"relationships": [],\n"entities": [{"id": ${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    const response = await postImport(deep, 'application/json');
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().problems[0]).toMatchObject({ line: 3, field: '(file)' });
  });
});

describe('pictures', () => {
  const exportView = (nodeIds: string[], edgeIds: string[], format = 'png') =>
    app.inject({
      method: 'POST',
      url: `/api/snapshots/export?format=${format}`,
      payload: { title: 'Large map', nodeIds, edgeIds },
    });

  it(`refuses a picture of more than ${MAX_PICTURE_ELEMENTS} entities and connections with 413, at once`, async () => {
    const response = await exportView([...people, ...boards], seats);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
    expect(response.json().error.code).toBe('picture_too_large');
  });

  it('draws a large one off the event loop: health keeps answering, and a second one meanwhile is told busy', async () => {
    // 80 entities and 79 connections: a picture of several megapixels with its list of sources, seconds to draw.
    const nodeIds = [...people.slice(0, 40), ...boards.slice(0, 40)];
    const edgeIds = seats.slice(0, 79);
    let drawing = 2;
    const started = performance.now();
    const first = exportView(nodeIds, edgeIds).finally(() => (drawing -= 1));
    const latencies: number[] = [];
    let second: ReturnType<typeof exportView> | undefined;
    while (drawing > 0) {
      const t = performance.now();
      const health = await app.inject('/api/health');
      if (drawing > 0) latencies.push(performance.now() - t);
      expect(health.statusCode).toBe(200);
      // The same picture asked for again while the first is being drawn.
      second ??= exportView(nodeIds, edgeIds).finally(() => (drawing -= 1));
      await new Promise((r) => setTimeout(r, 100));
    }
    const answers = await Promise.all([first, second]);
    const tookMs = performance.now() - started;
    expect(answers.map((a) => a?.statusCode).sort()).toEqual([200, 503]);
    const response = answers.find((a) => a?.statusCode === 200)!;
    const busy = answers.find((a) => a?.statusCode === 503)!;
    expect(busy.json().error.code).toBe('busy');
    expect(busy.headers['retry-after']).toBe('5');
    expect(response.headers['content-type']).toBe('image/png');
    const sorted = [...latencies].sort((a, b) => a - b);
    console.info(
      `[picture] ${nodeIds.length + edgeIds.length} elements drawn in ${(tookMs / 1000).toFixed(1)} s, ${(response.rawPayload.length / MB).toFixed(1)} MB; ` +
        `health answered ${latencies.length} times meanwhile, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
    );
    // Answered while the picture was being drawn (a drawing on the event loop would have let none through).
    expect(latencies.length).toBeGreaterThanOrEqual(3);
  }, 180_000);
});

describe('whole-graph questions', () => {
  it('beyond INTERLOCK_HEAVY_READS (1 here) are answered 503 busy with Retry-After at once', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map((i) => app.inject(`/api/conflicts?pattern=money-flow&limit=${i}`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = answers.find((a) => a.statusCode === 503);
    expect(busy?.json().error.code).toBe('busy');
    expect(busy?.headers['retry-after']).toBe('5');
    // A question about one entity is not a whole-graph one.
    const scoped = await Promise.all([1, 2, 3].map(() => app.inject('/api/conflicts?entity=person:vincent-line')));
    expect(scoped.map((a) => a.statusCode)).toEqual([200, 200, 200]);
  });
});
