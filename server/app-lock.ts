/**
 * The running app, as the data folder tells it: `npm start` writes `interlock-app.json` there once it
 * listens (its pid, its address, and an editor token made for this run, owner-only like the database
 * password beside it) and removes it when it stops. `npm run cli -- import` reads it to import through the
 * running app instead of opening the database a second time. A file left by an app that died (its pid
 * gone) is ignored; a live pid whose address does not answer is an app starting or stuck, and the CLI
 * says so rather than guessing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { isAlive } from './processes.js';

const LOCK_FILE = 'interlock-app.json';

export const AppLock = z.object({
  pid: z.number().int().positive(),
  /** Where the app answers, e.g. `http://127.0.0.1:8080/`. */
  url: z.string().url(),
  /** The editor token of this run, for the CLI of the same user (the file is readable by its owner only). */
  token: z.string().min(24),
  startedAt: z.string(),
});
export type AppLock = z.infer<typeof AppLock>;

export function appLockFileOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), LOCK_FILE);
}

/** A token for this run; its holder is the user the app runs as (only that user can read the lock file). */
export function newLocalToken(): { secret: string; holder: string } {
  return { secret: `ilk_local_${randomBytes(32).toString('base64url')}`, holder: `cli:${userInfo().username}` };
}

export async function writeAppLock(dataDir: string, lock: AppLock): Promise<void> {
  await mkdir(path.resolve(dataDir), { recursive: true, mode: 0o700 });
  const file = appLockFileOf(dataDir);
  // Removed first so the mode of a new file applies (writeFile keeps an existing file's mode).
  await rm(file, { force: true });
  await writeFile(file, `${JSON.stringify(lock, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}

/** Removes the lock file if it is this process's (another app may have taken the folder since). */
export async function removeAppLock(dataDir: string, pid = process.pid): Promise<void> {
  const lock = await readAppLock(dataDir);
  if (lock?.pid === pid) await rm(appLockFileOf(dataDir), { force: true });
}

export async function readAppLock(dataDir: string): Promise<AppLock | null> {
  try {
    const parsed = AppLock.safeParse(JSON.parse(await readFile(appLockFileOf(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type RunningApp =
  | { state: 'none' }
  | { state: 'running'; lock: AppLock }
  /** The pid lives but the address does not answer (starting, stopping or stuck). */
  | { state: 'silent'; lock: AppLock; reason: string };

/** Whether an app runs on this data folder: its lock file, its pid alive, its health answering. */
export async function findRunningApp(dataDir: string, options: { timeoutMs?: number } = {}): Promise<RunningApp> {
  const lock = await readAppLock(dataDir);
  if (!lock || !isAlive(lock.pid)) return { state: 'none' };
  try {
    const response = await fetch(new URL('api/health', lock.url), { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) });
    if (response.ok) return { state: 'running', lock };
    return { state: 'silent', lock, reason: `its health check answers ${response.status}` };
  } catch (error) {
    return { state: 'silent', lock, reason: `it does not answer at ${lock.url} (${(error as Error).message})` };
  }
}
