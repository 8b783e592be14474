/**
 * The data model: entity kinds, relationship types and the shapes of both. This is the allowlist the
 * server takes labels and relationship types from; nothing else ever reaches Cypher as a label or type.
 */
import { z } from 'zod';
import { Citation, CountryCode, EntityId, FactFields, Identifier, PartialDate, Version, WebAddress } from './common.js';
import { Language } from './language.js';

/** Kept on what a FollowTheMoney import wrote, so a second import of the same file updates it. */
const FtmId = z.string().min(1).max(500).optional().describe('the FollowTheMoney id this was imported from');
/** The FtM schema a fact was read from where ours does not tell it (a Company is our Organization). */
const FtmSchema = z
  .string()
  .regex(/^[A-Z][A-Za-z]{1,59}$/, 'must be a FollowTheMoney schema name such as Company')
  .optional()
  .describe('the FollowTheMoney schema it was read from, written back on export (Company stays Company)');

export const ENTITY_KINDS = ['Person', 'Organization', 'PublicBody', 'DataSystem', 'Contract', 'Law', 'Document'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/**
 * Relationship types, directed the way a sentence reads, with the kinds allowed at each end.
 * `category` groups them for styling and for path finding: provenance links (a document mentions,
 * publishes, quotes) are not how money or data moves, so paths leave them out unless asked.
 */
/** Every kind a fact can be about: anything but a source. */
const NON_DOCUMENT_KINDS = ENTITY_KINDS.filter((k) => k !== 'Document') as Exclude<EntityKind, 'Document'>[];
const PARTIES = ['Person', 'Organization', 'PublicBody'] as const;

export const RELATIONSHIP_RULES = {
  HOLDS_POSITION: { from: ['Person'], to: ['Organization', 'PublicBody'], category: 'role' },
  SITS_ON_BOARD: { from: ['Person'], to: ['Organization'], category: 'role' },
  // Membership of any body or association: a party, a council, a trade association.
  MEMBER_OF: { from: ['Person', 'Organization'], to: ['Organization', 'PublicBody'], category: 'role' },
  SUBSIDIARY_OF: { from: ['Organization'], to: ['Organization'], category: 'structure' },
  // Organization -> Organization too: a board or unit is part of its company (ADR 0003).
  PART_OF: { from: ['PublicBody', 'Organization'], to: ['PublicBody', 'Organization'], category: 'structure' },
  /** A stake (shares, a percentage) held by a person or an organisation. */
  OWNS: { from: PARTIES, to: ['Organization'], category: 'structure' },
  /** Predecessor -> successor: a renamed, merged or reorganised body. */
  SUCCEEDED_BY: { from: ['Organization', 'PublicBody'], to: ['Organization', 'PublicBody'], category: 'structure' },
  OPERATES: { from: ['Organization', 'PublicBody'], to: ['DataSystem'], category: 'data' },
  SUPPLIES_DATA_TO: { from: ['DataSystem', 'Organization', 'PublicBody'], to: ['Organization', 'PublicBody'], category: 'data' },
  BUYER_OF: { from: ['Organization', 'PublicBody'], to: ['Contract'], category: 'money' },
  AWARDED_TO: { from: ['Contract'], to: ['Organization'], category: 'money' },
  /** A payment, donation, grant or loan from anyone to anyone. */
  PAID: { from: PARTIES, to: PARTIES, category: 'money' },
  FAMILY_OF: { from: ['Person'], to: ['Person'], category: 'personal' },
  ASSOCIATE_OF: { from: ['Person', 'Organization'], to: ['Person', 'Organization'], category: 'personal' },
  /** Agent -> client: a lawyer, a lobbyist, a registered representative. */
  REPRESENTS: { from: ['Person', 'Organization'], to: PARTIES, category: 'influence' },
  /** Who lobbies whom; the clients it lobbies for are in `onBehalfOf`. */
  LOBBIES: { from: ['Person', 'Organization'], to: ['PublicBody', 'Organization', 'Person'], category: 'influence' },
  RESTRICTS: { from: ['Law'], to: ['PublicBody', 'Organization'], category: 'law' },
  /** Listed by a sanctioning authority: a dated, cited fact about the entity. */
  SANCTIONED_BY: { from: PARTIES, to: ['PublicBody', 'Organization'], category: 'law' },
  /** Some other tie a source states, said in `relation` (FtM UnknownLink). */
  LINKED_TO: { from: NON_DOCUMENT_KINDS, to: NON_DOCUMENT_KINDS, category: 'other' },
  PUBLISHED: { from: ['Organization', 'PublicBody'], to: ['Document'], category: 'provenance' },
  QUOTED_IN: { from: ['Person'], to: ['Document'], category: 'provenance' },
  MENTIONS: { from: ['Document'], to: [...ENTITY_KINDS], category: 'provenance' },
} as const satisfies Record<string, { from: readonly EntityKind[]; to: readonly EntityKind[]; category: string }>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as [RelationshipType, ...RelationshipType[]];
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipCategory = (typeof RELATIONSHIP_RULES)[RelationshipType]['category'];
export const RELATIONSHIP_CATEGORIES = [...new Set(RELATIONSHIP_TYPES.map((t) => RELATIONSHIP_RULES[t].category))] as [
  RelationshipCategory,
  ...RelationshipCategory[],
];

/** Types that carry substance (who sits where, who pays whom); the default for path finding. */
export const SUBSTANTIVE_TYPES = RELATIONSHIP_TYPES.filter((t) => RELATIONSHIP_RULES[t].category !== 'provenance');

export function isAllowedEndpoint(type: RelationshipType, sourceKind: EntityKind, targetKind: EntityKind): boolean {
  const rule = RELATIONSHIP_RULES[type];
  return (rule.from as readonly EntityKind[]).includes(sourceKind) && (rule.to as readonly EntityKind[]).includes(targetKind);
}

// ---------------------------------------------------------------- entities

const EntityBase = z.object({
  id: EntityId,
  name: z.string().min(1).max(300),
  aliases: z.array(z.string().min(1).max(300)).max(100).default([]).describe('other names, any language and script'),
  description: z.string().max(4000).optional(),
  ftmId: FtmId,
  ftmSchema: FtmSchema,
  mergedIds: z.array(EntityId).max(1000).optional().describe('ids of entities merged into this one (kept as identifiers)'),
  identifiers: z
    .array(Identifier)
    .max(200)
    .optional()
    .describe('codes authorities gave it (registration, tax, LEI, Wikidata...): they decide identity across sources'),
});

/** Where a person or organisation is from and what lists call it (FtM `topics`: `sanction`, `role.pep`...). */
const Placed = {
  country: z.array(CountryCode).max(50).optional().describe('countries it is linked to (ISO 3166 alpha-2, lower case)'),
  topics: z
    .array(
      z
        .string()
        .regex(/^[a-z][a-z0-9.-]*$/, 'must be a topic such as "sanction" or "role.pep"')
        .max(60),
    )
    .max(50)
    .optional()
    .describe('what lists call it, as FollowTheMoney topics: sanction, role.pep, crime...'),
};

const Sourced = z.object({ ...FactFields, citations: z.array(Citation).min(1, 'at least one citation is required') });

const Money = {
  amount: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
};

/** Money as sources give it: the amount in its currency, and the euro or dollar values they add, kept as given. */
export const PaymentMoney = {
  ...Money,
  amountEur: z.number().nonnegative().optional().describe('the value in euros, as the source gives it'),
  amountUsd: z.number().nonnegative().optional().describe('the value in US dollars, as the source gives it'),
};

export const PersonEntity = EntityBase.extend({
  kind: z.literal('Person'),
  ...Sourced.shape,
  ...Placed,
  birthDate: PartialDate.optional(),
  deathDate: PartialDate.optional(),
  nationality: z.array(CountryCode).max(20).optional().describe('ISO 3166 alpha-2, lower case'),
});
/** An organisation's or body's own period (incorporation to dissolution) is its `start` and `end`. */
export const OrganizationEntity = EntityBase.extend({
  kind: z.literal('Organization'),
  ...Sourced.shape,
  ...Placed,
  jurisdiction: z.string().max(200).optional().describe('where it is registered: an ISO code such as "de", or words'),
});
export const PublicBodyEntity = EntityBase.extend({
  kind: z.literal('PublicBody'),
  ...Sourced.shape,
  ...Placed,
  jurisdiction: z.string().max(200).optional().describe('an ISO code such as "us", or words such as "Colorado, US"'),
});
export const DataSystemEntity = EntityBase.extend({ kind: z.literal('DataSystem'), ...Sourced.shape });
/** A change to a contract after it was awarded, as its source records it (an OCDS amendment). */
export const ContractAmendment = z.object({
  date: PartialDate.optional(),
  description: z.string().min(1).max(2000).describe('what changed and why (OCDS rationale and description)'),
});
export type ContractAmendment = z.infer<typeof ContractAmendment>;

export const ContractEntity = EntityBase.extend({
  kind: z.literal('Contract'),
  ...Sourced.shape,
  ...PaymentMoney,
  signedOn: PartialDate.optional(),
  purpose: z.string().max(2000).optional(),
  sourceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date or date and time')
    .max(40)
    .optional()
    .describe('the date of the source record it was read from (an OCDS release): an older record never overwrites it'),
  amendments: z.array(ContractAmendment).max(100).optional().describe('changes after the award, oldest first'),
});
export const LawEntity = EntityBase.extend({
  kind: z.literal('Law'),
  ...Sourced.shape,
  jurisdiction: z.string().max(200).optional(),
  enactedOn: PartialDate.optional(),
});
/** A source. It is what others cite, so its own citations are optional. */
export const DocumentEntity = EntityBase.extend({
  kind: z.literal('Document'),
  ...FactFields,
  status: FactFields.status.default('reported'),
  citations: z.array(Citation).default([]),
  title: z.string().min(1).max(500),
  publisher: z.string().max(300).optional(),
  publishedOn: PartialDate.optional(),
  url: WebAddress.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag such as "ar"')
    .optional(),
});

export const Entity = z
  .discriminatedUnion('kind', [
    PersonEntity,
    OrganizationEntity,
    PublicBodyEntity,
    DataSystemEntity,
    ContractEntity,
    LawEntity,
    DocumentEntity,
  ])
  .superRefine(requireInferredFrom);
export type Entity = z.infer<typeof Entity>;

// ----------------------------------------------------------- relationships

export const PAYMENT_KINDS = ['payment', 'donation', 'grant', 'loan', 'other'] as const;

/**
 * A connection's own words (its role, seat, data, relation, issue or programme) in the reader's
 * languages, where the data has them. The original wording stays in its own field and is always shown
 * beside a translation; a language without one shows the original.
 */
export const RoleTranslations = z
  .partialRecord(Language, z.string().trim().min(1).max(2000))
  .refine((t) => Object.values(t).some((v) => v !== undefined), { message: 'give at least one translation, or leave it out' })
  .describe('the role (seat, data, relation, issue, programme) in other languages: {"es": "...", "ar": "..."}');
export type RoleTranslations = z.infer<typeof RoleTranslations>;

/** Which field holds the words `roleTranslations` translate, for each type that has such words. */
export const ROLE_FIELD = {
  HOLDS_POSITION: 'role',
  SITS_ON_BOARD: 'seat',
  MEMBER_OF: 'role',
  SUPPLIES_DATA_TO: 'data',
  FAMILY_OF: 'relation',
  ASSOCIATE_OF: 'relation',
  REPRESENTS: 'role',
  LOBBIES: 'issue',
  SANCTIONED_BY: 'program',
  LINKED_TO: 'relation',
  QUOTED_IN: 'role',
} as const satisfies Partial<Record<RelationshipType, string>>;
const roleTranslations = { roleTranslations: RoleTranslations.optional() };

/** The words a connection's `roleTranslations` translate, as the data gives them (undefined when none). */
export function roleWords(edge: { readonly type: RelationshipType }): string | undefined {
  const field = (ROLE_FIELD as Partial<Record<RelationshipType, string>>)[edge.type];
  const value = field === undefined ? undefined : (edge as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A connection's words for a reader: the translation into the reader's language where the data has
 * one, else the original. `translated` says which, so a panel can show the original beside it.
 */
export function localRole(
  edge: { readonly type: RelationshipType; readonly roleTranslations?: RoleTranslations | undefined },
  language: string | undefined,
): { text: string; original: string; translated: boolean } | undefined {
  const original = roleWords(edge);
  if (original === undefined) return undefined;
  const parsed = Language.safeParse(language);
  const translation = parsed.success ? edge.roleTranslations?.[parsed.data] : undefined;
  return translation !== undefined && translation !== original
    ? { text: translation, original, translated: true }
    : { text: original, original, translated: false };
}

/** Fields particular to some relationship types; a field shared by several types has one shape. */
export const RELATIONSHIP_FIELD_SHAPES = {
  role: z.string().max(300),
  seat: z.string().max(300),
  percentage: z.number().min(0).max(100),
  data: z.string().max(500),
  summary: z.string().max(2000),
  counterpartyIds: z.array(EntityId),
  ...PaymentMoney,
  purpose: z.string().max(2000),
  programme: z.string().max(500),
  paymentKind: z.enum(PAYMENT_KINDS),
  sharesCount: z.number().nonnegative(),
  ownershipType: z.string().max(300),
  relation: z.string().max(300),
  onBehalfOf: z.array(EntityId),
  issue: z.string().max(2000),
  program: z.string().max(500),
  reason: z.string().max(4000),
  provisions: z.string().max(4000),
  listingDate: PartialDate,
  roleTranslations: RoleTranslations,
};
const F = RELATIONSHIP_FIELD_SHAPES;

const RelationshipBase = z.object({
  id: EntityId,
  source: EntityId,
  target: EntityId,
  ...Sourced.shape,
  ftmId: FtmId,
  ftmSchema: FtmSchema,
});

export const Relationship = z
  .discriminatedUnion('type', [
    RelationshipBase.extend({ type: z.literal('HOLDS_POSITION'), role: z.string().max(300).optional(), ...roleTranslations }),
    RelationshipBase.extend({ type: z.literal('SITS_ON_BOARD'), seat: z.string().max(300).optional(), ...roleTranslations }),
    RelationshipBase.extend({ type: z.literal('MEMBER_OF'), role: z.string().max(300).optional(), ...roleTranslations }),
    RelationshipBase.extend({
      type: z.literal('SUBSIDIARY_OF'),
      percentage: z.number().min(0).max(100).optional().describe('share of the subsidiary the parent owns'),
    }),
    RelationshipBase.extend({
      type: z.literal('OWNS'),
      percentage: F.percentage.optional().describe('share owned, 0-100'),
      sharesCount: F.sharesCount.optional().describe('number of shares held'),
      ownershipType: F.ownershipType.optional().describe('e.g. beneficial owner, shareholder'),
    }),
    RelationshipBase.extend({ type: z.literal('SUCCEEDED_BY') }),
    RelationshipBase.extend({ type: z.literal('PART_OF') }),
    RelationshipBase.extend({ type: z.literal('OPERATES') }),
    RelationshipBase.extend({
      type: z.literal('SUPPLIES_DATA_TO'),
      data: z.string().max(500).optional().describe('what flows'),
      ...roleTranslations,
    }),
    RelationshipBase.extend({ type: z.literal('BUYER_OF') }),
    // The value of this award, where a source gives it apart from the contract's (one lot of several).
    RelationshipBase.extend({ type: z.literal('AWARDED_TO'), ...PaymentMoney }),
    RelationshipBase.extend({
      type: z.literal('PAID'),
      ...PaymentMoney,
      purpose: F.purpose.optional(),
      programme: F.programme.optional().describe('the funding programme or budget line'),
      paymentKind: F.paymentKind.default('payment'),
    }),
    RelationshipBase.extend({
      type: z.literal('FAMILY_OF'),
      relation: F.relation.optional().describe('spouse, child, sibling... as the source says it'),
      ...roleTranslations,
    }),
    RelationshipBase.extend({ type: z.literal('ASSOCIATE_OF'), relation: F.relation.optional(), ...roleTranslations }),
    RelationshipBase.extend({ type: z.literal('REPRESENTS'), role: F.role.optional(), ...roleTranslations }),
    RelationshipBase.extend({
      type: z.literal('LOBBIES'),
      onBehalfOf: F.onBehalfOf.default([]).describe('entity ids of the clients it lobbies for'),
      issue: F.issue.optional().describe('what it lobbies about'),
      ...Money,
      ...roleTranslations,
    }),
    RelationshipBase.extend({
      type: z.literal('SANCTIONED_BY'),
      program: F.program.optional().describe('the sanctions programme'),
      reason: F.reason.optional(),
      provisions: F.provisions.optional().describe('what the listing imposes: asset freeze, travel ban...'),
      listingDate: F.listingDate.optional(),
      ...roleTranslations,
    }),
    RelationshipBase.extend({ type: z.literal('LINKED_TO'), relation: F.relation.optional(), ...roleTranslations }),
    RelationshipBase.extend({
      type: z.literal('RESTRICTS'),
      summary: z.string().max(2000).optional().describe('what the law forbids or requires'),
      counterpartyIds: z
        .array(EntityId)
        .default([])
        .describe('entities the restricted body may not help or share data with (e.g. ICE)'),
    }),
    RelationshipBase.extend({ type: z.literal('PUBLISHED') }),
    RelationshipBase.extend({ type: z.literal('QUOTED_IN'), role: z.string().max(300).optional(), ...roleTranslations }),
    RelationshipBase.extend({ type: z.literal('MENTIONS') }),
  ])
  .superRefine(requireInferredFrom);
export type Relationship = z.infer<typeof Relationship>;

function requireInferredFrom(value: { status?: string; inferredFrom?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.status === 'inferred' && !value.inferredFrom) {
    ctx.addIssue({ code: 'custom', path: ['inferredFrom'], message: 'an inferred fact must say what it was inferred from' });
  }
}

// ------------------------------------------------------------- graph JSON

/** What a read adds to a stored fact: its version (absent only in frozen copies such as snapshots). */
const Versioned = z.object({ version: Version.optional().describe('1 when created, +1 on every change (ETag of single reads)') });

/** A node as the API returns it: `{id, kind, name, ...properties, version}`: an Entity and its version. */
export const GraphNode = z.intersection(Entity, Versioned);
export type GraphNode = z.infer<typeof GraphNode>;

/** An edge as the API returns it: `{id, type, source, target, ...properties, citations, version}`. */
export const GraphEdge = z.intersection(Relationship, Versioned);
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) });
export type Graph = z.infer<typeof Graph>;
