/** Issue 17's small things in the page's pure code: the counter follows filters, history in words, label sizes. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { AuditEntry, GraphEdge, GraphNode } from '../../schemas/index.js';
import { EMPTY_VIEW, mergeGraph, shownCounts } from '../../web/src/model/index.js';
import { changeSource, namer } from '../../web/src/features/editing/history.js';
import { LABEL_SCREEN, labelScale } from '../../web/src/canvas/labels.js';
import { en } from '../../shared/i18n/en.js';
import { es } from '../../shared/i18n/es.js';
import { ar } from '../../shared/i18n/ar.js';

const cite = { documentId: 'document:a', locator: 'line 1', quote: 'words' };
const node = (id: string, kind: GraphNode['kind'] = 'Organization'): GraphNode =>
  ({ id, kind, name: `Name of ${id}`, aliases: [], status: 'reported', citations: [cite] }) as GraphNode;
const edge = (id: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge =>
  ({ id, type: 'SUPPLIES_DATA_TO', source, target, status: 'reported', citations: [cite], ...extra }) as GraphEdge;

describe('the entities · connections counter', () => {
  const { view } = mergeGraph(EMPTY_VIEW, {
    nodes: [node('org:a'), node('org:b'), node('person:c', 'Person')],
    edges: [edge('e1', 'org:a', 'org:b', { start: '2021' }), edge('e2', 'person:c', 'org:a')],
  });
  const none = { hiddenKinds: new Set<never>(), hiddenCategories: new Set<never>() };

  it('counts what the canvas shows, not what the view holds', () => {
    expect(shownCounts(view, undefined)).toEqual({ entities: 3, connections: 2 });
    // A hidden kind takes its connections with it.
    expect(shownCounts(view, { ...none, hiddenKinds: new Set(['Person'] as const) })).toEqual({ entities: 2, connections: 1 });
    // As of 2019 the connection that started in 2021 had not begun.
    expect(shownCounts(view, { ...none, asOf: '2019' }, '2026-12-02')).toEqual({ entities: 3, connections: 1 });
  });
});

describe('plurals in three languages', () => {
  it('says "1 entity" and "2 entities", and uses the Arabic dual and plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, es: { translation: es }, ar: { translation: ar } } });
    const say = (lng: string, count: number) => i18n.getFixedT(lng)('counts.entities', { count });
    expect(say('en', 1)).toBe('1 entity');
    expect(say('en', 2)).toBe('2 entities');
    expect(say('es', 1)).toBe('1 entidad');
    expect(say('es', 5)).toBe('5 entidades');
    expect(say('ar', 1)).toBe('كيان واحد');
    expect(say('ar', 2)).toBe('كيانان');
    expect(say('ar', 3)).toBe('3 كيانات');
    expect(say('ar', 11)).toBe('11 كيانًا');
    expect(say('ar', 100)).toBe('100 كيان');
    expect(i18n.getFixedT('en')('keyboard.selected', { name: 'A', kind: 'Person', count: 1 })).toBe(
      'Selected: A (Person), 1 neighbour on the canvas',
    );
  });
});

describe('history in words', () => {
  it('tells where a change came from without the HTTP route', () => {
    expect(changeSource('POST /api/relationships')).toBe('page');
    expect(changeSource('PATCH /api/entities/person:a')).toBe('page');
    expect(changeSource('POST /api/import')).toBe('import');
    expect(changeSource('cli import')).toBe('cli');
    expect(changeSource('something else')).toBeUndefined();
  });

  it('names the ids an entry mentions from the canvas, else from the entry itself', () => {
    const entry = {
      id: 'a1',
      at: '2026-12-02T00:00:00Z',
      actor: 'ana',
      route: 'POST /api/relationships',
      action: 'create',
      summary: {},
      entityIds: [],
      relationshipIds: [],
      changes: [{ id: 'person:new', what: 'entity', op: 'created', kind: 'Person', before: null, after: { name: 'Ana Ortega' } }],
    } as AuditEntry;
    const name = namer(entry, (id) => (id === 'org:x' ? 'LexisNexis' : undefined));
    expect(name('org:x')).toBe('LexisNexis');
    expect(name('person:new')).toBe('Ana Ortega');
    expect(name('org:unknown')).toBe('org:unknown');
  });
});

describe('label size on screen', () => {
  it('keeps names between the floor and the ceiling whatever the zoom', () => {
    for (const zoom of [0.05, 0.3, 0.78, 1, 1.6, 3]) {
      const scale = labelScale(zoom);
      const px = LABEL_SCREEN.node.base * scale.node * zoom;
      expect(px).toBeGreaterThanOrEqual(LABEL_SCREEN.node.min);
      expect(px).toBeLessThanOrEqual(LABEL_SCREEN.node.max * 1.01);
    }
  });
});
