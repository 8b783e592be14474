/**
 * Changes made straight in the database (Neo4j Browser, cypher-shell) leave no audit entry. The stored
 * findings still follow one that adds or removes a relationship (the graph version counts them), and an
 * admin can ask for a full recomputation for one that only changed properties, which nothing shows.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConflictsResponse,
  CreatedToken,
  EntityWriteResult,
  FindingsStatus,
  RelationshipWriteResult,
} from '../../schemas/index.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { currentFindings } from './helpers/findings.js';
import { removeImportedAudited } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const connection = testConnection();
const { database } = connection;
const prefix = uniquePrefix('outside');
const citations = [
  {
    newDocument: { title: `Board filing ${prefix}`, publisher: 'Example Gazette', url: `https://example.org/${prefix}/filing` },
    locator: 'page 1',
    quote: 'appointed to the board',
  },
];

describe('stored findings and changes made outside Interlock', () => {
  let app: FastifyInstance;
  let plain: Driver;
  const ids = { person: '', first: '', second: '', secondSeat: '' };
  let editorToken: Pick<CreatedToken, 'id' | 'token'> = { id: '', token: '' };

  const create = async (url: string, payload: Record<string, unknown>) => {
    const response = await app.inject({ method: 'POST', url, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<EntityWriteResult & RelationshipWriteResult>();
  };
  const interlocksOf = (entity: string) => `/api/conflicts?pattern=board-interlock&entity=${encodeURIComponent(entity)}`;
  /** Asks until the findings are current and `accept` holds, as the page does; the last answer either way. */
  const waitFor = async (url: string, accept: (body: ConflictsResponse) => boolean, patienceMs = 120_000) => {
    const deadline = Date.now() + patienceMs;
    for (;;) {
      const body = await currentFindings(app, url, patienceMs);
      if (accept(body) || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** A write straight in the database, as Neo4j Browser makes it: no audit entry, no Interlock process told. */
  const outside = (query: string, parameters: Record<string, unknown>) => plain.executeQuery(query, parameters, { database });

  beforeAll(async () => {
    plain = testDriver();
    app = await buildTestApp();
    ids.person = (await create('/api/entities', { kind: 'Person', name: `Imogen Tarrant ${prefix}`, citations })).entity.id;
    ids.first = (
      await create('/api/entities', { kind: 'Organization', name: `Larkspur Freight ${prefix}`, citations })
    ).entity.id;
    ids.second = (
      await create('/api/entities', { kind: 'Organization', name: `Corvid Analytics ${prefix}`, citations })
    ).entity.id;
    await create('/api/relationships', {
      type: 'SITS_ON_BOARD',
      source: ids.person,
      target: ids.first,
      current: true,
      citations,
    });
    const seat = await create('/api/relationships', {
      type: 'SITS_ON_BOARD',
      source: ids.person,
      target: ids.second,
      current: true,
      citations,
    });
    ids.secondSeat = seat.relationship.id;
    const token = await app.inject({ method: 'POST', url: '/api/tokens', payload: { name: `${prefix}-editor`, role: 'editor' } });
    expect(token.statusCode, token.body).toBe(201);
    editorToken = token.json<CreatedToken>();
  });
  afterAll(async () => {
    await app.inject({ method: 'DELETE', url: `/api/tokens/${encodeURIComponent(editorToken.id)}` });
    await removeImportedAudited(plain, database, { markers: [prefix] });
    await app.close();
    await plain.close();
  });

  it('take in a name changed in Neo4j Browser once an admin asks for a recomputation', async () => {
    const before = await waitFor(interlocksOf(ids.first), (body) => body.findings.length > 0);
    expect(before.findings.length).toBe(1);
    expect(before.findings[0]!.title).toContain(`Corvid Analytics ${prefix}`);

    await outside('MATCH (o:Entity {id: $id}) SET o.name = $name', { id: ids.second, name: `Corvid Insight ${prefix}` });

    // Only an admin may ask: a whole-graph recomputation takes minutes on a large graph.
    const asEditor = await app.inject({
      method: 'POST',
      url: '/api/conflicts/recompute',
      headers: { authorization: `Bearer ${editorToken.token}` },
    });
    expect(asEditor.statusCode, asEditor.body).toBe(403);
    const asked = await app.inject({ method: 'POST', url: '/api/conflicts/recompute' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json<FindingsStatus>().status).toBe('updating');

    const after = await waitFor(interlocksOf(ids.first), (body) => body.findings[0]?.title.includes('Corvid Insight') ?? false);
    expect(after.findings.map((f) => f.title)).toEqual([expect.stringContaining(`Corvid Insight ${prefix}`)]);
    expect(after.findings[0]!.title).not.toContain('Corvid Analytics');
  }, 240_000);

  it('take one in from the command line as well', async () => {
    await outside('MATCH (o:Entity {id: $id}) SET o.name = $name', { id: ids.second, name: `Corvid Signals ${prefix}` });
    const { stderr } = await promisify(execFile)('node', ['--import', 'tsx', 'server/cli.ts', 'recompute-findings'], {
      env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    });
    expect(stderr).toContain('Asked for a full recomputation');
    // The app was not told: its next look at the findings' state finds the request.
    const after = await waitFor(interlocksOf(ids.first), (body) => body.findings[0]?.title.includes('Corvid Signals') ?? false);
    expect(after.findings.map((f) => f.title)).toEqual([expect.stringContaining(`Corvid Signals ${prefix}`)]);
  }, 240_000);

  it('drop a finding whose relationship was deleted in Neo4j Browser, with no write through Interlock', async () => {
    const before = await waitFor(interlocksOf(ids.first), (body) => body.findings.length > 0);
    expect(before.findings).toHaveLength(1);

    await outside('MATCH ()-[r {id: $id}]->() DELETE r', { id: ids.secondSeat });

    const after = await waitFor(interlocksOf(ids.first), (body) => body.findings.length === 0);
    expect(after.findings).toEqual([]);
    expect(after.graphVersion).not.toBe(before.graphVersion);
    const whole = await currentFindings(app, '/api/conflicts?pattern=board-interlock');
    expect(whole.findings.map((f) => f.id)).not.toContain(before.findings[0]!.id);
  }, 240_000);
});
