/**
 * What the editing forms hold, and the requests they turn into. Pure (no React), so the rules a person
 * meets on the page (a relationship needs a citation; a cleared field is removed) are unit-tested.
 */
import { RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../../../schemas/index.js';
import type {
  CitationInput,
  CreateEntityRequestInput,
  CreateRelationshipRequestInput,
  EntityKind,
  FactStatus,
  GraphEdge,
  GraphNode,
  RelationshipType,
  UpdateEntityRequestInput,
  UpdateRelationshipRequestInput,
} from '../../../../schemas/index.js';

export interface CitationDraft {
  readonly source: 'existing' | 'new';
  /** An existing Document, picked by search. */
  readonly documentId: string;
  readonly documentName: string;
  /** A new Document, described inline. */
  readonly title: string;
  readonly publisher: string;
  readonly publishedOn: string;
  readonly url: string;
  readonly locator: string;
  readonly quote: string;
}

export const EMPTY_CITATION: CitationDraft = {
  source: 'existing',
  documentId: '',
  documentName: '',
  title: '',
  publisher: '',
  publishedOn: '',
  url: '',
  locator: '',
  quote: '',
};

/** Why a citation cannot be sent yet (a key of `editing.problems`), or undefined when it can. */
export function citationProblem(
  c: CitationDraft,
): 'citationDocument' | 'citationTitle' | 'citationLocator' | 'citationQuote' | undefined {
  if (c.source === 'existing' && !c.documentId) return 'citationDocument';
  if (c.source === 'new' && !c.title.trim()) return 'citationTitle';
  if (!c.locator.trim()) return 'citationLocator';
  if (!c.quote.trim()) return 'citationQuote';
  return undefined;
}

export function toCitationInput(c: CitationDraft): CitationInput {
  const base = { locator: c.locator.trim(), quote: c.quote.trim() };
  if (c.source === 'existing') return { documentId: c.documentId, ...base };
  return {
    newDocument: {
      title: c.title.trim(),
      ...(c.publisher.trim() ? { publisher: c.publisher.trim() } : {}),
      ...(c.publishedOn.trim() ? { publishedOn: c.publishedOn.trim() } : {}),
      ...(c.url.trim() ? { url: c.url.trim() } : {}),
    },
    ...base,
  };
}

export function citationDrafts(citations: readonly { documentId: string; locator: string; quote: string }[]): CitationDraft[] {
  return citations.map((c) => ({
    ...EMPTY_CITATION,
    documentId: c.documentId,
    documentName: c.documentId,
    locator: c.locator,
    quote: c.quote,
  }));
}

// ------------------------------------------------------------------ entities

export interface EntityDraft {
  readonly kind: EntityKind;
  readonly name: string;
  /** One alias per line: names in other scripts keep their commas. */
  readonly aliases: string;
  readonly description: string;
  readonly start: string;
  readonly end: string;
  readonly status: FactStatus;
  /** Organisations, public bodies and laws. */
  readonly jurisdiction: string;
  /** Contracts. */
  readonly amount: string;
  readonly currency: string;
  /** Documents. */
  readonly title: string;
  readonly publisher: string;
  readonly publishedOn: string;
  readonly url: string;
  readonly citations: readonly CitationDraft[];
}

/** Which optional fields a kind shows in the form. */
export const KIND_FIELDS: Record<
  EntityKind,
  readonly ('jurisdiction' | 'amount' | 'currency' | 'title' | 'publisher' | 'publishedOn' | 'url')[]
> = {
  Person: [],
  Organization: ['jurisdiction'],
  PublicBody: ['jurisdiction'],
  DataSystem: [],
  Contract: ['amount', 'currency'],
  Law: ['jurisdiction'],
  Document: ['title', 'publisher', 'publishedOn', 'url'],
};

export function emptyEntityDraft(kind: EntityKind = 'Person'): EntityDraft {
  return {
    kind,
    name: '',
    aliases: '',
    description: '',
    start: '',
    end: '',
    status: 'reported',
    jurisdiction: '',
    amount: '',
    currency: '',
    title: '',
    publisher: '',
    publishedOn: '',
    url: '',
    citations: kind === 'Document' ? [] : [EMPTY_CITATION],
  };
}

export function entityDraftOf(node: GraphNode): EntityDraft {
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  const fields = node as unknown as Record<string, unknown>;
  return {
    ...emptyEntityDraft(node.kind),
    name: node.name,
    aliases: node.aliases.join('\n'),
    description: text(node.description),
    start: text(node.start),
    end: text(node.end),
    status: node.status,
    jurisdiction: text(fields.jurisdiction),
    amount: text(fields.amount),
    currency: text(fields.currency),
    title: text(fields.title),
    publisher: text(fields.publisher),
    publishedOn: text(fields.publishedOn),
    url: text(fields.url),
    citations: citationDrafts(node.citations),
  };
}

/** The fields of a draft as the API wants them; empty means "not given". */
function entityFields(draft: EntityDraft): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    name: draft.name.trim(),
    aliases: draft.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    description: draft.description.trim() || undefined,
    start: draft.start.trim() || undefined,
    end: draft.end.trim() || undefined,
    status: draft.status,
  };
  for (const key of KIND_FIELDS[draft.kind]) {
    const value = draft[key].trim();
    fields[key] = value === '' ? undefined : key === 'amount' ? Number(value) : value;
  }
  return fields;
}

export type EntityFormProblem = 'name' | 'citation' | 'title' | ReturnType<typeof citationProblem>;

export function entityProblem(draft: EntityDraft): EntityFormProblem | undefined {
  if (!draft.name.trim()) return 'name';
  if (draft.kind === 'Document' && !draft.title.trim()) return 'title';
  if (draft.kind !== 'Document' && draft.citations.length === 0) return 'citation';
  return draft.citations.map(citationProblem).find(Boolean);
}

export function createEntityRequest(draft: EntityDraft): CreateEntityRequestInput {
  const fields = Object.fromEntries(Object.entries(entityFields(draft)).filter(([, v]) => v !== undefined));
  return { ...fields, kind: draft.kind, name: draft.name.trim(), citations: draft.citations.map(toCitationInput) };
}

/** Only what changed: a field emptied is sent as null (removed); citations are sent when they changed. */
export function updateEntityRequest(node: GraphNode, draft: EntityDraft): UpdateEntityRequestInput {
  const before = entityFields(entityDraftOf(node));
  const after = entityFields(draft);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) === JSON.stringify(before[key])) continue;
    patch[key] = value === undefined ? null : value;
  }
  const citations = draft.citations.map(toCitationInput);
  if (JSON.stringify(citations) !== JSON.stringify(entityDraftOf(node).citations.map(toCitationInput)))
    patch.citations = citations;
  return patch as UpdateEntityRequestInput;
}

// ------------------------------------------------------------- relationships

/** The one property particular to a type, shown as the "detail" field. */
export const QUALIFIER_FIELD: Partial<Record<RelationshipType, 'role' | 'seat' | 'data' | 'summary' | 'percentage'>> = {
  HOLDS_POSITION: 'role',
  SITS_ON_BOARD: 'seat',
  MEMBER_OF: 'role',
  QUOTED_IN: 'role',
  SUPPLIES_DATA_TO: 'data',
  RESTRICTS: 'summary',
  SUBSIDIARY_OF: 'percentage',
};

export interface Endpoint {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

export interface RelationshipDraft {
  readonly type: RelationshipType | '';
  readonly source?: Endpoint | undefined;
  readonly target?: Endpoint | undefined;
  readonly qualifier: string;
  readonly start: string;
  readonly end: string;
  /** '' unknown, 'true' current, 'false' former. */
  readonly current: '' | 'true' | 'false';
  readonly status: FactStatus;
  readonly citations: readonly CitationDraft[];
}

export function emptyRelationshipDraft(source?: Endpoint): RelationshipDraft {
  return {
    type: '',
    source,
    target: undefined,
    qualifier: '',
    start: '',
    end: '',
    current: '',
    status: 'reported',
    citations: [EMPTY_CITATION],
  };
}

export function relationshipDraftOf(edge: GraphEdge, source: Endpoint, target: Endpoint): RelationshipDraft {
  const field = QUALIFIER_FIELD[edge.type];
  const value = field ? (edge as unknown as Record<string, unknown>)[field] : undefined;
  return {
    type: edge.type,
    source,
    target,
    qualifier: value === undefined ? '' : String(value),
    start: edge.start ?? '',
    end: edge.end ?? '',
    current: edge.current === undefined ? '' : edge.current ? 'true' : 'false',
    status: edge.status,
    citations: citationDrafts(edge.citations),
  };
}

/** Types the allowlist permits between these kinds (all that fit the source when the target is open). */
export function allowedTypes(source?: EntityKind, target?: EntityKind): RelationshipType[] {
  return RELATIONSHIP_TYPES.filter((type) => {
    const rule = RELATIONSHIP_RULES[type];
    return (
      (source === undefined || (rule.from as readonly EntityKind[]).includes(source)) &&
      (target === undefined || (rule.to as readonly EntityKind[]).includes(target))
    );
  });
}

export type RelationshipFormProblem = 'type' | 'source' | 'target' | 'ends' | 'citation' | ReturnType<typeof citationProblem>;

/** The first reason the form cannot be saved; a missing citation is refused here and by the server. */
export function relationshipProblem(draft: RelationshipDraft): RelationshipFormProblem | undefined {
  if (!draft.source) return 'source';
  if (!draft.target) return 'target';
  if (!draft.type) return 'type';
  if (!allowedTypes(draft.source.kind, draft.target.kind).includes(draft.type)) return 'ends';
  if (draft.citations.length === 0) return 'citation';
  return draft.citations.map(citationProblem).find(Boolean);
}

function relationshipFields(draft: RelationshipDraft): Record<string, unknown> {
  const field = draft.type ? QUALIFIER_FIELD[draft.type] : undefined;
  const qualifier = draft.qualifier.trim();
  return {
    start: draft.start.trim() || undefined,
    end: draft.end.trim() || undefined,
    current: draft.current === '' ? undefined : draft.current === 'true',
    status: draft.status,
    ...(field ? { [field]: qualifier === '' ? undefined : field === 'percentage' ? Number(qualifier) : qualifier } : {}),
  };
}

export function createRelationshipRequest(draft: RelationshipDraft): CreateRelationshipRequestInput {
  const fields = Object.fromEntries(Object.entries(relationshipFields(draft)).filter(([, v]) => v !== undefined));
  return {
    ...fields,
    type: draft.type as RelationshipType,
    source: draft.source?.id ?? '',
    target: draft.target?.id ?? '',
    citations: draft.citations.map(toCitationInput),
  };
}

export function updateRelationshipRequest(edge: GraphEdge, draft: RelationshipDraft): UpdateRelationshipRequestInput {
  const original = relationshipDraftOf(edge, draft.source as Endpoint, draft.target as Endpoint);
  const before = relationshipFields(original);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(relationshipFields(draft))) {
    if (JSON.stringify(value) === JSON.stringify(before[key])) continue;
    patch[key] = value === undefined ? null : value;
  }
  const citations = draft.citations.map(toCitationInput);
  if (JSON.stringify(citations) !== JSON.stringify(original.citations.map(toCitationInput))) patch.citations = citations;
  return patch as UpdateRelationshipRequestInput;
}
