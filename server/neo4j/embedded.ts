/**
 * Embedded Neo4j launcher: runs Neo4j 5.26 Community in a child JVM (neo4j-embedded/, built with Maven)
 * so Interlock works without Docker or a Neo4j install. Only needs Java 17+ and Maven on PATH.
 *
 * Protocol with the JVM (see EmbeddedNeo4j.java): it prints `INTERLOCK_NEO4J_READY <uri> <version>` on
 * stdout, or `INTERLOCK_NEO4J_ERROR <kind> <detail>` on stderr; it exits cleanly on SIGTERM and when its
 * stdin closes, so if this Node process dies for any reason the JVM follows. Authentication is always on:
 * the password lives in the data folder (see credentials.ts) and the JVM reads it from there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { embeddedCredentials, passwordFileOf, type Neo4jCredentials } from './credentials.js';
import { settleInterruptedBulkLoad } from './offline-importer.js';

// This file is server/neo4j/embedded.ts, so the repository root is two levels up (cwd-independent).
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULE_DIR = path.join(REPO_ROOT, 'neo4j-embedded');
const POM = path.join(MODULE_DIR, 'pom.xml');
const SOURCE = path.join(MODULE_DIR, 'src', 'main', 'java', 'org', 'interlock', 'embedded', 'EmbeddedNeo4j.java');
const CLASSES_DIR = path.join(MODULE_DIR, 'target', 'classes');
const LIB_DIR = path.join(MODULE_DIR, 'target', 'lib');
const MAIN_CLASS = 'org.interlock.embedded.EmbeddedNeo4j';
const MAIN_CLASS_FILE = path.join(CLASSES_DIR, 'org', 'interlock', 'embedded', 'EmbeddedNeo4j.class');
/** Written after a successful build; holds a hash of pom.xml + the Java source to detect stale builds. */
const STAMP = path.join(LIB_DIR, '.interlock-build-stamp');
const MIN_JAVA = 17;

export const EMBEDDED_MVN_ARGS = ['-B', '-f', POM, 'package', '-DskipTests'] as const;

const JVM_ARGS = [
  '-XX:-OmitStackTraceInFastThrow',
  '-Dfile.encoding=UTF-8',
  '-Dlog4j2.disable.jmx=true',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // Same opens as Neo4j's own launcher: Netty and the page cache use these JDK internals.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export type EmbeddedNeo4jErrorCode =
  'java-missing' | 'maven-missing' | 'resolve-failed' | 'port-in-use' | 'startup-failed' | 'timeout';

export class EmbeddedNeo4jError extends Error {
  readonly code: EmbeddedNeo4jErrorCode;
  constructor(code: EmbeddedNeo4jErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddedNeo4jError';
    this.code = code;
  }
}

export interface EmbeddedNeo4j {
  uri: string;
  version: string;
  pid: number;
  /** User and password of this database (from its data folder). */
  credentials: Neo4jCredentials;
  /** Settles when the JVM exits (after stop(), or unexpectedly). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait up to 30 s, then SIGKILL. Idempotent. */
  stop(): Promise<void>;
}

export interface StartEmbeddedNeo4jOptions {
  dataDir: string;
  boltPort: number;
  boltAddress?: string;
  log?: (msg: string) => void;
  /** Default 120 s. Does not include a first-run Maven resolution. */
  startTimeoutMs?: number;
  /**
   * JVM heap (`-Xmx`), e.g. `1g` (the default). Transaction state lives here: a million-relationship
   * import in batches needs no more, but large conflict queries over such a graph like 2g.
   */
  heap?: string;
  /** Neo4j page cache, e.g. `256m` (the default); ~1g keeps a million-relationship store in memory. */
  pageCache?: string;
}

/** A JVM-style memory size: digits and k, m or g. */
export const MEMORY_SIZE = /^\d+[kmg]$/i;

const ALTERNATIVES = 'Alternatively set NEO4J_URI to use an existing Neo4j 5.26+, or run `docker compose up`.';

function javaBin(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

function mvnBin(): string {
  return process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
}

/** Throws java-missing unless `java -version` runs and reports >= 17. */
function checkJava(): void {
  const res = spawnSync(javaBin(), ['-version'], { encoding: 'utf8' });
  if (res.error) {
    throw new EmbeddedNeo4jError(
      'java-missing',
      `Java was not found (${javaBin()}). The embedded Neo4j needs Java ${MIN_JAVA}+ and Maven: install a JDK ` +
        `${MIN_JAVA} or newer (e.g. \`apt-get install openjdk-17-jdk-headless maven\` or \`brew install openjdk@17 maven\`). ` +
        ALTERNATIVES,
      { cause: res.error },
    );
  }
  // `java -version` prints to stderr: `openjdk version "17.0.15" ...` or `java version "1.8.0_392"`.
  const out = `${res.stderr}\n${res.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= MIN_JAVA)) {
    throw new EmbeddedNeo4jError(
      'java-missing',
      `The embedded Neo4j needs Java ${MIN_JAVA}+, but \`${javaBin()} -version\` reports ` +
        `${m ? m[0] : 'an unknown version'}. Install a JDK ${MIN_JAVA} or newer (and Maven), or point JAVA_HOME at one. ` +
        ALTERNATIVES,
    );
  }
}

function buildHash(): string {
  return createHash('sha256').update(readFileSync(POM)).update(readFileSync(SOURCE)).digest('hex');
}

function isInstalled(): boolean {
  if (!existsSync(MAIN_CLASS_FILE) || !existsSync(STAMP)) return false;
  if (!readdirSync(LIB_DIR).some((f) => f.endsWith('.jar'))) return false;
  return readFileSync(STAMP, 'utf8').trim() === buildHash();
}

let javaChecked = false;
let installing: Promise<void> | undefined;

/**
 * Makes sure neo4j-embedded/target/{classes,lib} exist and match pom.xml + the Java source; on first run
 * (or after either changed) resolves the jars with Maven. Fast when already built.
 */
export function ensureEmbeddedNeo4jInstalled(options: { log?: (msg: string) => void } = {}): Promise<void> {
  // Memoised per process so concurrent callers share one Maven run.
  installing ??= install(options.log ?? ((m) => console.error(m))).finally(() => {
    installing = undefined;
  });
  return installing;
}

async function install(log: (msg: string) => void): Promise<void> {
  if (!javaChecked) {
    checkJava();
    javaChecked = true;
  }
  if (isInstalled()) return;

  log('Resolving Neo4j 5.26 jars from Maven Central with mvn (first run only)...');
  // A stale lib/ could mix two Neo4j versions on the classpath after a pom change.
  await rm(LIB_DIR, { recursive: true, force: true });
  await new Promise<void>((resolve, reject) => {
    // Maven's stdout goes to our stderr: progress is visible without polluting our stdout.
    const child = spawn(mvnBin(), [...EMBEDDED_MVN_ARGS], {
      cwd: MODULE_DIR,
      stdio: ['ignore', process.stderr, process.stderr],
      shell: process.platform === 'win32', // mvn.cmd needs a shell on Windows
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new EmbeddedNeo4jError(
              'maven-missing',
              'Maven (`mvn`) was not found. The embedded Neo4j needs Maven 3.8+ once, to download its jars ' +
                '(e.g. `apt-get install maven` or `brew install maven`). ' +
                ALTERNATIVES,
              { cause: err },
            )
          : new EmbeddedNeo4jError('resolve-failed', `Could not run mvn: ${err.message}`, { cause: err }),
      );
    });
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new EmbeddedNeo4jError(
            'resolve-failed',
            `\`mvn ${EMBEDDED_MVN_ARGS.join(' ')}\` failed (${signal ?? `exit ${code}`}); see its output above. ` +
              'Maven must reach Maven Central (or a mirror configured in ~/.m2/settings.xml). ' +
              ALTERNATIVES,
          ),
        );
    });
  });
  if (!existsSync(MAIN_CLASS_FILE) || !existsSync(LIB_DIR)) {
    throw new EmbeddedNeo4jError('resolve-failed', `mvn succeeded but ${MAIN_CLASS_FILE} or ${LIB_DIR} is missing.`);
  }
  await writeFile(STAMP, `${buildHash()}\n`);
  log('Neo4j jars resolved.');
}

/** Starts Neo4j in a child JVM and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: StartEmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? ((m: string) => console.error(m));
  const address = options.boltAddress ?? '127.0.0.1';
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  await ensureEmbeddedNeo4jInstalled({ log });

  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // A bulk load that did not finish left part of a graph over an empty database: removed before serving it.
  await settleInterruptedBulkLoad(dataDir, log);
  const credentials = await embeddedCredentials(dataDir, { log });
  const pidFile = path.join(dataDir, 'interlock-neo4j.pid');
  await waitForPreviousJvm(pidFile, log);
  const classpath = [CLASSES_DIR, path.join(LIB_DIR, '*')].join(path.delimiter);
  const heap = options.heap ?? '1g';
  const pageCache = options.pageCache ?? '256m';
  for (const size of [heap, pageCache])
    if (!MEMORY_SIZE.test(size)) throw new EmbeddedNeo4jError('startup-failed', `not a memory size: ${size} (e.g. 512m, 2g)`);
  const args = ['-Xms256m', `-Xmx${heap}`, ...JVM_ARGS, '-cp', classpath, MAIN_CLASS, '--data-dir', dataDir];
  args.push('--bolt-address', address, '--bolt-port', String(options.boltPort), '--pagecache', pageCache);
  // The path, not the password: a command line is visible to every local user.
  args.push('--password-file', passwordFileOf(dataDir));

  // stdin stays an open pipe we never write to: its EOF is the JVM's "parent is gone" signal.
  const child = spawn(javaBin(), args, { cwd: MODULE_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  // Synchronous on purpose: no await may come between spawn() and attaching the error/stdout listeners.
  if (child.pid) writeFileSync(pidFile, `${child.pid}\n`);

  const stderrTail: string[] = [];
  let errorLine: string | undefined;
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.startsWith('INTERLOCK_NEO4J_ERROR ')) errorLine ??= line;
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log(`[neo4j] ${line}`);
  });

  const ready = await new Promise<{ uri: string; version: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError('timeout', `Embedded Neo4j did not become ready within ${timeoutMs} ms.`));
    }, timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new EmbeddedNeo4jError(
          err.code === 'ENOENT' ? 'java-missing' : 'startup-failed',
          `Could not start ${javaBin()}: ${err.message}. ${ALTERNATIVES}`,
          { cause: err },
        ),
      );
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^INTERLOCK_NEO4J_READY (\S+) (\S+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ uri: m[1]!, version: m[2]! });
      } else {
        log(`[neo4j] ${line}`);
      }
    });
    // 'close' (not 'exit') fires after stdout/stderr drained, so the ERROR line has been read by then.
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(startupError(errorLine, stderrTail, code, signal, address, options.boltPort));
    });
  });

  // Do not let the JVM keep this Node process alive; if Node exits, stdin closes and the JVM shuts down.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as net.Socket | null)?.unref();

  let stopping: Promise<void> | undefined;
  void exited.then(({ code, signal }) => {
    if (!stopping) log(`[neo4j] embedded Neo4j (pid ${child.pid}) exited unexpectedly (${signal ?? `exit ${code}`})`);
  });
  return {
    ...ready,
    credentials,
    pid: child.pid!,
    exited,
    stop() {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

function startupError(
  errorLine: string | undefined,
  stderrTail: string[],
  code: number | null,
  signal: NodeJS.Signals | null,
  address: string,
  port: number,
): EmbeddedNeo4jError {
  if (code === 3 || errorLine?.startsWith('INTERLOCK_NEO4J_ERROR port-in-use')) {
    return new EmbeddedNeo4jError(
      'port-in-use',
      `Bolt port ${address}:${port} is already in use. Stop whatever listens there (another Neo4j?), ` +
        'choose another port, or set NEO4J_URI to use that Neo4j.',
    );
  }
  const detail = errorLine?.replace(/^INTERLOCK_NEO4J_ERROR (startup )?/, '') ?? stderrTail.slice(-5).join(' | ');
  if (detail.includes('Lock file has been locked')) {
    return new EmbeddedNeo4jError(
      'startup-failed',
      `The Neo4j data folder is in use by another Neo4j process (${detail}). Stop it or use another data folder.`,
    );
  }
  return new EmbeddedNeo4jError(
    'startup-failed',
    `Embedded Neo4j exited during startup (${signal ?? `exit ${code}`}): ${detail || 'no error output'}`,
  );
}

/**
 * A restarted server (e.g. `tsx watch`) can start while the previous JVM on the same data folder is
 * still shutting down after its stdin EOF (~1 s); it would then fail on the Bolt port or the store lock.
 * Wait (up to 30 s) for the JVM recorded in the pid file to exit.
 */
async function waitForPreviousJvm(pidFile: string, log: (msg: string) => void): Promise<void> {
  const pid = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : NaN);
  if (!Number.isInteger(pid) || pid <= 0 || !isOurJvm(pid)) return;
  log(`Waiting for the previous embedded Neo4j (pid ${pid}) to shut down...`);
  const deadline = Date.now() + 30_000;
  while (isOurJvm(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
}

function isOurJvm(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Guard against pid reuse where /proc exists (Linux); elsewhere a live pid is taken at its word.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes(MAIN_CLASS));
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), 30_000);
  });
  const killed = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A currently free TCP port on 127.0.0.1 (the OS picks it; another process could still take it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not determine a free port'))));
    });
  });
}
