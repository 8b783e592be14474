/**
 * What the editing forms hold, and the requests they turn into. Pure (no React), so the rules a person
 * meets on the page (a relationship needs a citation; a cleared field is removed) are unit-tested.
 */
import { Language, PAYMENT_KINDS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES, ROLE_FIELD } from '../../../../schemas/index.js';
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

/** A field of the connection form: the relationship property it sets, and how it is typed in. */
export interface ConnectionField {
  readonly name: string;
  readonly input: 'text' | 'multiline' | 'number' | 'currency' | 'date' | 'ids' | 'choice' | 'translation';
  readonly options?: readonly string[];
  /** A `translation` field: the language of `roleTranslations` it holds. */
  readonly language?: Language;
}

/** The small fields for a role's (seat's, data's...) translations, one per language, named `roleTranslations.es`. */
const TRANSLATIONS: readonly ConnectionField[] = Language.options.map((language) => ({
  name: `roleTranslations.${language}`,
  input: 'translation',
  language,
}));

/** The type's fields with the translation fields after the words they translate. */
function withTranslations(type: RelationshipType, fields: readonly ConnectionField[]): readonly ConnectionField[] {
  const translated = (ROLE_FIELD as Partial<Record<RelationshipType, string>>)[type];
  const at = fields.findIndex((f) => f.name === translated);
  return at < 0 ? fields : [...fields.slice(0, at + 1), ...TRANSLATIONS, ...fields.slice(at + 1)];
}

const text = (name: string): ConnectionField => ({ name, input: 'text' });
const MONEY: readonly ConnectionField[] = [
  { name: 'amount', input: 'number' },
  { name: 'currency', input: 'currency' },
];

/** The properties particular to each type (see `Relationship` in schemas/graph.ts), in form order. */
const OWN_FIELDS: Readonly<Partial<Record<RelationshipType, readonly ConnectionField[]>>> = {
  HOLDS_POSITION: [text('role')],
  SITS_ON_BOARD: [text('seat')],
  MEMBER_OF: [text('role')],
  QUOTED_IN: [text('role')],
  REPRESENTS: [text('role')],
  SUPPLIES_DATA_TO: [text('data')],
  RESTRICTS: [{ name: 'summary', input: 'multiline' }],
  SUBSIDIARY_OF: [{ name: 'percentage', input: 'number' }],
  OWNS: [{ name: 'percentage', input: 'number' }, { name: 'sharesCount', input: 'number' }, text('ownershipType')],
  PAID: [
    ...MONEY,
    { name: 'paymentKind', input: 'choice', options: PAYMENT_KINDS },
    { name: 'purpose', input: 'multiline' },
    text('programme'),
    { name: 'amountEur', input: 'number' },
    { name: 'amountUsd', input: 'number' },
  ],
  AWARDED_TO: MONEY,
  FAMILY_OF: [text('relation')],
  ASSOCIATE_OF: [text('relation')],
  LINKED_TO: [text('relation')],
  LOBBIES: [{ name: 'issue', input: 'multiline' }, { name: 'onBehalfOf', input: 'ids' }, ...MONEY],
  SANCTIONED_BY: [
    text('program'),
    { name: 'reason', input: 'multiline' },
    text('provisions'),
    { name: 'listingDate', input: 'date' },
  ],
};

/** The properties particular to each type, in form order, with the translations of its words. */
export const TYPE_FIELDS: Readonly<Partial<Record<RelationshipType, readonly ConnectionField[]>>> = Object.fromEntries(
  Object.entries(OWN_FIELDS).map(([type, fields]) => [type, withTranslations(type as RelationshipType, fields)]),
);

export interface Endpoint {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

export interface RelationshipDraft {
  readonly type: RelationshipType | '';
  readonly source?: Endpoint | undefined;
  readonly target?: Endpoint | undefined;
  /** The type's own fields (TYPE_FIELDS) as typed, by name. */
  readonly fields: Readonly<Record<string, string>>;
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
    fields: {},
    start: '',
    end: '',
    current: '',
    status: 'reported',
    citations: [EMPTY_CITATION],
  };
}

export function relationshipDraftOf(edge: GraphEdge, source: Endpoint, target: Endpoint): RelationshipDraft {
  const record = edge as unknown as Record<string, unknown>;
  const fields = Object.fromEntries(
    (TYPE_FIELDS[edge.type] ?? []).map(({ name, language }) => {
      const value = language ? ('roleTranslations' in edge ? edge.roleTranslations?.[language] : undefined) : record[name];
      return [name, value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value)];
    }),
  );
  return {
    type: edge.type,
    source,
    target,
    fields,
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

export type RelationshipFormProblem =
  'type' | 'source' | 'target' | 'ends' | 'number' | 'citation' | ReturnType<typeof citationProblem>;

/** The first reason the form cannot be saved; a missing citation is refused here and by the server. */
export function relationshipProblem(draft: RelationshipDraft): RelationshipFormProblem | undefined {
  if (!draft.source) return 'source';
  if (!draft.target) return 'target';
  if (!draft.type) return 'type';
  if (!allowedTypes(draft.source.kind, draft.target.kind).includes(draft.type)) return 'ends';
  const numbers = (TYPE_FIELDS[draft.type] ?? []).filter((f) => f.input === 'number');
  if (numbers.some((f) => (draft.fields[f.name] ?? '').trim() !== '' && !Number.isFinite(Number(draft.fields[f.name]))))
    return 'number';
  if (draft.citations.length === 0) return 'citation';
  return draft.citations.map(citationProblem).find(Boolean);
}

/** A typed-in value as the relationship holds it; undefined when left empty. */
function fieldValue(field: ConnectionField, typed: string | undefined): unknown {
  const value = (typed ?? '').trim();
  if (value === '') return undefined;
  switch (field.input) {
    case 'number':
      return Number(value);
    case 'currency':
      return value.toUpperCase();
    case 'ids':
      return value.split(/[\s,]+/).filter(Boolean);
    default:
      return value;
  }
}

function relationshipFields(draft: RelationshipDraft): Record<string, unknown> {
  const typeFields = draft.type ? (TYPE_FIELDS[draft.type] ?? []) : [];
  const own = typeFields.filter((f) => !f.language).map((f) => [f.name, fieldValue(f, draft.fields[f.name])]);
  const translations = typeFields
    .map((f) => [f.language, fieldValue(f, draft.fields[f.name])] as const)
    .filter(([language, value]) => language !== undefined && value !== undefined);
  return {
    roleTranslations: translations.length > 0 ? Object.fromEntries(translations) : undefined,
    start: draft.start.trim() || undefined,
    end: draft.end.trim() || undefined,
    current: draft.current === '' ? undefined : draft.current === 'true',
    status: draft.status,
    ...Object.fromEntries(own),
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

// ------------------------------------------------------------- conflicts

/** The draft fields that differ between two drafts (two versions of one fact, as the form shows them). */
export function changedDraftFields<T extends object>(a: T, b: T): (keyof T & string)[] {
  return (Object.keys(a) as (keyof T & string)[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/**
 * "Keep my text" after someone else saved first: the fields I changed (from the version I opened) laid
 * over the version they saved, so their changes to other fields stay and mine win where we both wrote.
 */
export function rebaseDraft<T extends object>(opened: T, mine: T, theirs: T): T {
  const mineChanged = new Set<string>(changedDraftFields(opened, mine));
  return Object.fromEntries(
    (Object.keys(theirs) as (keyof T & string)[]).map((key) => [key, mineChanged.has(key) ? mine[key] : theirs[key]]),
  ) as T;
}
