/**
 * `npm start`: read the configuration, open the database (an embedded Neo4j unless NEO4J_URI points
 * elsewhere, kept running by a supervisor), apply the schema, settle imports a crash left unfinished,
 * load the seed story, serve the API and the page, and on SIGINT/SIGTERM stop everything it started.
 */
import open from 'open';
import { buildApp } from './app.js';
import { newLocalToken, removeAppLock, writeAppLock } from './app-lock.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { EmbeddedNeo4jError } from './neo4j/embedded.js';
import { firstAdminToken, signInUrl } from './security/first-admin.js';
import { securityFromConfig } from './security/options.js';
import { warmUp } from './warm-up.js';
import { applySchema } from './services/schema-migration.js';
import { describeSeed, loadSeed } from './services/seed.js';
import { recoverUnfinishedImports, STALE_AFTER_MS } from './services/imports/recovery.js';

const SHUTDOWN_GRACE_MS = 30_000;
const say = (message: string) => console.log(`[interlock] ${message}`);

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let db: Database | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let stopping = false;
  let oneTimeToken: string | null = null;
  let port = config.PORT;
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: shutting down...`);
    // In-flight requests finish first (app.close waits for them; new ones get 503), then the driver and
    // the embedded Neo4j close. A request stuck longer than the query cap allows is not waited for.
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([app?.close().catch(() => undefined), grace]);
    await removeAppLock(config.INTERLOCK_DATA_DIR).catch(() => undefined);
    await db?.close().catch(() => undefined);
    say('Stopped.');
    process.exit(exitCode);
  };
  // Registered before the database starts, so Ctrl-C during start-up still stops the JVM.
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  // `npm start` does not always pass SIGTERM on to us: when whatever started us is gone, stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('parent process exited', 0);
  }, 1000).unref();

  try {
    db = await openDatabase(config, { log: say });
    say(`Schema applied (${await applySchema(db.driver, db.database)} statements).`);
    // Before serving: a half-written import must not be seen. An embedded Neo4j was just started by us,
    // so nothing can still be writing to it; a shared one may be in the middle of another replica's import.
    await recoverUnfinishedImports(db.driver, db.database, { log: say, staleAfterMs: db.embedded ? 0 : STALE_AFTER_MS });
    if (config.INTERLOCK_SEED) {
      say(describeSeed(await loadSeed(db.driver, db.database)));
    }
    // The CLI of the same user imports through this app with this token (app-lock.ts).
    const localToken = newLocalToken();
    const security = { ...securityFromConfig(config), localToken };
    if (security.hostNames === null && !config.INTERLOCK_HOSTNAMES?.includes('*')) {
      say(`Warning: listening on ${config.HOST} without INTERLOCK_HOSTNAMES; the Host header is not checked.`);
    }
    oneTimeToken = await firstAdminToken(db.driver, db.database, { adminTokenSet: security.adminToken !== undefined });
    app = await buildApp({
      driver: db.driver,
      database: db.database,
      logger: { level: config.LOG_LEVEL },
      security,
      responses: config.INTERLOCK_CHECK_RESPONSES ? 'checked' : 'direct',
      databaseState: () => db?.state() ?? 'restarting',
    });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : config.PORT;
    await writeAppLock(config.INTERLOCK_DATA_DIR, {
      pid: process.pid,
      url: listeningUrl(config.HOST, port),
      token: localToken.secret,
      startedAt: new Date(started).toISOString(),
    });
    // Imports a process (another replica, or this one before the database went away) left half-written.
    const open = db;
    setInterval(() => {
      if (open.state() !== 'running') return;
      recoverUnfinishedImports(open.driver, open.database, { log: say, staleAfterMs: STALE_AFTER_MS, quiet: true }).catch(
        () => undefined,
      );
    }, 60_000).unref();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    throw error;
  }

  const url = listeningUrl(config.HOST, port);
  say(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  say(`Explorer: ${url}`);
  say(`API docs: ${url}docs`);
  if (oneTimeToken) {
    say('First start: created an admin token. It is shown this once; keep it somewhere safe:');
    say(`  ${oneTimeToken}`);
    say(`Open this address to sign in as admin: ${signInUrl(url, oneTimeToken)}`);
    say('More tokens: npm run cli -- token create --name <who> --role reader|editor|admin');
  }
  say('Press Ctrl-C to stop.');
  // Keep the stored conflict findings current (services/findings/): now, after every write, and every
  // 10 s for changes other processes made.
  app?.findings.maintainer.watch(10_000);
  // And the queries a first reader or editor would otherwise wait for Neo4j to plan (warm-up.ts).
  if (app) void warmUp(app, (what, error) => app.log.warn({ err: error }, what));
  if (config.INTERLOCK_OPEN_BROWSER && process.stdout.isTTY && !process.env.CI) {
    open(oneTimeToken ? signInUrl(url, oneTimeToken) : url).catch(() => undefined);
  }
}

function listeningUrl(listenHost: string, port: number): string {
  const host = listenHost === '0.0.0.0' || listenHost === '::' ? 'localhost' : listenHost;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedNeo4jError) {
    console.error(`[interlock] ${error.message}`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`[interlock] HTTP port already in use (${error.message}). Set PORT to a free port.`);
  } else {
    console.error('[interlock] Failed to start:', error);
  }
  process.exit(1);
});
