/** The access decisions, host and cross-site checks, configuration and the guarded driver, without a server. */
import type { Driver, Session } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { guardDriver, writeOutcomeOf } from '../../server/db/guarded-driver.js';
import { bearerToken, decide, requiredAccess } from '../../server/security/access-rules.js';
import { withFrameAncestors } from '../../server/security/embedding.js';
import { hostNamesFor, securityFromConfig } from '../../server/security/options.js';
import { checkHost, checkWriteOrigin, hostNameOf } from '../../server/security/request-checks.js';
import { hashSecret, newSecret, sameSecret } from '../../server/security/tokens.js';

describe('what a route needs', () => {
  it('defaults by method, so an unknown write route needs an editor', () => {
    expect(requiredAccess('GET', '/api/anything')).toBe('reader');
    expect(requiredAccess('HEAD', '/api/anything')).toBe('reader');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(requiredAccess(method, '/api/new-thing/:id')).toBe('editor');
    expect(requiredAccess('POST', '/somewhere-else')).toBe('editor');
    expect(requiredAccess('GET', '/')).toBe('public');
    expect(requiredAccess('GET', '/docs/json')).toBe('public');
    expect(requiredAccess('POST', '/api/tokens', 'admin')).toBe('admin');
  });
});

describe('the decision', () => {
  const open = { publicReadonly: false, readsOpen: true };
  const closed = { publicReadonly: false, readsOpen: false };
  const readonly = { publicReadonly: true, readsOpen: true };

  it('lets anyone read when reads are open, and asks for a token when they are not', () => {
    expect(decide('GET', 'reader', { role: null }, open)).toEqual({ allowed: true });
    expect(decide('GET', 'reader', { role: null }, closed)).toMatchObject({ allowed: false, status: 401 });
    expect(decide('GET', 'reader', { role: 'reader' }, closed)).toEqual({ allowed: true });
  });

  it('orders the roles: reader < editor < admin', () => {
    expect(decide('POST', 'editor', { role: 'reader' }, open)).toMatchObject({ status: 403, code: 'forbidden' });
    expect(decide('POST', 'editor', { role: 'editor' }, open)).toEqual({ allowed: true });
    expect(decide('POST', 'admin', { role: 'editor' }, open)).toMatchObject({ status: 403 });
    expect(decide('POST', 'editor', { role: 'admin' }, open)).toEqual({ allowed: true });
    expect(decide('POST', 'editor', { role: null }, open)).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses every write in public read-only mode, even for an admin', () => {
    expect(decide('DELETE', 'admin', { role: 'admin' }, readonly)).toMatchObject({ status: 403, code: 'read_only' });
    expect(decide('GET', 'reader', { role: null }, readonly)).toEqual({ allowed: true });
  });

  it('reads the Bearer scheme only', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer ilk_abc')).toBe('ilk_abc');
    expect(bearerToken('bearer ilk_abc')).toBe('ilk_abc');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
  });
});

describe('host and cross-site checks', () => {
  it('compares host names without the port', () => {
    expect(hostNameOf('LocalHost:8080')).toBe('localhost');
    expect(hostNameOf('[::1]:8080')).toBe('[::1]');
    expect(checkHost('localhost:8187', ['localhost'])).toBeNull();
    expect(checkHost('rebound.attacker.example', ['localhost'])).toMatchObject({ status: 421 });
    expect(checkHost(undefined, ['localhost'])).toMatchObject({ status: 421 });
    expect(checkHost('anything', null)).toBeNull();
  });

  it('refuses form content types and other sites, but not scripts or the page itself', () => {
    const base = { origin: undefined, secFetchSite: undefined, host: 'maps.example.org', scheme: 'https' };
    expect(checkWriteOrigin({ ...base, contentType: 'multipart/form-data; boundary=x' }, [])).toMatchObject({ status: 415 });
    expect(checkWriteOrigin({ ...base, contentType: 'application/json' }, [])).toBeNull();
    expect(checkWriteOrigin({ ...base, contentType: 'application/json', origin: 'https://maps.example.org' }, [])).toBeNull();
    expect(checkWriteOrigin({ ...base, contentType: 'application/json', origin: 'null' }, [])).toMatchObject({ status: 403 });
    expect(checkWriteOrigin({ ...base, contentType: 'application/json', origin: 'https://evil.example' }, [])).toMatchObject({
      code: 'cross_site_write',
    });
    expect(
      checkWriteOrigin({ ...base, contentType: 'application/json', origin: 'https://newsroom.example' }, [
        'https://newsroom.example',
      ]),
    ).toBeNull();
    expect(checkWriteOrigin({ ...base, contentType: undefined, secFetchSite: 'same-site' }, [])).toMatchObject({ status: 403 });
  });

  it('compares the scheme too: https on our http host and port is another site', () => {
    const local = { contentType: 'application/json', secFetchSite: undefined, host: '127.0.0.1:8080', scheme: 'http' };
    expect(checkWriteOrigin({ ...local, origin: 'http://127.0.0.1:8080' }, [])).toBeNull();
    expect(checkWriteOrigin({ ...local, origin: 'https://127.0.0.1:8080' }, [])).toMatchObject({ code: 'cross_site_write' });
    expect(checkWriteOrigin({ ...local, host: 'localhost', origin: 'http://localhost:80' }, [])).toBeNull();
  });
});

describe('configuration', () => {
  it('opens reads by default only on loopback, and checks hosts by default only there', () => {
    const local = securityFromConfig(loadConfig({}));
    expect(local.readsOpen).toBe(true);
    expect(local.hostNames).toContain('localhost');
    const exposed = securityFromConfig(loadConfig({ HOST: '0.0.0.0' }));
    expect(exposed.readsOpen).toBe(false);
    expect(exposed.hostNames).toBeNull();
    expect(securityFromConfig(loadConfig({ HOST: '0.0.0.0', INTERLOCK_READS_OPEN: '1' })).readsOpen).toBe(true);
    expect(securityFromConfig(loadConfig({ HOST: '0.0.0.0', INTERLOCK_PUBLIC_READONLY: '1' })).readsOpen).toBe(true);
    expect(hostNamesFor({ HOST: '0.0.0.0', INTERLOCK_HOSTNAMES: ['Maps.Example.org'] })).toContain('maps.example.org');
  });

  it('reads limits and lists, and names a bad variable', () => {
    const s = securityFromConfig(
      loadConfig({
        INTERLOCK_RATE_LIMIT_READS: '0',
        INTERLOCK_IMPORT_MAX_MB: '2',
        INTERLOCK_CORS_ORIGINS: 'https://a.example, https://b.example',
      }),
    );
    expect(s.rateLimits.reads).toBe(0);
    expect(s.importBodyLimitBytes).toBe(2 * 1024 * 1024);
    expect(s.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(() => loadConfig({ INTERLOCK_ADMIN_TOKEN: 'short' })).toThrow(/INTERLOCK_ADMIN_TOKEN/);
    expect(() => loadConfig({ INTERLOCK_QUERY_TIMEOUT_MS: 'soon' })).toThrow(/INTERLOCK_QUERY_TIMEOUT_MS/);
  });
});

describe('who may frame published maps (INTERLOCK_EMBED_ORIGINS)', () => {
  it('lets any origin by default, none with "none", and the origins listed', () => {
    expect(securityFromConfig(loadConfig({})).embedOrigins).toEqual(['*']);
    expect(securityFromConfig(loadConfig({ INTERLOCK_EMBED_ORIGINS: 'none' })).embedOrigins).toEqual([]);
    expect(
      securityFromConfig(loadConfig({ INTERLOCK_EMBED_ORIGINS: 'https://News.Example.org/, https://*.example.net:8443' }))
        .embedOrigins,
    ).toEqual(['https://news.example.org', 'https://*.example.net:8443']);
    expect(() => loadConfig({ INTERLOCK_EMBED_ORIGINS: "https://a.example, 'unsafe-inline'" })).toThrow(
      /INTERLOCK_EMBED_ORIGINS/,
    );
    expect(() => loadConfig({ INTERLOCK_EMBED_ORIGINS: 'javascript:alert(1)' })).toThrow(/INTERLOCK_EMBED_ORIGINS/);
  });

  it('replaces only the frame-ancestors directive of a policy', () => {
    const policy = "default-src 'self';script-src 'self';frame-ancestors 'none';upgrade-insecure-requests";
    expect(withFrameAncestors(policy, ['https://a.example', '*'])).toBe(
      "default-src 'self';script-src 'self';upgrade-insecure-requests;frame-ancestors https://a.example *",
    );
    expect(withFrameAncestors(policy, [])).toContain("frame-ancestors 'none'");
  });
});

describe('token secrets', () => {
  it('are random, prefixed, and compared by hash', () => {
    const a = newSecret();
    expect(a).toMatch(/^ilk_[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
    expect(hashSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(sameSecret(a, a)).toBe(true);
    expect(sameSecret(`${a}x`, a)).toBe(false);
  });
});

describe('the guarded driver', () => {
  function fakeDriver(commit: 'ok' | 'fails-in-work' | 'fails-at-commit', seen: unknown[]): Driver {
    const session = {
      executeWrite: async (work: (tx: unknown) => Promise<unknown>, config: unknown) => {
        seen.push(config);
        if (commit === 'fails-in-work') throw new Neo4jError('gone', 'ServiceUnavailable', '', '');
        const result = await work({});
        if (commit === 'fails-at-commit') throw new Neo4jError('gone', 'ServiceUnavailable', '', '');
        return result;
      },
      executeRead: async (_work: unknown, config: unknown) => seen.push(config),
      run: async () => undefined,
      beginTransaction: async () => undefined,
    } as unknown as Session;
    return { session: () => session, close: async () => undefined } as unknown as Driver;
  }

  it('gives every transaction the time cap unless the caller set its own', async () => {
    const seen: unknown[] = [];
    const driver = guardDriver(fakeDriver('ok', seen), 1500);
    await driver.session().executeRead(async () => 1);
    await driver.session().executeWrite(async () => 1, { timeout: 99 });
    expect(seen).toEqual([{ timeout: 1500 }, { timeout: 99 }]);
  });

  it('marks a failed write as not applied before its work returned, and unknown after', async () => {
    const failing = async (mode: 'fails-in-work' | 'fails-at-commit') => {
      const driver = guardDriver(fakeDriver(mode, []), 1000);
      return driver
        .session()
        .executeWrite(async () => 1)
        .catch((error: unknown) => writeOutcomeOf(error));
    };
    expect(await failing('fails-in-work')).toBe('not_applied');
    expect(await failing('fails-at-commit')).toBe('unknown');
  });
});
