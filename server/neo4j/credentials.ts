/**
 * The embedded Neo4j's credentials: user `neo4j` and a random password made at the first start, kept in
 * the data folder in a file only its owner may read. The launcher hands the file's path to the JVM (never
 * the password itself: a command line is visible to every local user in `ps`); the app, the CLI and the
 * test setup read it from here. Nothing prints or logs the password except `neo4j-credentials`, which a
 * person runs to open the database in Neo4j's own tools.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export const EMBEDDED_USER = 'neo4j';
const PASSWORD_FILE = 'interlock-neo4j.password';
const OWNER_ONLY = 0o600;

export interface Neo4jCredentials {
  user: string;
  password: string;
}

export function passwordFileOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), PASSWORD_FILE);
}

/**
 * The credentials of the embedded Neo4j in `dataDir`, made on first use: 32 random bytes, owner-only. The
 * password is written whole to a file of this process's own and then linked into place (a link fails if
 * the name exists), so two processes starting at once agree on one password, and a start killed half-way
 * never leaves an empty password file that would stop every later start.
 */
export async function embeddedCredentials(
  dataDir: string,
  options: { log?: (message: string) => void } = {},
): Promise<Neo4jCredentials> {
  const file = passwordFileOf(dataDir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  try {
    const handle = await open(draft, 'wx', OWNER_ONLY);
    try {
      await handle.writeFile(`${randomBytes(32).toString('base64url')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return readCredentials(file, options.log);
}

/** The credentials of an embedded Neo4j that has run in `dataDir`, or null when it never has. */
export async function existingEmbeddedCredentials(
  dataDir: string,
  options: { log?: (message: string) => void } = {},
): Promise<Neo4jCredentials | null> {
  try {
    return await readCredentials(passwordFileOf(dataDir), options.log);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readCredentials(file: string, log?: (message: string) => void): Promise<Neo4jCredentials> {
  // A copy made with a careless `cp -r`, or an umask that let others read it: make it owner-only again.
  if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
    await chmod(file, OWNER_ONLY);
    log?.(`The Neo4j password file ${file} was readable by others; it is owner-only again.`);
  }
  const password = (await readFile(file, 'utf8')).trim();
  if (password.length < 8)
    throw new Error(`The Neo4j password file ${file} is damaged (too short); delete it to make a new one.`);
  return { user: EMBEDDED_USER, password };
}
