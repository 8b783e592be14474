/**
 * The database itself, not only the API, refuses strangers. The embedded Neo4j's Bolt port also speaks
 * WebSocket: before authentication was on, a page from any site open in the user's browser could connect,
 * say HELLO with no credentials and write an admin API token of its own, bypassing tokens, read-only mode
 * and the audit trail. Any local process could do the same with a driver. These tests make those attacks.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/helpers/browser.js';
import { buildTestApp } from '../setup/app.js';
import { testConnection, testDriver } from '../setup/connection.js';
import { serveAttackPage, type BoltAttemptResult } from './helpers/bolt-attack-page.js';

const { uri, password, database } = testConnection();
const boltPort = Number(new URL(uri.replace(/^[a-z+]+:/, 'http:')).port);

async function refusal(auth: ReturnType<typeof neo4j.auth.basic> | undefined): Promise<string | null> {
  const driver = auth ? neo4j.driver(uri, auth) : neo4j.driver(uri);
  try {
    await driver.executeQuery("CREATE (:AttackProbe {id: 'driver'})", {}, { database });
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await driver.close();
  }
}

async function count(query: string, params: Record<string, unknown> = {}): Promise<number> {
  const driver = testDriver();
  try {
    const { records } = await driver.executeQuery(query, params, { database });
    return Number(records[0]?.get(0));
  } finally {
    await driver.close();
  }
}

describe.skipIf(process.env.NEO4J_URI !== undefined)('the embedded Neo4j', () => {
  it('refuses a driver with no credentials, the default password or a wrong one', async () => {
    expect(await refusal(undefined)).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await refusal(neo4j.auth.basic('neo4j', 'neo4j'))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await refusal(neo4j.auth.basic('neo4j', `${password}x`))).toBe('Neo.ClientError.Security.Unauthorized');
    expect(await count("MATCH (p:AttackProbe {id: 'driver'}) RETURN count(p)")).toBe(0);
    // The password of the data folder opens it (the suite itself connects this way).
    expect(await refusal(neo4j.auth.basic('neo4j', password))).toBeNull();
    await testDriver()
      .executeQuery("MATCH (p:AttackProbe {id: 'driver'}) DELETE p", {}, { database })
      .then((r) => r.summary.counters.updates().nodesDeleted);
  });

  describe('a page from another site in the browser', () => {
    const secret = 'ilk_attacker-made-this-token-for-itself-0000';
    const attack =
      `CREATE (:ApiToken {id: 'tok_attacker', name: 'attacker', role: 'admin', createdAt: '2020-01-01', ` +
      `createdBy: 'attacker', hash: '${createHash('sha256').update(secret).digest('hex')}'})`;
    let browser: Browser;
    let results: BoltAttemptResult[];

    beforeAll(async () => {
      browser = await launchBrowser();
      const site = await serveAttackPage(boltPort, attack, [
        { scheme: 'none' },
        { scheme: 'basic', principal: 'neo4j', credentials: 'neo4j' },
        { scheme: 'basic', principal: 'neo4j', credentials: '' },
      ]);
      try {
        const page = await browser.newPage();
        await page.goto(site.url);
        await page.waitForFunction(() => (globalThis as unknown as { __boltAttack?: unknown }).__boltAttack !== undefined, null, {
          timeout: 45_000,
        });
        results = await page.evaluate(() => (globalThis as unknown as { __boltAttack: BoltAttemptResult[] }).__boltAttack);
      } finally {
        await site.close();
      }
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('reaches the Bolt port over WebSocket, but every HELLO is refused and nothing runs', () => {
      expect(results).toHaveLength(3);
      for (const result of results) {
        // The channel itself works: the handshake agreed on a version, so the attack really was tried.
        expect(result.agreedVersion, JSON.stringify(result)).toMatch(/^\d+\.\d+$/);
        expect(result.messages[0], JSON.stringify(result)).toEqual({
          kind: 'FAILURE',
          code: 'Neo.ClientError.Security.Unauthorized',
        });
        expect(result.messages.map((m) => m.kind)).not.toContain('SUCCESS');
        expect(result.messages.map((m) => m.kind)).not.toContain('RECORD');
      }
    });

    it('wrote nothing: no token of its own, and the API does not know its secret', async () => {
      expect(await count("MATCH (t:ApiToken {id: 'tok_attacker'}) RETURN count(t)")).toBe(0);
      const app = await buildTestApp({ signedIn: false });
      try {
        const response = await app.inject({ url: '/api/tokens', headers: { authorization: `Bearer ${secret}` } });
        expect(response.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    });
  });
});
