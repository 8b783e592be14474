/**
 * Canonical JSON and the content-derived id of a published version. Keys are sorted at every level
 * and lists keep their order (the order of story steps matters; entity lists are sorted by id when
 * frozen), so the same content always gives the same bytes and the same id.
 */
import { createHash, randomBytes } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** sha256 of the canonical JSON, hex. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** 128 bits of the hash: short enough for a link, far too long to collide by chance. */
export function publishedId(hash: string): string {
  return `pub-${hash.slice(0, 32)}`;
}

export function newDraftId(): string {
  return `draft-${randomBytes(10).toString('hex')}`;
}

export function newSeriesId(): string {
  return `series-${randomBytes(8).toString('hex')}`;
}
