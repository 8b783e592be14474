/** The running app as its data folder tells it: a lock left by a dead process, or no lock, is no app. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLockFileOf, findRunningApp, newLocalToken, readAppLock, removeAppLock, writeAppLock } from '../../server/app-lock.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'interlock-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const lock = (pid: number) => ({
  pid,
  url: 'http://127.0.0.1:9/',
  token: newLocalToken().secret,
  startedAt: '2026-12-02T00:00:00Z',
});

describe('app lock', () => {
  it('is no app when there is no lock file, or it is not ours', async () => {
    expect(await findRunningApp(dir)).toEqual({ state: 'none' });
    await writeFile(appLockFileOf(dir), 'not json');
    expect(await findRunningApp(dir)).toEqual({ state: 'none' });
  });

  it('is no app when the process that wrote it is gone', async () => {
    const gone = spawnSync('node', ['-e', 'process.exit(0)']).pid;
    await writeAppLock(dir, lock(gone));
    expect(await findRunningApp(dir)).toEqual({ state: 'none' });
  });

  it('is written for its owner only, and removed only by the process that wrote it', async () => {
    await writeAppLock(dir, lock(process.pid));
    expect((await stat(appLockFileOf(dir))).mode & 0o777).toBe(0o600);
    await removeAppLock(dir, process.pid + 1);
    expect(await readAppLock(dir)).toMatchObject({ pid: process.pid });
    await removeAppLock(dir);
    expect(await readAppLock(dir)).toBeNull();
  });
});
