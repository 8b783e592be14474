/**
 * A response payload as JSON bytes. A payload made with `withKeptPart` carries a part that stays the same
 * from one ask to the next (a kept page of findings: hundreds of KB for 100 findings and their evidence).
 * That part becomes JSON bytes once; each response is the fresh fields' JSON joined to those bytes.
 * Stringifying the page and encoding it for the socket on every ask was most of the server's own work
 * while readers kept asking for it (docs/benchmarks/findings-beside.md).
 */

const PARTS = Symbol('response parts');
interface Parts {
  fresh: object;
  kept: object;
}
/** The JSON bytes of each kept part, made on its first response and gone with it. */
const keptBytes = new WeakMap<object, Buffer>();

/**
 * A response of `fresh` fields, worked out on every ask, and a `kept` part the caller never changes
 * (nor shares a key with `fresh`): the kept part's JSON is made once, however many responses carry it.
 */
export function withKeptPart<F extends object, K extends object>(fresh: F, kept: K): F & K {
  const payload = { ...kept, ...fresh };
  // Not enumerable: a copy of the payload (a spread, a change) is stringified in full, as it should be.
  Object.defineProperty(payload, PARTS, { value: { fresh, kept } satisfies Parts });
  return payload;
}

/** The JSON of a response payload: `JSON.stringify`, with a kept part's bytes made once and reused. */
export function jsonBytes(data: unknown): string | Buffer {
  const parts = typeof data === 'object' && data !== null ? (data as { [PARTS]?: Parts })[PARTS] : undefined;
  if (!parts) return JSON.stringify(data);
  let kept = keptBytes.get(parts.kept);
  if (!kept) keptBytes.set(parts.kept, (kept = Buffer.from(JSON.stringify(parts.kept))));
  const fresh = JSON.stringify(parts.fresh);
  if (fresh === '{}') return kept;
  if (kept.length === 2) return fresh; // an empty kept part: `{}`
  // `{"a":1}` and `{"b":2}` make `{"a":1,"b":2}`.
  return Buffer.concat([Buffer.from(`${fresh.slice(0, -1)},`), kept.subarray(1)]);
}
