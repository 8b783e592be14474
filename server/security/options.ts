/**
 * What the access and limit plugins need, derived once from the configuration. `buildApp` takes this
 * object (tests build it by hand); `main.ts` builds it from the environment with `securityFromConfig`.
 */
import type { Config } from '../config.js';
import { embedOriginsFrom } from './embedding.js';

export interface RateLimits {
  /** Requests per minute per client for GET/HEAD; 0 = no limit. */
  reads: number;
  /** Requests per minute per client for other methods, imports excepted; 0 = no limit. */
  writes: number;
  /** Imports per minute per client; 0 = no limit. */
  imports: number;
}

export interface SecurityOptions {
  /** Anyone may read, and nothing may be written, whatever the token (INTERLOCK_PUBLIC_READONLY). */
  publicReadonly: boolean;
  /** Reads need no token (INTERLOCK_READS_OPEN; by default when the server listens on loopback only). */
  readsOpen: boolean;
  /** An admin token set from outside (INTERLOCK_ADMIN_TOKEN), checked in memory, never stored. */
  adminToken?: string | undefined;
  /**
   * The running app's own editor token for the CLI on the same machine (app-lock.ts): made at start,
   * kept in memory and in the owner-only lock file of the data folder, gone when the app stops.
   */
  localToken?: { secret: string; holder: string } | undefined;
  /** Host header values accepted (lower-case, without port); null accepts any. */
  hostNames: readonly string[] | null;
  /** Origins allowed by CORS (and allowed to write cross-origin); empty = CORS off. */
  corsOrigins: readonly string[];
  /** frame-ancestors sources of published share pages (`*` = any origin; empty = none). Nothing else may be framed. */
  embedOrigins: readonly string[];
  rateLimits: RateLimits;
  importBodyLimitBytes: number;
  /** Every transaction is cancelled by Neo4j after this long. */
  queryTimeoutMs: number;
  /** Take the client address from X-Forwarded-For (set when a reverse proxy is in front). */
  trustProxy: boolean;
  /** Whole-graph questions answered at once (INTERLOCK_HEAVY_READS); one more gets 503 busy. */
  heavyReads: number;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.includes(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Host names the server answers to. Configured names win; on loopback the loopback names; on any other
 * interface without INTERLOCK_HOSTNAMES, no check (main warns at start), since we cannot guess the
 * public name.
 */
export function hostNamesFor(config: Pick<Config, 'HOST' | 'INTERLOCK_HOSTNAMES'>): string[] | null {
  const configured = config.INTERLOCK_HOSTNAMES;
  if (configured && configured.includes('*')) return null;
  if (configured && configured.length > 0) return [...new Set([...configured.map((h) => h.toLowerCase()), ...LOOPBACK_NAMES])];
  if (isLoopbackHost(config.HOST)) return [...new Set([...LOOPBACK_NAMES, config.HOST.toLowerCase()])];
  return null;
}

export function securityFromConfig(config: Config): SecurityOptions {
  return {
    publicReadonly: config.INTERLOCK_PUBLIC_READONLY,
    readsOpen: config.INTERLOCK_PUBLIC_READONLY || (config.INTERLOCK_READS_OPEN ?? isLoopbackHost(config.HOST)),
    adminToken: config.INTERLOCK_ADMIN_TOKEN,
    hostNames: hostNamesFor(config),
    corsOrigins: config.INTERLOCK_CORS_ORIGINS ?? [],
    embedOrigins: embedOriginsFrom(config.INTERLOCK_EMBED_ORIGINS),
    rateLimits: {
      reads: config.INTERLOCK_RATE_LIMIT_READS,
      writes: config.INTERLOCK_RATE_LIMIT_WRITES,
      imports: config.INTERLOCK_RATE_LIMIT_IMPORTS,
    },
    importBodyLimitBytes: Math.round(config.INTERLOCK_IMPORT_MAX_MB * 1024 * 1024),
    queryTimeoutMs: config.INTERLOCK_QUERY_TIMEOUT_MS,
    trustProxy: config.INTERLOCK_TRUST_PROXY,
    heavyReads: config.INTERLOCK_HEAVY_READS,
  };
}

/** Secure defaults for an app built without options: reads open (as on loopback), writes need a token. */
export const DEFAULT_SECURITY: SecurityOptions = {
  publicReadonly: false,
  readsOpen: true,
  hostNames: [...LOOPBACK_NAMES],
  corsOrigins: [],
  embedOrigins: ['*'],
  rateLimits: { reads: 600, writes: 60, imports: 10 },
  importBodyLimitBytes: 256 * 1024 * 1024,
  queryTimeoutMs: 20_000,
  trustProxy: false,
  heavyReads: 2,
};
