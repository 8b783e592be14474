/** Configuration from the environment, checked once at boot with a message naming the bad variable. */
import { z } from 'zod';
import { BooleanFlag } from '../schemas/common.js';
import { MEMORY_SIZE } from './neo4j/embedded.js';
import { EMBED_ORIGIN } from './security/embedding.js';

const Port = z.coerce.number().int().min(0).max(65535);
/** Requests per minute per client; 0 turns the limit off. */
const Count = z.coerce.number().int().min(0);
const CommaList = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
);
const MemorySize = z.string().regex(MEMORY_SIZE, 'must be a size such as 512m or 2g');

const Env = z.object({
  PORT: Port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  INTERLOCK_DATA_DIR: z.string().min(1).default('./data'),
  INTERLOCK_OPEN_BROWSER: BooleanFlag.default(true),
  INTERLOCK_SEED: BooleanFlag.default(true).describe('load the Colorado seed story at start (idempotent)'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_EMBEDDED_BOLT_PORT: Port.default(7687),
  // Memory of the embedded Neo4j: heap (transactions, queries) and page cache (the store).
  INTERLOCK_NEO4J_HEAP: MemorySize.default('1g'),
  INTERLOCK_NEO4J_PAGECACHE: MemorySize.default('256m'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  // Access and limits (server/security/options.ts turns these into what the plugins use).
  INTERLOCK_ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  INTERLOCK_PUBLIC_READONLY: BooleanFlag.default(false),
  INTERLOCK_READS_OPEN: BooleanFlag.optional().describe('default: open when HOST is a loopback address'),
  INTERLOCK_HOSTNAMES: CommaList.optional(),
  INTERLOCK_CORS_ORIGINS: CommaList.optional(),
  /** Who may frame published share pages: origins, `*` (any: the default) or `none`. */
  INTERLOCK_EMBED_ORIGINS: CommaList.pipe(
    z.array(
      z.string().refine((o) => o.toLowerCase() === 'none' || EMBED_ORIGIN.test(o.toLowerCase().replace(/\/$/, '')), {
        message: 'each entry must be an origin such as https://news.example.org, https://*.example.org, * or none',
      }),
    ),
  ).optional(),
  INTERLOCK_RATE_LIMIT_READS: Count.default(600),
  INTERLOCK_RATE_LIMIT_WRITES: Count.default(60),
  INTERLOCK_RATE_LIMIT_IMPORTS: Count.default(10),
  INTERLOCK_IMPORT_MAX_MB: z.coerce.number().positive().max(4096).default(256),
  INTERLOCK_TRUST_PROXY: BooleanFlag.default(false),
  /** Check every response against its schema (as the tests do) instead of only stringifying it. */
  INTERLOCK_CHECK_RESPONSES: BooleanFlag.default(false),
  INTERLOCK_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** Whole-graph questions (all conflicts, all duplicates) answered at once; one more gets 503 busy. */
  INTERLOCK_HEAVY_READS: z.coerce.number().int().min(1).max(64).default(2),
});
export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set" (a blank line in an env file should not override a default).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
