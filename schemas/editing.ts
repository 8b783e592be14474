/**
 * Editing the graph by hand: request and answer shapes of creating, changing and deleting entities and
 * relationships, of undoing a recorded change, and of duplicates and merges. The page's forms use the
 * same shapes. A draft is checked twice: here (shape, at least one citation on a relationship), then on
 * the server against the full `Entity`/`Relationship` schema once its id and inline documents are known.
 */
import { z } from 'zod';
import { ApiError, Citation, EntityId, FactStatus, PartialDate, Version, WebAddress } from './common.js';
import {
  ContractEntity,
  DataSystemEntity,
  DocumentEntity,
  EntityKind,
  GraphEdge,
  GraphNode,
  LawEntity,
  OrganizationEntity,
  PersonEntity,
  PublicBodyEntity,
  RELATIONSHIP_FIELD_SHAPES,
  RelationshipType,
} from './graph.js';

// ------------------------------------------------------------- citations

/** A source created in the same request as the fact that cites it. */
export const NewDocument = z
  .object({
    title: z.string().trim().min(1, 'a new document needs a title').max(500),
    publisher: z.string().trim().min(1).max(300).optional(),
    publishedOn: PartialDate.optional(),
    url: WebAddress.optional(),
    language: DocumentEntity.shape.language,
  })
  .strict();
export type NewDocument = z.infer<typeof NewDocument>;

/**
 * A citation as a form sends it: the document is either one that exists (`documentId`) or a new one
 * described inline (`newDocument`), never both.
 */
export const CitationInput = z
  .object({
    documentId: EntityId.optional().describe('an existing Document'),
    newDocument: NewDocument.optional().describe('or a new Document, created in the same transaction'),
    locator: Citation.shape.locator,
    quote: Citation.shape.quote,
  })
  .strict()
  .refine((c) => (c.documentId === undefined) !== (c.newDocument === undefined), {
    message: 'give either documentId or newDocument',
    path: ['documentId'],
  });
export type CitationInput = z.infer<typeof CitationInput>;

const NO_CITATION = 'a relationship needs at least one citation: a document, a locator (page, line) and the exact quote';

// ---------------------------------------------------------------- versions

/** The version a change was made against (or send it as `If-Match: "3"`): 412 when the fact moved on. */
const VERSION_FIELD = Version.optional().describe(
  'the version this change was made against (same as If-Match); refused with 412 version_conflict when the fact has changed since',
);

function changesSomething(patch: Record<string, unknown>): boolean {
  return Object.keys(patch).some((key) => key !== 'version');
}

/** The optional body of a DELETE: the version the deletion was decided on. */
export const DeleteRequest = z.object({ version: VERSION_FIELD }).strict().nullish();
export type DeleteRequest = z.infer<typeof DeleteRequest>;

/** Who changed a fact last, from the audit trail. */
export const LastChange = z.object({
  auditId: z.string(),
  at: z.string().describe('ISO timestamp'),
  actor: z.string(),
  action: z.string(),
  /** The fields that change touched (`citations` for the sources). */
  fields: z.array(z.string()),
});
export type LastChange = z.infer<typeof LastChange>;

// -------------------------------------------------------------- entities

/** Every property any kind may carry, except the structural ones (id, kind, citations). */
const ENTITY_FIELD_SHAPES = {
  ...PersonEntity.shape,
  ...OrganizationEntity.shape,
  ...PublicBodyEntity.shape,
  ...DataSystemEntity.shape,
  ...LawEntity.shape,
  ...ContractEntity.shape,
  ...DocumentEntity.shape,
};
const entityFields = z
  .object(ENTITY_FIELD_SHAPES)
  .omit({ id: true, kind: true, citations: true, ftmId: true, ftmSchema: true, mergedIds: true, status: true }).shape;
type FieldShapes = typeof entityFields;

/** The field names a person may set on an entity (which apply depends on its kind). */
export const ENTITY_FIELDS = Object.keys(entityFields) as (keyof FieldShapes)[];

type Unwrapped<T> = T extends z.ZodDefault<infer I> ? I : T;
function withoutDefault<T extends z.ZodType>(schema: T): Unwrapped<T> {
  return (schema instanceof z.ZodDefault ? schema.unwrap() : schema) as Unwrapped<T>;
}

/** Optional fields: absent means "not given". */
function optionalFields<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: z.ZodOptional<Unwrapped<S[K]>> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, withoutDefault(v).optional()])) as {
    [K in keyof S]: z.ZodOptional<Unwrapped<S[K]>>;
  };
}

/** Patch fields: absent keeps the stored value, null removes it. */
function clearableFields<S extends Record<string, z.ZodType>>(
  shape: S,
): { [K in keyof S]: z.ZodOptional<z.ZodNullable<Unwrapped<S[K]>>> } {
  return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, withoutDefault(v).nullable().optional()])) as {
    [K in keyof S]: z.ZodOptional<z.ZodNullable<Unwrapped<S[K]>>>;
  };
}

const draftEntityFields = optionalFields(entityFields);

export const CreateEntityRequest = z
  .object({
    ...draftEntityFields,
    id: EntityId.optional().describe('made from the kind and name when absent'),
    kind: EntityKind,
    name: PersonEntity.shape.name,
    status: FactStatus.default('reported'),
    citations: z.array(CitationInput).max(50).default([]).describe('required for every kind except Document'),
  })
  .strict();
export type CreateEntityRequest = z.infer<typeof CreateEntityRequest>;
/** What a client sends (defaults not yet applied). */
export type CreateEntityRequestInput = z.input<typeof CreateEntityRequest>;

export const UpdateEntityRequest = z
  .object({
    ...clearableFields(entityFields),
    status: FactStatus.optional(),
    citations: z.array(CitationInput).max(50).optional().describe('when present, replaces the citations'),
    version: VERSION_FIELD,
  })
  .strict()
  .refine(changesSomething, { message: 'change at least one field' });
export type UpdateEntityRequest = z.infer<typeof UpdateEntityRequest>;
/** What a client sends (defaults not yet applied). */
export type UpdateEntityRequestInput = z.input<typeof UpdateEntityRequest>;

// --------------------------------------------------------- relationships

/** Properties particular to some relationship types (see `Relationship` in graph.ts). */
const relationshipExtras = RELATIONSHIP_FIELD_SHAPES;
export const RELATIONSHIP_FIELDS = ['start', 'end', 'current', 'inferredFrom', ...Object.keys(relationshipExtras)] as const;

const factFieldShapes = {
  start: PartialDate,
  end: PartialDate,
  current: z.boolean(),
  inferredFrom: z.string().min(1).max(1000),
  ...relationshipExtras,
};

export const CreateRelationshipRequest = z
  .object({
    ...optionalFields(factFieldShapes),
    id: EntityId.optional().describe('made from the ends and the type when absent'),
    type: RelationshipType,
    source: EntityId,
    target: EntityId,
    status: FactStatus.default('reported'),
    citations: z.array(CitationInput).min(1, NO_CITATION).max(50),
  })
  .strict();
export type CreateRelationshipRequest = z.infer<typeof CreateRelationshipRequest>;
/** What a client sends (defaults not yet applied). */
export type CreateRelationshipRequestInput = z.input<typeof CreateRelationshipRequest>;

/** Type and ends are what a relationship is; to change them, delete it and create another. */
export const UpdateRelationshipRequest = z
  .object({
    ...clearableFields(factFieldShapes),
    status: FactStatus.optional(),
    citations: z.array(CitationInput).min(1, NO_CITATION).max(50).optional(),
    version: VERSION_FIELD,
  })
  .strict()
  .refine(changesSomething, { message: 'change at least one field' });
export type UpdateRelationshipRequest = z.infer<typeof UpdateRelationshipRequest>;
/** What a client sends (defaults not yet applied). */
export type UpdateRelationshipRequestInput = z.input<typeof UpdateRelationshipRequest>;

// ---------------------------------------------------------------- answers

/** What a write did: the audit entry that records it (to show or undo), and the result. */
export const EntityWriteResult = z.object({
  /** Null when the request changed nothing (nothing written, nothing recorded). */
  auditId: z.string().nullable(),
  entity: GraphNode,
  /** Documents created inline for the citations. */
  createdDocuments: z.array(GraphNode),
});
export type EntityWriteResult = z.infer<typeof EntityWriteResult>;

export const RelationshipWriteResult = z.object({
  auditId: z.string().nullable(),
  relationship: GraphEdge,
  createdDocuments: z.array(GraphNode),
});
export type RelationshipWriteResult = z.infer<typeof RelationshipWriteResult>;

export const DeleteResult = z.object({
  auditId: z.string(),
  deleted: z.object({ entities: z.array(EntityId), relationships: z.array(EntityId) }),
});
export type DeleteResult = z.infer<typeof DeleteResult>;

export const AuditParams = z.object({ id: z.string().min(1).max(200) });

/** 412: the fact changed since the version the write was made against; here is what it is now. */
export const VersionConflictResponse = ApiError.extend({
  current: z.union([GraphNode, GraphEdge]).describe('the entity or relationship as it is now, with its version'),
  lastChange: LastChange.nullable().describe('the newest recorded change of it, when the audit trail has one'),
});
export type VersionConflictResponse = z.infer<typeof VersionConflictResponse>;

/** An undone change: the new audit entry, and which entities and relationships it touched. */
export const UndoResult = z.object({
  auditId: z.string(),
  undid: z.string().describe('the audit entry undone'),
  entityIds: z.array(EntityId),
  relationshipIds: z.array(EntityId),
});
export type UndoResult = z.infer<typeof UndoResult>;

// --------------------------------------------------- duplicates and merges

export const DUPLICATE_REASONS = ['identifier', 'same-name', 'alias', 'similar-name'] as const;
export const DuplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateCandidate = z.object({ id: EntityId, kind: EntityKind, name: z.string(), aliases: z.array(z.string()) });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicatePair = z.object({
  a: DuplicateCandidate,
  b: DuplicateCandidate,
  /** 0..1, higher is likelier. */
  score: z.number().min(0).max(1),
  reason: DuplicateReason,
  /** In words: which names or identifier matched. */
  detail: z.string(),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicatesQuery = z.object({
  kind: EntityKind.optional(),
  entity: EntityId.optional().describe('only pairs that include this entity'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type DuplicatesQuery = z.infer<typeof DuplicatesQuery>;

export const DuplicatesResponse = z.object({
  pairs: z.array(DuplicatePair),
  /** Pairs found in all (before paging), and whether the search stopped at its cap. */
  total: z.number().int(),
  capped: z.boolean(),
});
export type DuplicatesResponse = z.infer<typeof DuplicatesResponse>;

export const RejectDuplicateRequest = z
  .object({ a: EntityId, b: EntityId })
  .strict()
  .refine((r) => r.a !== r.b, { message: 'a pair needs two different entities', path: ['b'] });
export const RejectDuplicateResult = z.object({ auditId: z.string(), a: EntityId, b: EntityId });

export const MergeRequest = z
  .object({ keepId: EntityId, mergeId: EntityId })
  .strict()
  .refine((r) => r.keepId !== r.mergeId, { message: 'cannot merge an entity into itself', path: ['mergeId'] });
export type MergeRequest = z.infer<typeof MergeRequest>;

export const MergeResult = z.object({
  /** The audit entry of the merge; undo it with POST /api/merges/:id/undo. */
  auditId: z.string(),
  entity: GraphNode,
  movedRelationships: z.number().int(),
  rewrittenReferences: z.number().int().describe('citations and counterparties that named the merged entity'),
});
export type MergeResult = z.infer<typeof MergeResult>;
