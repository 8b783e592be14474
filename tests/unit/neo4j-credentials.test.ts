/**
 * The embedded Neo4j's password file (server/neo4j/credentials.ts) is never seen half-written: processes
 * that start at once agree on one password, and a start cut short (kill -9) leaves either no password
 * file or a whole one, never an empty file that stops every later start.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedCredentials, passwordFileOf } from '../../server/neo4j/credentials.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
});

describe('the embedded Neo4j password file', () => {
  it('gives many starts at once one password, each reading a whole file', async () => {
    for (let round = 0; round < 20; round++) {
      const folder = await mkdtemp(join(tmpdir(), 'interlock-credentials-'));
      folders.push(folder);
      const all = await Promise.all(Array.from({ length: 16 }, () => embeddedCredentials(folder)));
      expect(new Set(all.map((c) => c.password)).size).toBe(1);
      expect(all[0]!.password.length).toBeGreaterThanOrEqual(40);
      // Owner-only, and nothing left beside it but the file itself.
      expect((await stat(passwordFileOf(folder))).mode & 0o777).toBe(0o600);
      expect(await readdir(folder)).toEqual(['interlock-neo4j.password']);
    }
  });
});
