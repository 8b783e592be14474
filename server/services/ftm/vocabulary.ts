/**
 * The one table between FollowTheMoney and our model, read in both directions: import (ftm/read.ts) and
 * export (ftm/write.ts) use nothing else. What each FtM schema becomes (or why it is left out) is in
 * docs/import-formats.md; keep the two in step.
 */
import type { EntityKind, RelationshipType } from '../../../schemas/index.js';
import { isA, propertiesOf } from './model.js';

// ------------------------------------------------------------------ entities

/** The FtM schema each of our kinds is written as. FtM has no laws or data systems: an annotation says which. */
export const SCHEMA_OF_KIND: Readonly<Record<EntityKind, string>> = {
  Person: 'Person',
  Organization: 'Organization',
  PublicBody: 'PublicBody',
  Contract: 'Contract',
  // FtM's `Document` requires a file name; an article is a source with a title, publisher and date.
  Document: 'Article',
  Law: 'Article',
  DataSystem: 'Asset',
};

/**
 * Our kind for an FtM schema, by inheritance (Company is an Organization, a Passport is not), or
 * 'office' for a Position (a public office, which becomes a PublicBody people hold positions at).
 */
export function kindOfSchema(schema: string): EntityKind | 'office' | undefined {
  if (isA(schema, 'Person')) return 'Person';
  if (isA(schema, 'PublicBody')) return 'PublicBody';
  if (isA(schema, 'LegalEntity')) return 'Organization';
  if (isA(schema, 'Position')) return 'office';
  // A licence is granted, not bought: its fee runs the other way, so it is not one of our contracts.
  if (isA(schema, 'Contract') && !isA(schema, 'License')) return 'Contract';
  if (isA(schema, 'Document')) return 'Document';
  return undefined;
}

/** How a value is read from FtM text and written back. */
export type FieldKind = 'text' | 'date' | 'number' | 'currency' | 'countries' | 'topics' | 'language' | 'url';

export interface EntityField {
  /** FtM properties, first preferred; on export the first one the schema has is written. */
  readonly ftm: readonly string[];
  readonly field: string;
  readonly kind: FieldKind;
  readonly kinds: readonly EntityKind[];
  /** For several values of a single field: the earliest (a start), the latest (an end), or a common prefix. */
  readonly several?: 'earliest' | 'latest' | 'common';
}

const PARTIES: readonly EntityKind[] = ['Person', 'Organization', 'PublicBody'];
const BODIES: readonly EntityKind[] = ['Organization', 'PublicBody'];

/** Entity fields other than names, descriptions, identifiers and sources (handled by rule). */
export const ENTITY_FIELDS: readonly EntityField[] = [
  { ftm: ['birthDate'], field: 'birthDate', kind: 'date', kinds: ['Person'], several: 'common' },
  { ftm: ['deathDate'], field: 'deathDate', kind: 'date', kinds: ['Person'], several: 'common' },
  { ftm: ['nationality', 'citizenship'], field: 'nationality', kind: 'countries', kinds: ['Person'] },
  { ftm: ['country', 'mainCountry'], field: 'country', kind: 'countries', kinds: PARTIES },
  { ftm: ['jurisdiction'], field: 'jurisdiction', kind: 'text', kinds: [...BODIES, 'Law'] },
  { ftm: ['topics'], field: 'topics', kind: 'topics', kinds: PARTIES },
  { ftm: ['incorporationDate', 'inceptionDate'], field: 'start', kind: 'date', kinds: BODIES, several: 'earliest' },
  { ftm: ['dissolutionDate'], field: 'end', kind: 'date', kinds: BODIES, several: 'latest' },
  { ftm: ['amount'], field: 'amount', kind: 'number', kinds: ['Contract'] },
  { ftm: ['currency'], field: 'currency', kind: 'currency', kinds: ['Contract'] },
  { ftm: ['amountEur'], field: 'amountEur', kind: 'number', kinds: ['Contract'] },
  { ftm: ['amountUsd'], field: 'amountUsd', kind: 'number', kinds: ['Contract'] },
  { ftm: ['contractDate', 'signingDate'], field: 'signedOn', kind: 'date', kinds: ['Contract'], several: 'earliest' },
  { ftm: ['type', 'procedure'], field: 'purpose', kind: 'text', kinds: ['Contract'] },
  { ftm: ['publisher'], field: 'publisher', kind: 'text', kinds: ['Document'] },
  { ftm: ['publishedAt', 'date', 'authoredAt'], field: 'publishedOn', kind: 'date', kinds: ['Document'], several: 'earliest' },
  { ftm: ['sourceUrl'], field: 'url', kind: 'url', kinds: ['Document'] },
  { ftm: ['language'], field: 'language', kind: 'language', kinds: ['Document'] },
  { ftm: ['date'], field: 'enactedOn', kind: 'date', kinds: ['Law'], several: 'earliest' },
];

/** Names: the caption becomes `name`, these become aliases. */
export const NAME_PROPERTIES = ['name', 'alias', 'weakAlias', 'previousName', 'abbreviation'] as const;

// --------------------------------------------------------------- identifiers

/**
 * FtM properties of type `identifier` and the scheme their values get. Any other identifier property
 * gets its name without `Code`/`Number`/`Id` (`kppCode` -> `kpp`). A sanctions programme's id says
 * nothing about who an entity is, so `programId` is not one.
 */
const SCHEME_OF_PROPERTY: Readonly<Record<string, string>> = {
  registrationNumber: 'registration',
  taxNumber: 'tax',
  vatCode: 'vat',
  leiCode: 'lei',
  innCode: 'inn',
  ogrnCode: 'ogrn',
  okpoCode: 'okpo',
  dunsCode: 'duns',
  uniqueEntityId: 'uei',
  swiftBic: 'bic',
  wikidataId: 'wikidata',
  idNumber: 'national-id',
  passportNumber: 'passport',
  personalNumber: 'personal-number',
  socialSecurityNumber: 'ssn',
  permId: 'permid',
  imoNumber: 'imo',
};
const NOT_IDENTITY = new Set(['programId', 'authorityId', 'unscId', 'number']);

export function schemeOfProperty(schema: string, property: string): string | undefined {
  const prop = propertiesOf(schema).get(property);
  if (!prop || prop.type !== 'identifier' || NOT_IDENTITY.has(property)) return undefined;
  return SCHEME_OF_PROPERTY[property] ?? property.replace(/(Code|Number|Id)$/, '').toLowerCase();
}

/** The property a scheme is written back to, when the schema has it (else an Identification line). */
export function propertyOfScheme(schema: string, scheme: string): string | undefined {
  const props = propertiesOf(schema);
  for (const name of props.keys()) if (schemeOfProperty(schema, name) === scheme) return name;
  return undefined;
}

/** The scheme of an Identification line: `passport` for a Passport, else its `type` as a slug. */
export function schemeOfIdentification(schema: string, type: string | undefined): string {
  if (isA(schema, 'Passport')) return 'passport';
  const slug = (type ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9:._-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return slug || 'identification';
}

// ------------------------------------------------------------------- links

export interface LinkSpec {
  /** The FtM schema the relationship is written as. */
  readonly schema: string;
  /** FtM properties holding our source and target. */
  readonly source: string;
  readonly target: string;
  /** Our field -> FtM property, with how the value is read. */
  readonly fields?: Readonly<Record<string, { ftm: string; kind: FieldKind }>>;
  /** The `role` written when the type has no field of its own for it. */
  readonly role?: string;
  /**
   * The FtM schema maps back to another of our types (or to none): the export says which type this
   * was in the line's annotation.
   */
  readonly marked?: true;
}

const MONEY_FIELDS = {
  amount: { ftm: 'amount', kind: 'number' },
  currency: { ftm: 'currency', kind: 'currency' },
  amountEur: { ftm: 'amountEur', kind: 'number' },
  amountUsd: { ftm: 'amountUsd', kind: 'number' },
} as const;

/** How each of our relationship types is written in FtM (SANCTIONED_BY is a Sanction line: see write.ts). */
export const LINK_OF_TYPE: Readonly<Record<Exclude<RelationshipType, 'SANCTIONED_BY'>, LinkSpec>> = {
  HOLDS_POSITION: {
    schema: 'Employment',
    source: 'employee',
    target: 'employer',
    fields: { role: { ftm: 'role', kind: 'text' } },
  },
  SITS_ON_BOARD: {
    schema: 'Directorship',
    source: 'director',
    target: 'organization',
    fields: { seat: { ftm: 'role', kind: 'text' } },
  },
  MEMBER_OF: { schema: 'Membership', source: 'member', target: 'organization', fields: { role: { ftm: 'role', kind: 'text' } } },
  OWNS: {
    schema: 'Ownership',
    source: 'owner',
    target: 'asset',
    fields: {
      percentage: { ftm: 'percentage', kind: 'number' },
      sharesCount: { ftm: 'sharesCount', kind: 'number' },
      ownershipType: { ftm: 'ownershipType', kind: 'text' },
    },
  },
  SUBSIDIARY_OF: {
    schema: 'Ownership',
    source: 'asset',
    target: 'owner',
    fields: { percentage: { ftm: 'percentage', kind: 'number' } },
    role: 'subsidiary of',
    marked: true,
  },
  PART_OF: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'part of', marked: true },
  SUCCEEDED_BY: { schema: 'Succession', source: 'predecessor', target: 'successor' },
  OPERATES: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'operates', marked: true },
  SUPPLIES_DATA_TO: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'supplies data to', marked: true },
  BUYER_OF: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'buyer of', marked: true },
  AWARDED_TO: { schema: 'ContractAward', source: 'contract', target: 'supplier', fields: MONEY_FIELDS },
  PAID: {
    schema: 'Payment',
    source: 'payer',
    target: 'beneficiary',
    fields: { ...MONEY_FIELDS, purpose: { ftm: 'purpose', kind: 'text' }, programme: { ftm: 'programme', kind: 'text' } },
  },
  FAMILY_OF: {
    schema: 'Family',
    source: 'person',
    target: 'relative',
    fields: { relation: { ftm: 'relationship', kind: 'text' } },
  },
  ASSOCIATE_OF: {
    schema: 'Associate',
    source: 'person',
    target: 'associate',
    fields: { relation: { ftm: 'relationship', kind: 'text' } },
  },
  REPRESENTS: { schema: 'Representation', source: 'agent', target: 'client', fields: { role: { ftm: 'role', kind: 'text' } } },
  LOBBIES: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'lobbies', marked: true },
  RESTRICTS: { schema: 'UnknownLink', source: 'subject', target: 'object', role: 'restricts', marked: true },
  LINKED_TO: { schema: 'UnknownLink', source: 'subject', target: 'object', fields: { relation: { ftm: 'role', kind: 'text' } } },
  PUBLISHED: { schema: 'Documentation', source: 'entity', target: 'document', role: 'published', marked: true },
  QUOTED_IN: {
    schema: 'Documentation',
    source: 'entity',
    target: 'document',
    fields: { role: { ftm: 'role', kind: 'text' } },
    marked: true,
  },
  MENTIONS: { schema: 'Documentation', source: 'document', target: 'entity', role: 'mentions' },
};

export interface LinkImport {
  /** Our type, or a rule that picks it from the kinds at both ends. */
  readonly type: RelationshipType | ((source: EntityKind, target: EntityKind) => RelationshipType | undefined);
  readonly source: string;
  readonly target: string;
  readonly fields: Readonly<Record<string, { ftm: string; kind: FieldKind }>>;
  /** Set on every relationship read from this schema. */
  readonly fixed?: Readonly<Record<string, unknown>>;
}

/** Every unmarked spec read backwards, plus FtM links we read but write another way. */
const imports = new Map<string, LinkImport>();
for (const [type, spec] of Object.entries(LINK_OF_TYPE) as [keyof typeof LINK_OF_TYPE, LinkSpec][]) {
  if (!spec.marked) imports.set(spec.schema, { type, source: spec.source, target: spec.target, fields: spec.fields ?? {} });
}
// A director of a public body holds a position there; a company as director is a plain link.
imports.set('Directorship', {
  type: (source, target) => (source !== 'Person' ? undefined : target === 'PublicBody' ? 'HOLDS_POSITION' : 'SITS_ON_BOARD'),
  source: 'director',
  target: 'organization',
  fields: { seat: { ftm: 'role', kind: 'text' } },
});
// A loan: the creditor paid the debtor.
imports.set('Debt', {
  type: 'PAID',
  source: 'creditor',
  target: 'debtor',
  fields: MONEY_FIELDS,
  fixed: { paymentKind: 'loan' },
});

/** How a line of this FtM link schema is read, for the schema or the nearest one it inherits from. */
export function linkImportOf(schema: string): LinkImport | undefined {
  for (const [name, spec] of imports) if (isA(schema, name)) return spec;
  return undefined;
}

/** Our types whose annotation names them on a line of this schema (marked specs). */
export function markedSpec(type: string): LinkSpec | undefined {
  const spec = (LINK_OF_TYPE as Record<string, LinkSpec | undefined>)[type];
  return spec?.marked ? spec : undefined;
}

/** Fields holding our entity ids: written as FtM ids in an annotation, read back as ours. */
export const REFERENCE_FIELDS = new Set(['counterpartyIds', 'onBehalfOf']);
