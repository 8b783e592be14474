/**
 * API tokens: 32 random bytes shown once, stored as their SHA-256 in `:ApiToken` nodes. A plain hash
 * (rather than a slow password hash) suffices because the secret has 256 bits of entropy: there is no
 * dictionary to try, and every request can be checked with one indexed lookup.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { CreatedToken, Role, TokenInfo } from '../../schemas/index.js';
import { cypher } from '../db/cypher-files.js';

/** Prefix that makes a leaked Interlock token recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'ilk_';

export interface TokenHolder {
  id: string;
  name: string;
  role: Role;
}

export function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented secret with a known one (the INTERLOCK_ADMIN_TOKEN). */
export function sameSecret(presented: string, known: string): boolean {
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(hashSecret(known), 'hex');
  return timingSafeEqual(a, b);
}

export async function createToken(
  driver: Driver,
  database: string,
  request: { name: string; role: Role; createdBy: string },
): Promise<CreatedToken> {
  const secret = newSecret();
  const token = {
    id: `tok_${randomBytes(8).toString('hex')}`,
    name: request.name,
    role: request.role,
    hash: hashSecret(secret),
    createdAt: new Date().toISOString(),
    createdBy: request.createdBy,
  };
  const { records } = await driver.executeQuery(cypher('queries/token-create'), { token }, { database });
  return { ...(records[0]?.get('token') as TokenInfo), token: secret };
}

export async function listTokens(driver: Driver, database: string): Promise<TokenInfo[]> {
  const { records } = await driver.executeQuery(cypher('queries/token-list'), {}, { database, routing: 'READ' });
  return records.map((r) => r.get('token') as TokenInfo);
}

/** Revokes a token; null when there is no token with that id. Revoking twice keeps the first date. */
export async function revokeToken(driver: Driver, database: string, id: string): Promise<TokenInfo | null> {
  const { records } = await driver.executeQuery(
    cypher('queries/token-revoke'),
    { id, at: new Date().toISOString() },
    { database },
  );
  return (records[0]?.get('token') as TokenInfo | undefined) ?? null;
}

export async function countLiveTokens(driver: Driver, database: string): Promise<number> {
  const { records } = await driver.executeQuery(cypher('queries/token-count-live'), {}, { database, routing: 'READ' });
  return Number(records[0]?.get('live') ?? 0);
}

/**
 * Finds the holder of a secret. Answers are cached for a few seconds so a busy page does not add a
 * database round trip to every request; a revocation made through this process clears the cache at
 * once, one made elsewhere (the CLI) takes effect within `ttlMs`.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, { holder: TokenHolder | null; until: number }>();

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly options: {
      adminToken?: string | undefined;
      localToken?: { secret: string; holder: string } | undefined;
      ttlMs?: number;
      timeoutMs?: number;
    } = {},
  ) {}

  async verify(secret: string): Promise<TokenHolder | null> {
    const { adminToken } = this.options;
    if (adminToken !== undefined && sameSecret(secret, adminToken)) {
      return { id: 'env', name: 'admin (INTERLOCK_ADMIN_TOKEN)', role: 'admin' };
    }
    const local = this.options.localToken;
    if (local !== undefined && sameSecret(secret, local.secret)) return { id: 'local', name: local.holder, role: 'editor' };
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
    const hash = hashSecret(secret);
    const cached = this.cache.get(hash);
    if (cached && cached.until > Date.now()) return cached.holder;
    const { records } = await this.driver.executeQuery(
      cypher('queries/token-by-hash'),
      { hash },
      { database: this.database, routing: 'READ', transactionConfig: { timeout: this.options.timeoutMs ?? 5_000 } },
    );
    const holder = (records[0]?.get('token') as TokenHolder | undefined) ?? null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { holder, until: Date.now() + (this.options.ttlMs ?? 10_000) });
    return holder;
  }

  forget(): void {
    this.cache.clear();
  }
}
