/**
 * Our ids for things that come from elsewhere. They must be deterministic (a second import of the same
 * file finds what the first one wrote) and fit `EntityId` (lower-case, URL-safe, at most 200 characters).
 */
import { createHash } from 'node:crypto';
import type { EntityKind } from '../../../schemas/index.js';

export const KIND_PREFIX: Record<EntityKind, string> = {
  Person: 'person',
  Organization: 'org',
  PublicBody: 'public-body',
  DataSystem: 'system',
  Contract: 'contract',
  Law: 'law',
  Document: 'document',
};

export function shortHash(text: string | Uint8Array, length = 12): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * A URL-safe slug of a foreign id. Lower-casing alone keeps it readable (`Q7747` -> `q7747`); when any
 * other character had to be replaced, or the id is long, a hash of the original is appended so two
 * different foreign ids never share a slug.
 */
export function slugOf(foreignId: string): string {
  const lower = foreignId.toLowerCase();
  const slug = lower
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 120);
  const lossy = slug !== lower;
  if (slug === '') return shortHash(foreignId);
  return lossy ? `${slug.replace(/-+$/, '')}-${shortHash(foreignId, 8)}` : slug;
}

export function ftmEntityId(kind: EntityKind, ftmId: string): string {
  return `${KIND_PREFIX[kind]}:ftm-${slugOf(ftmId)}`;
}

export function ftmRelationshipId(ftmId: string, suffix?: string): string {
  return `rel:ftm-${slugOf(ftmId)}${suffix ? `-${suffix}` : ''}`;
}

/** The Document an imported file becomes: the same bytes in the same format give the same id. */
export function importDocumentId(format: string, bytes: Uint8Array): string {
  return importDocumentIdOfHash(format, createHash('sha256').update(bytes).digest('hex'));
}

/** As `importDocumentId`, from the SHA-256 (hex) of the bytes, hashed as they streamed past. */
export function importDocumentIdOfHash(format: string, sha256: string): string {
  return `document:import-${format}-${sha256.slice(0, 16)}`;
}

/** Truncates to `max` characters, marking the cut, so long source text still passes the schema. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
