/**
 * Entities a source file refers to without holding them (a LittleSis relationships file names entities
 * by their LittleSis id): the readers ask the database for them by identifier, through this callback.
 */
import type { EntityKind } from '../../../../schemas/index.js';

export interface IdentifierRef {
  scheme: string;
  value: string;
}

export interface KnownByIdentifier {
  id: string;
  kind: EntityKind;
}

/** Entities in the graph holding these identifiers, by `identifierKey(scheme, value)`. */
export type LookupIdentifiers = (refs: IdentifierRef[]) => Promise<Map<string, KnownByIdentifier>>;

export function identifierKey(scheme: string, value: string): string {
  return `${scheme}\u0000${value}`;
}
