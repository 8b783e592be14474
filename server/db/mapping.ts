/**
 * Between our shapes and Neo4j's. Neo4j properties cannot hold maps, so a fact's citations are stored as
 * three parallel lists (`citationDocumentIds`, `citationLocators`, `citationQuotes`): that keeps
 * "everything sourced to document X" and "facts resting on a single source" plain indexed queries
 * (ADR 0002). Queries return nodes and relationships projected to plain maps (see `cypher/queries`);
 * these functions turn such maps into API shapes and back.
 */
import {
  WebAddress,
  type Citation,
  type Entity,
  type GraphEdge,
  type GraphNode,
  type Relationship,
} from '../../schemas/index.js';

type Row = Record<string, unknown>;

export interface StoredCitations {
  citationDocumentIds: string[];
  citationLocators: string[];
  citationQuotes: string[];
}

export function citationsToStored(citations: readonly Citation[]): StoredCitations {
  return {
    citationDocumentIds: citations.map((c) => c.documentId),
    citationLocators: citations.map((c) => c.locator),
    citationQuotes: citations.map((c) => c.quote),
  };
}

export function citationsFromStored(row: Row): Citation[] {
  const ids = asStrings(row.citationDocumentIds);
  const locators = asStrings(row.citationLocators);
  const quotes = asStrings(row.citationQuotes);
  return ids.map((documentId, i) => ({ documentId, locator: locators[i] ?? '', quote: quotes[i] ?? '' }));
}

/** Properties to store on an entity's node (its kind becomes a label, not a property). */
export function entityToStored(entity: Entity): { kind: Entity['kind']; properties: Row } {
  const { kind, citations, ...rest } = entity;
  return { kind, properties: { ...withoutUndefined(rest), ...citationsToStored(citations) } };
}

/** Properties to store on a relationship (type, source and target are its structure). */
export function relationshipToStored(rel: Relationship): {
  type: Relationship['type'];
  source: string;
  target: string;
  properties: Row;
} {
  const { type, source, target, citations, ...rest } = rel;
  return { type, source, target, properties: { ...withoutUndefined(rest), ...citationsToStored(citations) } };
}

const STORED_ONLY = new Set(['citationDocumentIds', 'citationLocators', 'citationQuotes']);

/**
 * The stored `version` of a node or relationship. Written by every write path; a fact stored before
 * versions existed (or written by another tool) counts as version 1, as the write queries count it.
 */
export function versionOf(row: Row): number {
  return typeof row.version === 'number' && Number.isInteger(row.version) && row.version >= 1 ? row.version : 1;
}

/** Stored properties without the version: what a fact says, as imports, edits and the audit compare it. */
export function withoutVersion(row: Row): Row {
  if (!('version' in row)) return row;
  const { version: _version, ...rest } = row;
  return rest;
}

/** A node map as projected by our queries (`n {.*, kind: ...}`) to API graph JSON. */
export function toGraphNode(row: Row): GraphNode {
  return {
    ...withoutStoredOnly(row),
    aliases: asStrings(row.aliases),
    citations: citationsFromStored(row),
    version: versionOf(row),
  } as GraphNode;
}

/** A relationship map as projected by our queries (`r {.*, type, source, target}`) to API graph JSON. */
export function toGraphEdge(row: Row): GraphEdge {
  return { ...withoutStoredOnly(row), citations: citationsFromStored(row), version: versionOf(row) } as GraphEdge;
}

/**
 * Stored properties the API shows. A document address that is not http(s) (stored before addresses were
 * checked) is left out: it would run or show whatever it holds when clicked.
 */
function withoutStoredOnly(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([k, v]) => !STORED_ONLY.has(k) && v !== null && !(k === 'url' && !WebAddress.safeParse(v).success),
    ),
  );
}

function withoutUndefined(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined));
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
