/**
 * Stored findings (services/findings/, ADR 0021): a finding an edit creates shows up, and goes when the
 * edit is undone, with no pattern run over the whole graph meanwhile (every query the app sends is
 * recorded); the status says which graph version the answer reflects; and two app processes on one
 * database serve the same stored findings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictsResponse, EntityWriteResult, RelationshipWriteResult } from '../../schemas/index.js';
import { buildApp } from '../../server/app.js';
import { readTransaction, writeTransaction } from '../../server/db/transactions.js';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { recordAudit } from '../../server/services/audit-log.js';
import { graphVersion } from '../../server/services/graph-version.js';
import { compactQuery } from '../../server/services/conflicts/compact-evidence.js';
import { loadPatterns } from '../../server/services/conflicts/pattern-files.js';
import { TEST_SECURITY } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { currentFindings } from './helpers/findings.js';
import { removeImported } from './helpers/import-fixtures.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const prefix = uniquePrefix('findings');
const PERSON = 'person:vincent-line';
// A pattern runs as written or wrapped so its rows name their evidence by id (compact-evidence.ts).
const asRun = (query: string) => [query, compactQuery(query)];
const patternQueries = new Set(loadPatterns().flatMap((p) => asRun(p.query)));
const wholeGraphQueries = new Set(loadPatterns().flatMap((p) => (p.wholeGraphQuery ? asRun(p.wholeGraphQuery) : [])));

/** Every pattern query the app runs, with the entity it was asked about (null: the whole graph). */
const patternRuns: { entity: unknown; query: string }[] = [];

/** Read transactions begun through the recording driver. */
let readTransactions = 0;

/** The test driver, recording each pattern query run through any session or transaction, and counting reads. */
function recordingDriver(driver: Driver): Driver {
  const record = (query: unknown, parameters: unknown) => {
    if (typeof query === 'string' && wholeGraphQueries.has(query)) patternRuns.push({ entity: null, query });
    else if (typeof query === 'string' && patternQueries.has(query))
      patternRuns.push({ entity: (parameters as { entity?: unknown } | undefined)?.entity, query });
  };
  const watchTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get: (target, property) =>
        property === 'run'
          ? (query: string, parameters?: unknown) => {
              record(query, parameters);
              return target.run(query, parameters as never);
            }
          : (Reflect.get(target, property) as unknown),
    });
  return new Proxy(driver, {
    get(target, property) {
      if (property !== 'session') return Reflect.get(target, property) as unknown;
      return (config: Parameters<Driver['session']>[0]) => {
        const session: Session = target.session(config);
        const { executeRead, executeWrite } = session;
        Object.assign(session, {
          executeRead: (work: (tx: ManagedTransaction) => Promise<unknown>, txConfig?: object) => {
            readTransactions++;
            return executeRead.call(session, (tx) => work(watchTx(tx)), txConfig);
          },
          executeWrite: (work: (tx: ManagedTransaction) => Promise<unknown>, txConfig?: object) =>
            executeWrite.call(session, (tx) => work(watchTx(tx)), txConfig),
        });
        return session;
      };
    },
  });
}

const citations = [
  {
    newDocument: { title: `Board minutes ${prefix}`, publisher: 'Example Gazette', url: `https://example.org/${prefix}/minutes` },
    locator: 'page 2',
    quote: 'joined the board',
  },
];

describe('stored findings', () => {
  let app: FastifyInstance;
  let plain: Driver;
  let orgId = '';

  beforeAll(async () => {
    plain = testDriver();
    app = await buildApp({
      driver: recordingDriver(testDriver()),
      database,
      closeDriver: true,
      webRoot: null,
      security: TEST_SECURITY,
    });
    await app.ready();
    const created = await app.inject({
      method: 'POST',
      url: '/api/entities',
      headers: { authorization: `Bearer ${TEST_SECURITY.adminToken}` },
      payload: { kind: 'Organization', name: `Quillfeather Holdings ${prefix}`, citations },
    });
    expect(created.statusCode, created.body).toBe(201);
    orgId = created.json<EntityWriteResult>().entity.id;
  });
  afterAll(async () => {
    await removeImported(plain, database, { markers: [prefix] });
    await app.close();
    await plain.close();
  });

  const asAdmin = () => ({ authorization: `Bearer ${TEST_SECURITY.adminToken}` });
  /** The findings of the served generation, counted one by one in the database. */
  const storedCounts = () =>
    readTransaction(plain, database, async (tx) => {
      const rows = await tx.run(
        `MATCH (s:FindingsState {id: 'findings'}) MATCH (f:Finding {generation: s.generation})
         RETURN f.pattern AS pattern, count(f) AS count`,
      );
      return Object.fromEntries(rows.records.map((r) => [String(r.get('pattern')), Number(r.get('count'))]));
    });
  const interlockUrl = () => `/api/conflicts?pattern=board-interlock&entity=${encodeURIComponent(orgId)}`;
  const today = new Date().toISOString().slice(0, 10);
  /** The whole graph's counts on today's date as the API gives them (kept per state of the findings once asked). */
  const countsToday = async () => (await currentFindings(app, `/api/conflicts?asOf=${today}&limit=1`)).patternCounts;

  it('show a finding an edit creates, and drop it when the edit is undone, without a whole-graph pattern', async () => {
    // The first ask starts the findings off (a full computation when there are none yet); wait for them.
    const before = await currentFindings(app, interlockUrl());
    expect(before.findings).toEqual([]);
    expect(before.graphVersion).toEqual(expect.any(String));
    const todayBefore = await countsToday();
    expect(await countsToday()).toEqual(todayBefore);
    patternRuns.length = 0;

    const seat = await app.inject({
      method: 'POST',
      url: '/api/relationships',
      headers: asAdmin(),
      payload: { type: 'SITS_ON_BOARD', source: PERSON, target: orgId, current: true, citations },
    });
    expect(seat.statusCode, seat.body).toBe(201);
    const { auditId } = seat.json<RelationshipWriteResult>();

    const after = await waitFor(interlockUrl(), (body) => body.findings.length > 0);
    expect(after.graphVersion).not.toBe(before.graphVersion);
    expect(after.findings.map((f) => f.pattern)).toEqual(after.findings.map(() => 'board-interlock'));
    expect(after.findings.every((f) => f.nodeIds.includes(PERSON) && f.nodeIds.includes(orgId))).toBe(true);
    expect(after.findings[0]?.title).toContain(`Quillfeather Holdings ${prefix}`);
    // The whole-graph list has it too, on the same graph version.
    const whole = await currentFindings(app, '/api/conflicts?pattern=board-interlock');
    expect(whole.findings.map((f) => f.id)).toEqual(expect.arrayContaining(after.findings.map((f) => f.id)));
    // Its counts (kept as findings are written, not counted per request) are those of the findings stored.
    expect(whole.patternCounts).toEqual(await storedCounts());
    expect(whole.total).toBe(whole.findings.length);
    // The counts on a date are counted again for the new state of the findings, not served as kept: by
    // the new findings that held today (what files before this one left may date the person's other seats).
    const newToday = await currentFindings(app, `${interlockUrl()}&asOf=${today}`);
    const todayAfter = await countsToday();
    expect(todayAfter?.['board-interlock']).toBe((todayBefore?.['board-interlock'] ?? 0) + (newToday.total ?? 0));

    const undo = await app.inject({ method: 'POST', url: `/api/audit/${auditId}/undo`, headers: asAdmin() });
    expect(undo.statusCode, undo.body).toBe(200);
    const undone = await waitFor(interlockUrl(), (body) => body.findings.length === 0);
    expect(undone.graphVersion).not.toBe(after.graphVersion);
    const wholeAgain = await currentFindings(app, '/api/conflicts?pattern=board-interlock');
    expect(wholeAgain.findings.map((f) => f.id)).not.toEqual(expect.arrayContaining(after.findings.map((f) => f.id)));
    expect(wholeAgain.patternCounts).toEqual(await storedCounts());
    expect(wholeAgain.patternCounts?.['board-interlock']).toBe((whole.total ?? 0) - after.findings.length);
    expect(await countsToday()).toEqual(todayBefore);

    // Patterns ran for the entities the edits touched, never over the whole graph.
    expect(patternRuns.length).toBeGreaterThan(0);
    expect(patternRuns.filter((r) => r.entity === null)).toEqual([]);
  }, 240_000);

  it('report their state in /api/conflicts/status and /api/health', async () => {
    const status = await app.inject('/api/conflicts/status');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      status: 'current',
      graphVersion: expect.any(String),
      progress: null,
      failedPatterns: [],
    });
    const health = (await app.inject('/api/health')).json<{ findings?: { status: string } }>();
    expect(health.findings?.status).toBe('current');
  });

  it('have every pattern planned ahead in each form an edit runs it, with nothing found or written', async () => {
    const versionBefore = await readTransaction(plain, database, graphVersion);
    const runsBefore = patternRuns.length;
    await app.conflicts.warmUp();
    // Each pattern as written and in its compact form (the maintainer's), for an id no entity has.
    const ran = patternRuns.slice(runsBefore).filter((r) => r.entity === 'warm-up:no-such-entity');
    expect(new Set(ran.map((r) => r.query))).toEqual(patternQueries);
    expect(ran).toHaveLength(patternQueries.size);
    expect(await readTransaction(plain, database, graphVersion)).toBe(versionBefore);
  });

  it('answer a page already built, while current, with one read of their state per ask', async () => {
    // Many readers keep the Conflicts panel open; each ask is one short read, not one for the page and
    // another for the maintainer's check (the maintainer is handed the state the ask read).
    const url = '/api/conflicts?limit=5';
    const counted: number[] = [];
    for (let attempt = 0; attempt < 3 && counted.at(-1) !== 5; attempt++) {
      await currentFindings(app, url);
      const before = readTransactions;
      for (let ask = 0; ask < 5; ask++) expect((await app.inject(url)).json<ConflictsResponse>().status).toBe('current');
      counted.push(readTransactions - before); // more only if another change came in meanwhile
    }
    expect(counted.at(-1), `reads per 5 asks, each attempt: ${counted.join(', ')}`).toBe(5);
  });

  it('keep up with a burst of more audit entries than one read of the trail takes', async () => {
    await currentFindings(app, interlockUrl());
    // 600 entries written at the same instant (more than the 500 one read takes, all inside the window
    // the trail is read again from): the findings must still reach the graph's version.
    const now = new Date();
    await writeTransaction(plain, database, async (tx) => {
      for (let i = 0; i < 600; i++)
        await recordAudit(
          tx,
          { actor: 'test', route: 'test', action: 'note', summary: { burst: i }, changes: [], concerns: [orgId] },
          now,
        );
    });
    const caughtUp = await currentFindings(app, interlockUrl(), 60_000);
    const version = await readTransaction(plain, database, (tx) => graphVersion(tx));
    expect(caughtUp.graphVersion).toBe(version);
  }, 120_000);

  /** Asks until the findings are current and `accept` holds (the page polls the same way). */
  async function waitFor(url: string, accept: (body: ConflictsResponse) => boolean): Promise<ConflictsResponse> {
    for (let i = 0; ; i++) {
      const body = await currentFindings(app, url);
      if (accept(body) || i > 600) return body;
      await sleep(100);
    }
  }
});

describe('two app processes on one database', () => {
  const servers: { process: ChildProcess; url: string }[] = [];
  let plain: Driver;

  beforeAll(async () => {
    plain = testDriver();
    const connection = testConnection();
    for (let i = 0; i < 2; i++) {
      const port = await findFreePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          ...process.env,
          NEO4J_URI: connection.uri,
          NEO4J_USER: connection.user,
          NEO4J_PASSWORD: connection.password,
          NEO4J_DATABASE: connection.database,
          HOST: '127.0.0.1',
          PORT: String(port),
          INTERLOCK_SEED: '0',
          INTERLOCK_OPEN_BROWSER: '0',
          INTERLOCK_ADMIN_TOKEN: TEST_SECURITY.adminToken,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      servers.push({ process: child, url: `http://127.0.0.1:${port}` });
    }
    await Promise.all(servers.map((s) => untilUp(s.url)));
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) s.process.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((resolve) => s.process.once('exit', resolve))));
    await removeImported(plain, database, { markers: [prefix] });
    await plain.close();
  });

  it('serve the same stored findings, and both show a finding one of them was told about', async () => {
    const [first] = servers as [(typeof servers)[number]];
    const headers = { authorization: `Bearer ${TEST_SECURITY.adminToken}`, 'content-type': 'application/json' };
    const org = await fetch(`${first.url}/api/entities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'Organization', name: `Two Rivers Trust ${prefix}`, citations }),
    });
    expect(org.status).toBe(201);
    const orgId = ((await org.json()) as EntityWriteResult).entity.id;
    const seat = await fetch(`${first.url}/api/relationships`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'SITS_ON_BOARD', source: PERSON, target: orgId, current: true, citations }),
    });
    expect(seat.status).toBe(201);

    const url = `/api/conflicts?pattern=board-interlock&entity=${encodeURIComponent(orgId)}`;
    const answers = await Promise.all(
      servers.map((s) => poll(`${s.url}${url}`, (body) => body.status === 'current' && body.findings.length > 0)),
    );
    expect(answers[0]?.findings.length).toBeGreaterThan(0);
    expect(answers[1]).toEqual(answers[0]);
    // The whole-graph list, page by page, is the same from either process.
    const pages = await Promise.all(servers.map((s) => poll(`${s.url}/api/conflicts?limit=5`, (b) => b.status === 'current')));
    expect(pages[1]?.graphVersion).toBe(pages[0]?.graphVersion);
    expect(pages[1]?.findings).toEqual(pages[0]?.findings);
    expect(pages[1]?.total).toBe(pages[0]?.total);
    // (Patience for a full recomputation the test database's earlier files may have made due.)
  }, 240_000);

  async function untilUp(url: string): Promise<void> {
    for (let i = 0; i < 900; i++) {
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`${url} did not start`);
  }

  async function poll(url: string, accept: (body: ConflictsResponse) => boolean): Promise<ConflictsResponse> {
    for (let i = 0; ; i++) {
      const body = (await (await fetch(url)).json()) as ConflictsResponse;
      if (accept(body) || i > 1200) return body;
      await sleep(100);
    }
  }
});
