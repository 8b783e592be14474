/**
 * Ids for what a person creates by hand: readable where the name allows (`person:ana-gomez`), unique
 * (a numbered suffix when taken), and always a valid `EntityId`. Names in other scripts get a short hash.
 */
import { randomUUID } from 'node:crypto';
import type { EntityKind, NewDocument, RelationshipType } from '../../../schemas/index.js';
import { slugOfName } from '../duplicates/normalise.js';
import { KIND_PREFIX, shortHash } from '../imports/ids.js';

/** Candidates in order of preference; the caller takes the first one not in use. */
export function entityIdCandidates(kind: EntityKind, name: string): string[] {
  const slug = slugOfName(name) || shortHash(name, 8);
  const base = `${KIND_PREFIX[kind]}:${slug}`;
  return [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`), `${base}-${randomUUID().slice(0, 8)}`];
}

/** Like the seed's ids: `rel:vincent-line.sits-on-board.lexisnexis-board`. */
export function relationshipIdCandidates(type: RelationshipType, source: string, target: string): string[] {
  const tail = (id: string) => id.slice(id.indexOf(':') + 1).slice(0, 80);
  const base = `rel:${tail(source)}.${type.toLowerCase().replaceAll('_', '-')}.${tail(target)}`;
  return [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`), `${base}-${randomUUID().slice(0, 8)}`];
}

/**
 * A document described inline gets an id from what describes it, so describing the same source twice
 * (same title, publisher, date and URL) cites the same Document instead of making a second one.
 */
export function newDocumentId(doc: NewDocument): string {
  const identity = [doc.title, doc.publisher ?? '', doc.publishedOn ?? '', doc.url ?? ''].join('\u0000');
  const slug = slugOfName(doc.title).slice(0, 60).replace(/-+$/, '');
  return `document:${slug ? `${slug}-` : ''}${shortHash(identity, 10)}`;
}
