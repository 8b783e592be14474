/**
 * Access through the real app: every write route (found by enumerating the app's routes, so routes
 * added later are covered too) against every role; closed reads; public read-only mode; tokens created,
 * used and revoked through the API and the CLI; Host checks; cross-site form posts; security headers
 * and CORS.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessResponse, CreatedToken, Role, TokenInfo } from '../../schemas/index.js';
import type { AccessRoute } from '../../server/plugins/app/auth.js';
import { createToken } from '../../server/security/tokens.js';
import { asAdmin, buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { uniquePrefix } from './helpers/synthetic-graph.js';

const connection = testConnection();
const prefix = uniquePrefix('access');
let driver: Driver;
const bearer: Partial<Record<Role, { authorization: string }>> = {};
const apps: FastifyInstance[] = [];

async function app(security: Parameters<typeof buildTestApp>[0] = {}): Promise<FastifyInstance> {
  const built = await buildTestApp({ ...security, signedIn: false });
  apps.push(built);
  return built;
}

beforeAll(async () => {
  driver = testDriver();
  for (const role of ['reader', 'editor', 'admin'] as const) {
    const token = await createToken(driver, connection.database, { name: `${prefix}-${role}`, role, createdBy: 'test' });
    bearer[role] = { authorization: `Bearer ${token.token}` };
  }
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await driver.executeQuery('MATCH (t:ApiToken) WHERE t.name STARTS WITH $prefix DELETE t', { prefix }, connection);
  await driver.close();
});

const CALLERS = ['anonymous', 'reader', 'editor', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
const headersOf = (caller: Caller) => (caller === 'anonymous' ? {} : bearer[caller]);
const RANK: Record<Caller, number> = { anonymous: 0, reader: 1, editor: 2, admin: 3 };

/** A concrete URL for a route pattern: every `:param` gets a harmless value no route will find. */
function concrete(url: string): string {
  return url
    .replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'id' ? 'tok_00000000000000ff' : 'zz-none'))
    .replace('*', 'x');
}

/**
 * Writes that change no data: a short link keeps a view of the explorer (which entities are shown and
 * how), so anyone who may read may make one (tests/integration/views.test.ts).
 */
const READER_WRITES = ['POST /api/views'];

function writeRoutes(routes: AccessRoute[]): AccessRoute[] {
  return routes.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !['GET', 'HEAD', 'OPTIONS'].includes(r.method) &&
      !READER_WRITES.includes(`${r.method} ${r.url}`),
  );
}

describe('the role matrix', () => {
  let open: FastifyInstance;
  beforeAll(async () => {
    open = await app();
  });

  it('finds the write routes by enumerating the app, token management among them', () => {
    const writes = writeRoutes(open.accessRoutes);
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/import', 'POST /api/tokens', 'DELETE /api/tokens/:id']),
    );
    // Nothing that changes data is open or merely needs a reader.
    for (const route of writes) expect(['editor', 'admin'], `${route.method} ${route.url}`).toContain(route.access);
    const readerWrites = open.accessRoutes.filter((r) => READER_WRITES.includes(`${r.method} ${r.url}`));
    expect(readerWrites.map((r) => r.access)).toEqual(['reader']);
    expect(writes.find((r) => r.url === '/api/tokens')?.access).toBe('admin');
  });

  it('lets each role through every write route exactly when its role suffices, else 401 or 403', async () => {
    const writes = writeRoutes(open.accessRoutes);
    for (const route of writes) {
      const needed = route.access === 'admin' ? 3 : 2;
      for (const caller of CALLERS) {
        const response = await open.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: { 'content-type': 'application/json', ...headersOf(caller) },
          // An empty object is not a valid body for any of them: allowed callers get a 4xx that is not 401/403.
          payload: route.url === '/api/import' ? '{' : '{}',
        });
        const where = `${caller} ${route.method} ${route.url}: ${response.body}`;
        if (RANK[caller] >= needed) {
          expect([401, 403], where).not.toContain(response.statusCode);
        } else {
          expect(response.statusCode, where).toBe(caller === 'anonymous' ? 401 : 403);
          expect(response.json().error.code, where).toBe(caller === 'anonymous' ? 'unauthorized' : 'forbidden');
        }
      }
    }
  });

  it('refuses a token that is not ours, even for reads that are open', async () => {
    const response = await open.inject({ url: '/api/search?q=ice', headers: { authorization: 'Bearer ilk_made-up' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toContain('Bearer');
    expect(response.json().error.code).toBe('invalid_token');
  });

  it('needs a reader token for every read route when reads are closed, but never for health or the page', async () => {
    const closed = await app({ security: { readsOpen: false } });
    const reads = closed.accessRoutes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access === 'reader');
    expect(reads.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/search', '/api/entities/:id', '/api/paths']));
    for (const route of reads) {
      const url = concrete(route.url);
      expect((await closed.inject(url)).statusCode, url).toBe(401);
      expect([401, 403], url).not.toContain((await closed.inject({ url, headers: bearer.reader })).statusCode);
    }
    expect((await closed.inject('/api/health')).statusCode).toBe(200);
    const access = (await closed.inject('/api/access')).json<AccessResponse>();
    expect(access).toMatchObject({ role: null, canRead: false, canWrite: false, readsOpen: false });
  });

  it('tells the page what a token allows', async () => {
    const asReader = (await open.inject({ url: '/api/access', headers: bearer.reader })).json<AccessResponse>();
    expect(asReader).toMatchObject({ role: 'reader', canRead: true, canWrite: false, canManageTokens: false });
    const asEditor = (await open.inject({ url: '/api/access', headers: bearer.editor })).json<AccessResponse>();
    expect(asEditor).toMatchObject({ role: 'editor', name: `${prefix}-editor`, canWrite: true, canManageTokens: false });
  });
});

describe('public read-only mode', () => {
  it('serves reads to anyone and refuses every write with 403, whatever the token', async () => {
    const readonly = await app({ security: { publicReadonly: true, readsOpen: true } });
    expect((await readonly.inject('/api/search?q=vincent')).statusCode).toBe(200);
    for (const route of writeRoutes(readonly.accessRoutes)) {
      for (const caller of CALLERS) {
        const response = await readonly.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: { 'content-type': 'application/json', ...headersOf(caller), ...(caller === 'admin' ? asAdmin : {}) },
          payload: '{}',
        });
        expect(response.statusCode, `${caller} ${route.method} ${route.url}`).toBe(403);
        expect(response.json().error.code).toBe('read_only');
      }
    }
    const access = (await readonly.inject({ url: '/api/access', headers: bearer.admin })).json<AccessResponse>();
    expect(access).toMatchObject({ role: 'admin', publicReadonly: true, canWrite: false, canManageTokens: false });
  });
});

describe('tokens through the API', () => {
  it('lets an admin create a token, shows its secret once, and revokes it so it stops working at once', async () => {
    const server = await app();
    const created = await server.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer.admin,
      payload: { name: `${prefix}-ana`, role: 'editor' },
    });
    expect(created.statusCode).toBe(201);
    const token = created.json<CreatedToken>();
    expect(token).toMatchObject({ name: `${prefix}-ana`, role: 'editor', createdBy: `${prefix}-admin`, revokedAt: null });
    expect(token.token).toMatch(/^ilk_[A-Za-z0-9_-]{43}$/);

    const stored = await driver.executeQuery('MATCH (t:ApiToken {id: $id}) RETURN t {.*} AS t', { id: token.id }, connection);
    const properties = stored.records[0]?.get('t') as Record<string, unknown>;
    expect(JSON.stringify(properties)).not.toContain(token.token);
    expect(properties.hash).toMatch(/^[0-9a-f]{64}$/);

    const listed = (await server.inject({ url: '/api/tokens', headers: bearer.admin })).json<{ tokens: TokenInfo[] }>();
    const entry = listed.tokens.find((t) => t.id === token.id);
    expect(entry).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(token.token);
    expect(JSON.stringify(listed)).not.toContain(String(properties.hash));

    const signedIn = { authorization: `Bearer ${token.token}` };
    expect((await server.inject({ url: '/api/access', headers: signedIn })).json()).toMatchObject({ role: 'editor' });
    const revoked = await server.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: bearer.admin });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<TokenInfo>().revokedAt).not.toBeNull();
    expect((await server.inject({ url: '/api/access', headers: signedIn })).statusCode).toBe(401);

    const editorTries = await server.inject({ url: '/api/tokens', headers: bearer.editor });
    expect(editorTries.statusCode).toBe(403);
    const unknown = await server.inject({ method: 'DELETE', url: '/api/tokens/tok_00000000000000ff', headers: bearer.admin });
    expect(unknown.statusCode).toBe(404);
  });

  it('accepts INTERLOCK_ADMIN_TOKEN as an admin without storing it', async () => {
    const server = await app();
    const response = await server.inject({ url: '/api/access', headers: asAdmin });
    expect(response.json()).toMatchObject({ role: 'admin', canManageTokens: true });
  });
});

describe('tokens from the command line', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)('node', ['--import', 'tsx', 'server/cli.ts', 'token', ...args], {
      env: { ...process.env, NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password },
    });

  it('creates a token that the API accepts, lists it, and revokes it', async () => {
    const created = await cli('create', '--name', `${prefix}-cli`, '--role', 'reader');
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^ilk_/);
    const server = await app();
    expect((await server.inject({ url: '/api/access', headers: { authorization: `Bearer ${secret}` } })).json()).toMatchObject({
      role: 'reader',
      name: `${prefix}-cli`,
    });

    const listed = JSON.parse((await cli('list', '--json')).stdout) as TokenInfo[];
    const entry = listed.find((t) => t.name === `${prefix}-cli`);
    expect(entry).toMatchObject({ role: 'reader', revokedAt: null, createdBy: expect.stringMatching(/^cli:/) });

    await cli('revoke', entry?.id ?? '');
    const fresh = await app();
    expect((await fresh.inject({ url: '/api/access', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
    await expect(cli('create', '--name', 'x', '--role', 'owner')).rejects.toThrow(/--role: must be reader, editor or admin/);
  }, 120_000);
});

describe('requests from where they should not come', () => {
  let server: FastifyInstance;
  beforeAll(async () => {
    server = await app({ security: { hostNames: ['localhost', '127.0.0.1', 'maps.example.org'] } });
  });

  it('answers only to its configured host names (no DNS rebinding)', async () => {
    const rebound = await server.inject({ url: '/api/search?q=ice', headers: { host: 'attacker.example:8080' } });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json().error.code).toBe('unknown_host');
    expect((await server.inject({ url: '/api/search?q=ice', headers: { host: 'maps.example.org' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/search?q=ice', headers: { host: '127.0.0.1:8187' } })).statusCode).toBe(200);
  });

  it('refuses a write posted by a form or from another site, even with a valid token', async () => {
    const post = (headers: Record<string, string>, payload = '{}') =>
      server.inject({ method: 'POST', url: '/api/tokens', headers: { ...bearer.admin, ...headers }, payload });
    const form = await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'name=x&role=admin');
    expect(form.statusCode).toBe(415);
    expect((await post({ 'content-type': 'text/plain' }, '{"name":"x","role":"admin"}')).statusCode).toBe(415);
    const foreign = await post({ 'content-type': 'application/json', origin: 'https://attacker.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('cross_site_write');
    expect((await post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // The page itself (same origin) gets through to validation.
    const own = await post({
      'content-type': 'application/json',
      origin: 'http://localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.statusCode).toBe(400);
  });
});

describe('security headers and CORS', () => {
  it('sends a content-security policy and the usual headers on the API and the page', async () => {
    const server = await app({ webRoot: null });
    const response = await server.inject('/api/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const docs = await server.inject('/docs/json');
    expect(docs.headers['content-security-policy']).toBeDefined();
  });

  it('allows cross-origin reads only from the configured origins', async () => {
    const server = await app({ security: { corsOrigins: ['https://newsroom.example'] } });
    const allowed = await server.inject({ url: '/api/search?q=ice', headers: { origin: 'https://newsroom.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    const other = await server.inject({ url: '/api/search?q=ice', headers: { origin: 'https://attacker.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await server.inject({
      method: 'OPTIONS',
      url: '/api/import',
      headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
  });
});
