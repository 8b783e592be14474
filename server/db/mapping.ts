/**
 * Between our shapes and Neo4j's. Neo4j properties cannot hold maps, so a fact's citations are stored as
 * three parallel lists (`citationDocumentIds`, `citationLocators`, `citationQuotes`): that keeps
 * "everything sourced to document X" and "facts resting on a single source" plain indexed queries
 * (ADR 0002). An entity's identifiers are two parallel lists the same way (`identifierSchemes`,
 * `identifierValues`): "everything with LEI X" is a plain list query, and no map is stored. A relationship's
 * `roleTranslations` ({es: ..., ar: ...}) are two parallel lists too (`roleTranslationLanguages`,
 * `roleTranslationTexts`), in a fixed language order so an unchanged map stores unchanged lists. Queries return
 * nodes and relationships projected to plain maps (see `cypher/queries`); these functions turn such maps
 * into API shapes and back.
 */
import {
  WebAddress,
  type Citation,
  type ContractAmendment,
  type Entity,
  type GraphEdge,
  type GraphNode,
  type Identifier,
  type Relationship,
  type RoleTranslations,
  Language,
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

export interface StoredIdentifiers {
  identifierSchemes: string[];
  identifierValues: string[];
}

export function identifiersToStored(identifiers: readonly Identifier[] | undefined): StoredIdentifiers | Record<string, never> {
  if (!identifiers || identifiers.length === 0) return {};
  return { identifierSchemes: identifiers.map((i) => i.scheme), identifierValues: identifiers.map((i) => i.value) };
}

export function identifiersFromStored(row: Row): Identifier[] {
  const schemes = asStrings(row.identifierSchemes);
  const values = asStrings(row.identifierValues);
  return schemes.map((scheme, i) => ({ scheme, value: values[i] ?? '' }));
}

export interface StoredRoleTranslations {
  roleTranslationLanguages: string[];
  roleTranslationTexts: string[];
}

/** Nothing at all when there are no translations, so a relationship without them stores no empty lists. */
export function roleTranslationsToStored(
  translations: RoleTranslations | undefined,
): StoredRoleTranslations | Record<string, never> {
  const given = Language.options.filter((language) => translations?.[language] !== undefined);
  if (given.length === 0) return {};
  return { roleTranslationLanguages: given, roleTranslationTexts: given.map((language) => translations?.[language] ?? '') };
}

/** Undefined when nothing is stored; a language we do not speak (written by another tool) is left out. */
export function roleTranslationsFromStored(row: Row): RoleTranslations | undefined {
  const languages = asStrings(row.roleTranslationLanguages);
  const texts = asStrings(row.roleTranslationTexts);
  const pairs = languages
    .map((language, i) => [Language.safeParse(language), texts[i] ?? ''] as const)
    .filter(([language, text]) => language.success && text.trim() !== '')
    .map(([language, text]) => [language.data, text] as const);
  return pairs.length === 0 ? undefined : (Object.fromEntries(pairs) as RoleTranslations);
}

/** Properties to store on an entity's node (its kind becomes a label, not a property). */
export function entityToStored(entity: Entity): { kind: Entity['kind']; properties: Row } {
  const { kind, citations, identifiers, ...rest } = entity;
  const { amendments, ...plain } = rest as typeof rest & { amendments?: readonly ContractAmendment[] };
  return {
    kind,
    properties: {
      ...withoutUndefined(plain),
      ...identifiersToStored(identifiers),
      ...citationsToStored(citations),
      ...amendmentsToStored(amendments),
    },
  };
}

/** A contract's amendments as two parallel lists (a date, '' when none; what changed), as citations are. */
export function amendmentsToStored(
  amendments: readonly ContractAmendment[] | undefined,
): { amendmentDates: string[]; amendmentDescriptions: string[] } | Record<string, never> {
  if (!amendments || amendments.length === 0) return {};
  return {
    amendmentDates: amendments.map((a) => a.date ?? ''),
    amendmentDescriptions: amendments.map((a) => a.description),
  };
}

export function amendmentsFromStored(row: Row): ContractAmendment[] {
  const dates = asStrings(row.amendmentDates);
  return asStrings(row.amendmentDescriptions).map((description, i) => ({
    ...(dates[i] ? { date: dates[i] } : {}),
    description,
  }));
}

/** Properties to store on a relationship (type, source and target are its structure). */
export function relationshipToStored(rel: Relationship): {
  type: Relationship['type'];
  source: string;
  target: string;
  properties: Row;
} {
  const { type, source, target, citations, ...rest } = rel;
  const { roleTranslations, ...plain } = rest as typeof rest & { roleTranslations?: RoleTranslations };
  return {
    type,
    source,
    target,
    properties: { ...withoutUndefined(plain), ...roleTranslationsToStored(roleTranslations), ...citationsToStored(citations) },
  };
}

/** Stored lists that stand for one API field each (`citations`, `identifiers`). */
export const STORED_ONLY = new Set([
  'citationDocumentIds',
  'citationLocators',
  'citationQuotes',
  'identifierSchemes',
  'identifierValues',
  'amendmentDates',
  'amendmentDescriptions',
  'roleTranslationLanguages',
  'roleTranslationTexts',
]);

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
  const identifiers = identifiersFromStored(row);
  const amendments = amendmentsFromStored(row);
  return {
    ...withoutStoredOnly(row),
    aliases: asStrings(row.aliases),
    ...(identifiers.length > 0 ? { identifiers } : {}),
    ...(amendments.length > 0 ? { amendments } : {}),
    citations: citationsFromStored(row),
    version: versionOf(row),
  } as GraphNode;
}

/** A relationship map as projected by our queries (`r {.*, type, source, target}`) to API graph JSON. */
export function toGraphEdge(row: Row): GraphEdge {
  const roleTranslations = roleTranslationsFromStored(row);
  return {
    ...withoutStoredOnly(row),
    ...(roleTranslations ? { roleTranslations } : {}),
    citations: citationsFromStored(row),
    version: versionOf(row),
  } as GraphEdge;
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
