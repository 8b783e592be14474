/**
 * The data model: entity kinds, relationship types and the shapes of both. This is the allowlist the
 * server takes labels and relationship types from; nothing else ever reaches Cypher as a label or type.
 */
import { z } from 'zod';
import { Citation, EntityId, FactFields, PartialDate, Version, WebAddress } from './common.js';

/** Kept on what a FollowTheMoney import wrote, so a second import of the same file updates it. */
const FtmId = z.string().min(1).max(500).optional().describe('the FollowTheMoney id this was imported from');

export const ENTITY_KINDS = ['Person', 'Organization', 'PublicBody', 'DataSystem', 'Contract', 'Law', 'Document'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/**
 * Relationship types, directed the way a sentence reads, with the kinds allowed at each end.
 * `category` groups them for styling and for path finding: provenance links (a document mentions,
 * publishes, quotes) are not how money or data moves, so paths leave them out unless asked.
 */
export const RELATIONSHIP_RULES = {
  HOLDS_POSITION: { from: ['Person'], to: ['Organization', 'PublicBody'], category: 'role' },
  SITS_ON_BOARD: { from: ['Person'], to: ['Organization'], category: 'role' },
  MEMBER_OF: { from: ['Person', 'Organization'], to: ['Organization'], category: 'role' },
  SUBSIDIARY_OF: { from: ['Organization'], to: ['Organization'], category: 'structure' },
  // Organization -> Organization too: a board or unit is part of its company (ADR 0003).
  PART_OF: { from: ['PublicBody', 'Organization'], to: ['PublicBody', 'Organization'], category: 'structure' },
  OPERATES: { from: ['Organization', 'PublicBody'], to: ['DataSystem'], category: 'data' },
  SUPPLIES_DATA_TO: { from: ['DataSystem', 'Organization', 'PublicBody'], to: ['Organization', 'PublicBody'], category: 'data' },
  BUYER_OF: { from: ['Organization', 'PublicBody'], to: ['Contract'], category: 'money' },
  AWARDED_TO: { from: ['Contract'], to: ['Organization'], category: 'money' },
  RESTRICTS: { from: ['Law'], to: ['PublicBody', 'Organization'], category: 'law' },
  PUBLISHED: { from: ['Organization', 'PublicBody'], to: ['Document'], category: 'provenance' },
  QUOTED_IN: { from: ['Person'], to: ['Document'], category: 'provenance' },
  MENTIONS: { from: ['Document'], to: [...ENTITY_KINDS], category: 'provenance' },
} as const satisfies Record<string, { from: readonly EntityKind[]; to: readonly EntityKind[]; category: string }>;

export type RelationshipType = keyof typeof RELATIONSHIP_RULES;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_RULES) as [RelationshipType, ...RelationshipType[]];
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipCategory = (typeof RELATIONSHIP_RULES)[RelationshipType]['category'];

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
  mergedIds: z.array(EntityId).max(1000).optional().describe('ids of entities merged into this one (kept as identifiers)'),
});

const Sourced = z.object({ ...FactFields, citations: z.array(Citation).min(1, 'at least one citation is required') });

const Money = {
  amount: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
};

export const PersonEntity = EntityBase.extend({ kind: z.literal('Person'), ...Sourced.shape });
export const OrganizationEntity = EntityBase.extend({
  kind: z.literal('Organization'),
  ...Sourced.shape,
  jurisdiction: z.string().max(200).optional(),
});
export const PublicBodyEntity = EntityBase.extend({
  kind: z.literal('PublicBody'),
  ...Sourced.shape,
  jurisdiction: z.string().max(200).optional(),
});
export const DataSystemEntity = EntityBase.extend({ kind: z.literal('DataSystem'), ...Sourced.shape });
export const ContractEntity = EntityBase.extend({
  kind: z.literal('Contract'),
  ...Sourced.shape,
  ...Money,
  signedOn: PartialDate.optional(),
  purpose: z.string().max(2000).optional(),
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

const RelationshipBase = z.object({
  id: EntityId,
  source: EntityId,
  target: EntityId,
  ...Sourced.shape,
  ftmId: FtmId,
});

export const Relationship = z
  .discriminatedUnion('type', [
    RelationshipBase.extend({ type: z.literal('HOLDS_POSITION'), role: z.string().max(300).optional() }),
    RelationshipBase.extend({ type: z.literal('SITS_ON_BOARD'), seat: z.string().max(300).optional() }),
    RelationshipBase.extend({ type: z.literal('MEMBER_OF'), role: z.string().max(300).optional() }),
    RelationshipBase.extend({
      type: z.literal('SUBSIDIARY_OF'),
      percentage: z.number().min(0).max(100).optional().describe('share of the subsidiary the parent owns'),
    }),
    RelationshipBase.extend({ type: z.literal('PART_OF') }),
    RelationshipBase.extend({ type: z.literal('OPERATES') }),
    RelationshipBase.extend({ type: z.literal('SUPPLIES_DATA_TO'), data: z.string().max(500).optional().describe('what flows') }),
    RelationshipBase.extend({ type: z.literal('BUYER_OF') }),
    RelationshipBase.extend({ type: z.literal('AWARDED_TO') }),
    RelationshipBase.extend({
      type: z.literal('RESTRICTS'),
      summary: z.string().max(2000).optional().describe('what the law forbids or requires'),
      counterpartyIds: z
        .array(EntityId)
        .default([])
        .describe('entities the restricted body may not help or share data with (e.g. ICE)'),
    }),
    RelationshipBase.extend({ type: z.literal('PUBLISHED') }),
    RelationshipBase.extend({ type: z.literal('QUOTED_IN'), role: z.string().max(300).optional() }),
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
