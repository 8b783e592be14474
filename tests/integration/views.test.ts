/**
 * Short links and framing against a real Neo4j and the real app: a view is kept under an id derived
 * from it (the same view, however often or however concurrently it is sent, is one node and one
 * link), read back exactly, refused with the field named when malformed; making one needs only the
 * right to read. Published share pages may be framed by the origins of INTERLOCK_EMBED_ORIGINS; drafts,
 * the explorer and the API docs never.
 */
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSnapshotResult, PublishResult, SavedViewResult, ViewState } from '../../schemas/index.js';
import { WEB_ROOT } from '../../server/app.js';
import { savedViewId } from '../../server/services/views/store.js';
import { asAdmin, buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const { database } = testConnection();
const marker = uniquePrefix('views');
const apps: FastifyInstance[] = [];
let driver: Driver;
const ids: string[] = [];
const tokenIds: string[] = [];

async function app(options: Parameters<typeof buildTestApp>[0] = {}): Promise<FastifyInstance> {
  const built = await buildTestApp({ signedIn: false, ...options });
  apps.push(built);
  return built;
}

/** A view of the seed with a unique marker in its positions, so each run's views are its own. */
function view(extra: Partial<ViewState> = {}) {
  return {
    ids: ['person:vincent-line', 'org:lexisnexis-data-warehouse-board'],
    positions: {
      'person:vincent-line': { x: -120.5, y: 33 },
      'org:lexisnexis-data-warehouse-board': { x: Math.random() * 1000, y: 8 },
    },
    viewport: { zoom: 1.25, x: 10, y: -4 },
    pinned: ['org:lexisnexis-data-warehouse-board'],
    selection: { kind: 'node', id: 'person:vincent-line' },
    filters: { hiddenCategories: ['provenance'] },
    asOf: '2020',
    layout: 'hierarchy',
    path: { from: 'person:vincent-line', to: 'public-body:ice', maxHops: 5, found: true },
    ...extra,
  };
}

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await driver.executeQuery('MATCH (v:SavedView) WHERE v.id IN $ids DELETE v', { ids }, { database });
  await driver.executeQuery('MATCH (t:ApiToken) WHERE t.id IN $tokenIds DELETE t', { tokenIds }, { database });
  await driver.executeQuery('MATCH (s:Snapshot) WHERE s.title STARTS WITH $marker DELETE s', { marker }, { database });
  await driver.close();
});

describe('short links', () => {
  it('keeps a view under an id derived from it and gives it back exactly, to anyone who may read', async () => {
    const open = await app();
    const body = view();
    const saved = await open.inject({ method: 'POST', url: '/api/views', payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    const { id, path } = saved.json<SavedViewResult>();
    ids.push(id);
    expect(path).toBe(`/v/${id}`);
    const read = await open.inject(`/api/views/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ ...body, filters: { ...body.filters, hiddenKinds: [], hiddenTypes: [], hiddenStatuses: [] } });
  });

  it('makes one link and one node of the same view sent many times at once', async () => {
    const open = await app();
    const body = view();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => open.inject({ method: 'POST', url: '/api/views', payload: body })),
    );
    const got = new Set(answers.map((a) => a.json<SavedViewResult>().id));
    expect(got.size).toBe(1);
    const [id] = [...got] as [string];
    ids.push(id);
    const { records } = await driver.executeQuery('MATCH (v:SavedView {id: $id}) RETURN count(v) AS n', { id }, { database });
    expect(Number(records[0]?.get('n'))).toBe(1);
    // A different view is a different link.
    const other = (
      await open.inject({ method: 'POST', url: '/api/views', payload: view({ asOf: '2021' }) })
    ).json<SavedViewResult>();
    ids.push(other.id);
    expect(other.id).not.toBe(id);
  });

  it('refuses a malformed view naming the field, an unknown link with 404, and a malformed id with 400', async () => {
    const open = await app();
    const bad = await open.inject({ method: 'POST', url: '/api/views', payload: view({ ids: ['NOT AN ID'] }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('ids.0');
    const zoom = await open.inject({
      method: 'POST',
      url: '/api/views',
      payload: { ids: [], viewport: { zoom: -1, x: 0, y: 0 } },
    });
    expect([zoom.statusCode, zoom.json().error.field]).toEqual([400, 'viewport.zoom']);
    const unknown = savedViewId({ ids: [], pinned: [], layout: 'force' } as ViewState).replace(/./, 'z');
    expect((await open.inject(`/api/views/${unknown}`)).statusCode).toBe(404);
    expect((await open.inject('/api/views/..%2F..')).statusCode).toBe(400);
  });

  it('needs a reader token when reads are closed, and none of the editor kind', async () => {
    const closed = await app({ security: { readsOpen: false } });
    const refused = await closed.inject({ method: 'POST', url: '/api/views', payload: view() });
    expect(refused.statusCode).toBe(401);
    const { token } = await createReaderToken();
    const allowed = await closed.inject({
      method: 'POST',
      url: '/api/views',
      payload: view(),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(allowed.statusCode, allowed.body).toBe(200);
    ids.push(allowed.json<SavedViewResult>().id);
  });
});

async function createReaderToken(): Promise<{ token: string }> {
  const admin = await app({ signedIn: true });
  const created = await admin.inject({
    method: 'POST',
    url: '/api/tokens',
    headers: asAdmin,
    payload: { name: `${marker}-reader`, role: 'reader' },
  });
  const token = created.json<{ id: string; token: string }>();
  tokenIds.push(token.id);
  return token;
}

describe('who may frame a page', () => {
  const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]+)/.exec(String(csp))?.[1];
  let published = '';
  let draft = '';

  beforeAll(async () => {
    const admin = await app({ signedIn: true });
    const make = async (title: string) =>
      (
        await admin.inject({
          method: 'POST',
          url: '/api/snapshots',
          payload: { title: `${marker} ${title}`, nodeIds: ['person:vincent-line'] },
        })
      ).json<CreateSnapshotResult>().id;
    draft = await make('draft');
    const toPublish = await make('published');
    published = (await admin.inject({ method: 'POST', url: `/api/snapshots/${toPublish}/publish` })).json<PublishResult>().id;
  });

  it('lets the configured origins frame a published share page, and nothing else', async () => {
    const page = await app({
      webRoot: WEB_ROOT,
      security: { embedOrigins: ['https://news.example.org', 'https://*.example.net'] },
    });
    const share = await page.inject(`/s/${published}?embed=1`);
    expect(share.statusCode).toBe(200);
    expect(frameAncestors(share.headers['content-security-policy'])).toBe('https://news.example.org https://*.example.net');
    expect(share.headers['x-frame-options']).toBeUndefined();
    // The rest of the policy is untouched: scripts still only from the page's own origin.
    expect(String(share.headers['content-security-policy'])).toContain("script-src 'self'");

    for (const url of [`/s/${draft}`, '/s/pub-0000000000000000', '/s/not-an-id', '/', '/docs', '/api/health']) {
      const response = await page.inject(url);
      expect(frameAncestors(response.headers['content-security-policy']), url).toBe("'none'");
    }
  });

  it('lets any origin frame published maps by default, and none with INTERLOCK_EMBED_ORIGINS=none', async () => {
    const byDefault = await app({ webRoot: WEB_ROOT });
    expect(frameAncestors((await byDefault.inject(`/s/${published}`)).headers['content-security-policy'])).toBe('*');
    const nobody = await app({ webRoot: WEB_ROOT, security: { embedOrigins: [] } });
    expect(frameAncestors((await nobody.inject(`/s/${published}`)).headers['content-security-policy'])).toBe("'none'");
  });
});
