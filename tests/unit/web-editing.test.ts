/** The editing forms' rules, without a browser: what may be saved, and the requests a form sends. */
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../schemas/index.js';
import { CreateEntityRequest, CreateRelationshipRequest, UpdateEntityRequest } from '../../schemas/index.js';
import {
  allowedTypes,
  changedDraftFields,
  createEntityRequest,
  createRelationshipRequest,
  EMPTY_CITATION,
  emptyEntityDraft,
  emptyRelationshipDraft,
  entityDraftOf,
  relationshipDraftOf,
  rebaseDraft,
  relationshipProblem,
  TYPE_FIELDS,
  updateEntityRequest,
  updateRelationshipRequest,
} from '../../web/src/features/editing/drafts.js';
import { fieldChanges } from '../../web/src/features/editing/history.js';

const vincent = { id: 'person:vincent-line', name: 'Vincent Line', kind: 'Person' as const };
const denver = { id: 'public-body:denver', name: 'City and County of Denver', kind: 'PublicBody' as const };
const newSource = {
  ...EMPTY_CITATION,
  source: 'new' as const,
  title: 'Board minutes',
  publisher: 'City of Denver',
  url: 'https://example.org/m',
  locator: 'page 2',
  quote: 'advises',
};

describe('the connection form', () => {
  it('offers only the types the allowlist permits between the two kinds', () => {
    expect(allowedTypes('Person', 'PublicBody')).toEqual([
      'HOLDS_POSITION',
      'MEMBER_OF',
      'PAID',
      'REPRESENTS',
      'LOBBIES',
      'SANCTIONED_BY',
      'LINKED_TO',
    ]);
    expect(allowedTypes('Person', 'Person')).toEqual(['PAID', 'FAMILY_OF', 'ASSOCIATE_OF', 'REPRESENTS', 'LOBBIES', 'LINKED_TO']);
    expect(allowedTypes('Person')).toEqual(expect.arrayContaining(['SITS_ON_BOARD', 'QUOTED_IN']));
    expect(allowedTypes('Person')).not.toContain('BUYER_OF');
  });

  it('refuses to save without a source, or with a source missing its quote, locator or document', () => {
    const draft = { ...emptyRelationshipDraft(vincent), target: denver, type: 'HOLDS_POSITION' as const };
    expect(relationshipProblem({ ...draft, citations: [] })).toBe('citation');
    expect(relationshipProblem(draft)).toBe('citationDocument');
    expect(relationshipProblem({ ...draft, citations: [{ ...newSource, quote: ' ' }] })).toBe('citationQuote');
    expect(relationshipProblem({ ...draft, citations: [{ ...newSource, locator: '' }] })).toBe('citationLocator');
    expect(relationshipProblem({ ...draft, type: 'SITS_ON_BOARD', citations: [newSource] })).toBe('ends');
    expect(relationshipProblem({ ...draft, citations: [newSource] })).toBeUndefined();
  });

  it('sends a request the server schema accepts, with the new document inline', () => {
    const draft = {
      ...emptyRelationshipDraft(vincent),
      target: denver,
      type: 'HOLDS_POSITION' as const,
      fields: { role: 'adviser' },
      current: 'true' as const,
      citations: [newSource],
    };
    const request = createRelationshipRequest(draft);
    expect(CreateRelationshipRequest.parse(request)).toMatchObject({
      type: 'HOLDS_POSITION',
      source: vincent.id,
      target: denver.id,
      role: 'adviser',
      current: true,
      citations: [
        {
          newDocument: { title: 'Board minutes', publisher: 'City of Denver', url: 'https://example.org/m' },
          locator: 'page 2',
          quote: 'advises',
        },
      ],
    });
  });

  it('sends only what changed when editing, and null for a cleared field', () => {
    const edge = {
      id: 'rel:x',
      type: 'SITS_ON_BOARD',
      source: vincent.id,
      target: 'org:board',
      seat: 'member',
      start: '2019',
      status: 'reported',
      citations: [{ documentId: 'document:d', locator: 'line 24', quote: 'q' }],
    } as GraphEdge;
    const draft = relationshipDraftOf(edge, vincent, { id: 'org:board', name: 'Board', kind: 'Organization' });
    expect(updateRelationshipRequest(edge, { ...draft, fields: { seat: 'chair' }, start: '' })).toEqual({
      seat: 'chair',
      start: null,
    });
    expect(updateRelationshipRequest(edge, draft)).toEqual({});
  });

  it('asks each kind of connection for its own fields: a payment its amount, currency and kind', () => {
    const draft = {
      ...emptyRelationshipDraft(vincent),
      target: denver,
      type: 'PAID' as const,
      fields: { amount: '1250.5', currency: 'eur', paymentKind: 'donation', purpose: ' campaign ' },
      citations: [newSource],
    };
    expect(TYPE_FIELDS.PAID?.map((f) => f.name)).toEqual([
      'amount',
      'currency',
      'paymentKind',
      'purpose',
      'programme',
      'amountEur',
      'amountUsd',
    ]);
    expect(CreateRelationshipRequest.parse(createRelationshipRequest(draft))).toMatchObject({
      type: 'PAID',
      amount: 1250.5,
      currency: 'EUR',
      paymentKind: 'donation',
      purpose: 'campaign',
    });
    expect(relationshipProblem({ ...draft, fields: { amount: 'lots' } })).toBe('number');
    const lobbying = { ...draft, type: 'LOBBIES' as const, fields: { onBehalfOf: 'org:a, org:b', issue: 'data rules' } };
    expect(createRelationshipRequest(lobbying)).toMatchObject({ onBehalfOf: ['org:a', 'org:b'], issue: 'data rules' });
  });
});

describe('the entity form', () => {
  const node = {
    id: 'person:ana',
    kind: 'Person',
    name: 'Ana',
    aliases: ['آنا'],
    description: 'deputy',
    status: 'reported',
    citations: [{ documentId: 'document:d', locator: 'line 1', quote: 'Ana' }],
  } as GraphNode;

  it('creates with one alias per line and the kind’s own fields', () => {
    const draft = {
      ...emptyEntityDraft('Contract'),
      name: 'Data contract',
      aliases: 'Contrato de datos\nعقد البيانات\n',
      amount: '750000',
      currency: 'USD',
      citations: [newSource],
    };
    const request = createEntityRequest(draft);
    expect(CreateEntityRequest.parse(request)).toMatchObject({
      kind: 'Contract',
      aliases: ['Contrato de datos', 'عقد البيانات'],
      amount: 750000,
      currency: 'USD',
    });
  });

  it('patches only the changed fields; clearing a field removes it', () => {
    const draft = entityDraftOf(node);
    const patch = updateEntityRequest(node, { ...draft, description: '', aliases: 'آنا\nAna G.' });
    expect(patch).toEqual({ description: null, aliases: ['آنا', 'Ana G.'] });
    expect(UpdateEntityRequest.safeParse(patch).success).toBe(true);
    expect(updateEntityRequest(node, draft)).toEqual({});
  });
});

describe('the history tab', () => {
  it('lists the fields that changed, and the sources as one line', () => {
    expect(
      fieldChanges(
        { name: 'Ana', citationDocumentIds: ['document:a'], citationLocators: ['1'], citationQuotes: ['q'] },
        {
          name: 'Ana',
          description: 'deputy',
          citationDocumentIds: ['document:a', 'document:b'],
          citationLocators: ['1', '2'],
          citationQuotes: ['q', 'r'],
        },
      ),
    ).toEqual([
      { field: 'description', before: undefined, after: 'deputy' },
      { field: 'sources', before: '1', after: '2' },
    ]);
  });
});

describe('a form saved by someone else after it was opened', () => {
  const opened = {
    id: 'person:ana',
    kind: 'Person',
    name: 'Ana',
    aliases: [],
    description: 'deputy',
    status: 'reported',
    citations: [{ documentId: 'document:d', locator: 'line 1', quote: 'Ana' }],
    version: 3,
  } as GraphNode;
  const theirs = { ...opened, start: '2019', description: 'deputy director', version: 4 } as GraphNode;

  it('names the fields they changed', () => {
    expect(changedDraftFields(entityDraftOf(opened), entityDraftOf(theirs)).sort()).toEqual(['description', 'start']);
  });

  it('keeps my text where I wrote and theirs elsewhere, so the next save sends only my change', () => {
    const mine = { ...entityDraftOf(opened), description: 'deputy chief', end: '2022' };
    const rebased = rebaseDraft(entityDraftOf(opened), mine, entityDraftOf(theirs));
    expect(rebased).toMatchObject({ description: 'deputy chief', end: '2022', start: '2019' });
    expect(updateEntityRequest(theirs, rebased)).toEqual({ description: 'deputy chief', end: '2022' });
  });
});
