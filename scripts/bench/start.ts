/**
 * Cold start as `npm start` does it: a fresh data folder, so the embedded Neo4j starts, the schema is
 * applied and the seed story loaded before the API answers. Time to the first healthy answer, the first
 * real request after it (a search: the full-text index and query plans are cold), and memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { findFreePort } from '../../server/neo4j/embedded.js';
import { residentMb, startServer } from './server-process.js';

export interface StartMeasurement {
  coldStartMs: number;
  firstRequestMs: number;
  secondRequestMs: number;
  serverRssMb: number;
  neo4jRssMb: number;
}

export async function benchStart(options: { token?: string | undefined; log: (m: string) => void }): Promise<StartMeasurement> {
  const dataDir = await mkdtemp(join(tmpdir(), 'interlock-bench-start-'));
  const server = await startServer({
    INTERLOCK_DATA_DIR: dataDir,
    PORT: String(await findFreePort()),
    NEO4J_EMBEDDED_BOLT_PORT: String(await findFreePort()),
    NEO4J_URI: '',
    INTERLOCK_SEED: '1',
  });
  try {
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    const timed = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return performance.now() - started;
    };
    const firstRequestMs = await timed('/api/search?q=Vincent');
    const secondRequestMs = await timed('/api/search?q=Lexis');
    const jvmPid = Number(readFileSync(join(dataDir, 'neo4j', 'interlock-neo4j.pid'), 'utf8').trim());
    const m = {
      coldStartMs: server.readyMs,
      firstRequestMs,
      secondRequestMs,
      serverRssMb: residentMb(server.pid),
      neo4jRssMb: residentMb(jvmPid),
    };
    options.log(
      `  cold start ${m.coldStartMs.toFixed(0)} ms; first request ${m.firstRequestMs.toFixed(0)} ms, second ${m.secondRequestMs.toFixed(0)} ms; ` +
        `server ${m.serverRssMb.toFixed(0)} MB, Neo4j ${m.neo4jRssMb.toFixed(0)} MB resident`,
    );
    return m;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
