/**
 * Neo4j's offline importer (`neo4j-admin database import full`, from the Neo4j jars the embedded database
 * already uses) run on the embedded database's folder, and the marker that keeps a load it did not finish
 * from being served as if complete.
 *
 * The marker (`interlock-bulk-load.json` in the Neo4j data folder) is written before the importer touches
 * the store and removed only once the load is whole (schema, audit entry). A bulk load only goes into an
 * empty database, so a marker left behind (the process was killed, the machine stopped) means the store
 * holds part of a load over what was an empty database: the next start of the embedded Neo4j removes that
 * store, which gives the empty database back, and says so.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureEmbeddedNeo4jInstalled } from './embedded.js';
import { isAlive } from '../processes.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULE_DIR = path.join(REPO_ROOT, 'neo4j-embedded');
const CLASSPATH = [path.join(MODULE_DIR, 'target', 'classes'), path.join(MODULE_DIR, 'target', 'lib', '*')].join(path.delimiter);
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
/** The embedded Neo4j serves its default database. */
const DATABASE = 'neo4j';
const MARKER = 'interlock-bulk-load.json';

export interface BulkLoadMarker {
  /** The process doing the load. */
  pid: number;
  /** The importer's JVM, once started. */
  importerPid?: number;
  startedAt: string;
  files: string[];
}

export function bulkLoadMarkerOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), MARKER);
}

/** Where the embedded Neo4j keeps the store and transaction logs of its database. */
export function storeFoldersOf(dataDir: string): string[] {
  const home = path.resolve(dataDir);
  return [path.join(home, 'data', 'databases', DATABASE), path.join(home, 'data', 'transactions', DATABASE)];
}

/** Whether the data folder holds a store of the database at all (a fresh folder does not). */
export function hasStore(dataDir: string): boolean {
  return existsSync(storeFoldersOf(dataDir)[0]!);
}

export async function writeBulkLoadMarker(dataDir: string, marker: BulkLoadMarker): Promise<void> {
  await writeFile(bulkLoadMarkerOf(dataDir), `${JSON.stringify(marker, null, 2)}\n`, { mode: 0o600 });
}

export async function removeBulkLoadMarker(dataDir: string): Promise<void> {
  await rm(bulkLoadMarkerOf(dataDir), { force: true });
}

function readMarker(dataDir: string): BulkLoadMarker | null {
  const file = bulkLoadMarkerOf(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BulkLoadMarker;
  } catch {
    // Cut short while being written: the load had not touched the store yet, but it may have.
    return { pid: 0, startedAt: 'unknown', files: [] };
  }
}

/** A bulk load that another live process is running on this folder: nothing may open it meanwhile. */
export class BulkLoadRunningError extends Error {
  constructor(readonly marker: BulkLoadMarker) {
    super(
      `A bulk load into this database is running (pid ${marker.pid}, started ${marker.startedAt}); ` +
        'wait until it ends, or stop it, and start again.',
    );
    this.name = 'BulkLoadRunningError';
  }
}

/**
 * Settles a bulk load that did not finish, before the database opens: the part it loaded is removed (the
 * database was empty before it), so nothing is served as complete that is not. Does nothing without a
 * marker, or when the marker is this process's own (the load itself opening the database to finish).
 * Returns whether it removed a store.
 */
export async function settleInterruptedBulkLoad(dataDir: string, log: (message: string) => void): Promise<boolean> {
  const marker = readMarker(dataDir);
  if (!marker || marker.pid === process.pid) return false;
  if (marker.pid > 0 && isAlive(marker.pid)) throw new BulkLoadRunningError(marker);
  // The importer outlives a killed parent: stop it before its store is removed.
  if (marker.importerPid && isImporter(marker.importerPid)) {
    process.kill(marker.importerPid, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (isImporter(marker.importerPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
  for (const folder of storeFoldersOf(dataDir)) await rm(folder, { recursive: true, force: true });
  await removeBulkLoadMarker(dataDir);
  log(
    `A bulk load started ${marker.startedAt}${marker.files.length ? ` (${marker.files.join(', ')})` : ''} did not finish: ` +
      'what it had loaded was removed and the database is empty, as it was before. Run the bulk load again.',
  );
  return true;
}

function isImporter(pid: number): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = `/proc/${pid}/cmdline`;
  // Without /proc (not Linux) a live pid is taken at its word.
  return !existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes(ADMIN_TOOL));
}

export interface OfflineImportInput {
  nodes: { files: string[]; multiline: boolean }[];
  relationships: { files: string[]; multiline: boolean }[];
  arrayDelimiter: string;
}

export interface OfflineImportOptions {
  /** The embedded Neo4j's data folder (its NEO4J_HOME). */
  dataDir: string;
  /** Where the importer writes its report of bad entries. */
  reportFile: string;
  onStarted?: (pid: number) => void | Promise<void>;
  /** The importer's stage (`nodes`, `relationships`, `finishing`) and its percentage in that stage. */
  onProgress?: (stage: 'nodes' | 'relationships' | 'finishing', percent: number) => void;
  log?: (line: string) => void;
}

/** The importer failed: its own words (the last lines it printed). */
export class OfflineImportError extends Error {
  constructor(
    message: string,
    readonly output: string[],
  ) {
    super(message);
    this.name = 'OfflineImportError';
  }
}

/**
 * Runs `database import full` over the CSV files into the embedded database's store, replacing what is
 * there (the caller made sure it is empty and that no Neo4j has it open). Resolves with the importer's
 * counts line when it reports "IMPORT DONE".
 */
export async function runOfflineImport(input: OfflineImportInput, options: OfflineImportOptions): Promise<{ seconds: number }> {
  await ensureEmbeddedNeo4jInstalled({ log: options.log ?? (() => undefined) });
  const home = path.resolve(options.dataDir);
  const multiline = [...input.nodes, ...input.relationships].filter((g) => g.multiline).map((g) => g.files.at(-1)!);
  const args = [
    '-cp',
    CLASSPATH,
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    ...input.nodes.map((g) => `--nodes=${g.files.join(',')}`),
    ...input.relationships.map((g) => `--relationships=${g.files.join(',')}`),
    `--array-delimiter=${input.arrayDelimiter}`,
    '--overwrite-destination=true',
    '--normalize-types=false',
    `--report-file=${options.reportFile}`,
    ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    DATABASE,
  ];
  // An empty configuration folder: the importer reads no neo4j.conf of this machine.
  const conf = path.join(path.dirname(options.reportFile), 'conf');
  await mkdir(conf, { recursive: true });
  await mkdir(home, { recursive: true, mode: 0o700 });
  const started = performance.now();
  const child = spawn(javaBin(), args, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) await options.onStarted?.(child.pid);
  const tail: string[] = [];
  let stage: 'nodes' | 'relationships' | 'finishing' = 'nodes';
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    options.log?.(line);
    if (/^\(1\/4\)|Node import/i.test(line)) stage = 'nodes';
    else if (/^\(2\/4\)|^\(3\/4\)|Relationship import|Relationship linking/i.test(line)) stage = 'relationships';
    else if (/^\(4\/4\)|Post processing/i.test(line)) stage = 'finishing';
    const percent = / (\d{1,3})% /.exec(line);
    if (percent) options.onProgress?.(stage, Number(percent[1]));
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  });
  if (code !== 0 || !tail.some((l) => l.startsWith('IMPORT DONE'))) {
    const report = existsSync(options.reportFile) ? (await readFile(options.reportFile, 'utf8')).split('\n').slice(0, 20) : [];
    throw new OfflineImportError(
      `Neo4j's importer failed (${signal ?? `exit ${code}`}): ${tail
        .filter((l) => l.trim() && !/^[. ]+\d+%/.test(l))
        .slice(-6)
        .join(' | ')}`,
      [...tail, ...report],
    );
  }
  return { seconds: (performance.now() - started) / 1000 };
}

function javaBin(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}
