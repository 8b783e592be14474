/**
 * The view as a URL query, so a link reproduces what the reader saw: the entities on the canvas, the
 * selection, the filters, the as-of date and the layout. Only what a link can carry travels (a
 * finding or a money flow selected in the rail does not); everything unknown is ignored on the way
 * back in, so an old or hand-edited link still opens.
 */
import { ENTITY_KINDS, FactStatus, PartialDate, RELATIONSHIP_TYPES } from '../../../schemas/index.js';
import type { EntityKind, RelationshipCategory, RelationshipType } from '../../../schemas/index.js';
import { CATEGORY_ORDER } from './encoding.js';
import { INITIAL_STATE, LAYOUT_MODES } from './explorer.js';
import type { LayoutMode } from './explorer.js';
import type { Filter, Selection } from './types.js';

export interface UrlState {
  readonly ids: readonly string[];
  readonly selection: Selection;
  readonly filter: Filter;
  readonly layout: LayoutMode;
  readonly center?: string | undefined;
}

export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const list = (key: string, values: Iterable<string>) => {
    const joined = [...values].sort().join(',');
    if (joined) params.set(key, joined);
  };
  if (state.ids.length > 0) params.set('ids', state.ids.join(','));
  if (state.selection?.kind === 'node') params.set('sel', `n:${state.selection.id}`);
  if (state.selection?.kind === 'edge') params.set('sel', `e:${state.selection.id}`);
  const { filter } = state;
  list('hideKinds', filter.hiddenKinds);
  // Sources start hidden; writing the categories always keeps "none hidden" distinguishable from the default.
  params.set('hideCats', [...filter.hiddenCategories].sort().join(','));
  list('hideTypes', filter.hiddenTypes ?? []);
  list('hideStatus', filter.hiddenStatuses ?? []);
  if ((filter.minSources ?? 1) > 1) params.set('minSources', String(filter.minSources));
  if (filter.asOf !== undefined) params.set('asOf', filter.asOf);
  if (filter.hideUndated) params.set('undated', 'hide');
  if (state.layout !== 'force') params.set('layout', state.layout);
  if (state.layout === 'concentric' && state.center !== undefined) params.set('center', state.center);
  return params.toString();
}

export function decodeUrlState(query: string): UrlState {
  const params = new URLSearchParams(query);
  const list = (key: string) => (params.get(key) ?? '').split(',').filter((v) => v !== '');
  const pick = <T extends string>(key: string, allowed: readonly T[]) =>
    new Set(list(key).filter((v): v is T => (allowed as readonly string[]).includes(v)));
  const sel = params.get('sel') ?? '';
  const selection: Selection = sel.startsWith('n:')
    ? { kind: 'node', id: sel.slice(2) }
    : sel.startsWith('e:')
      ? { kind: 'edge', id: sel.slice(2) }
      : null;
  const minSources = Number(params.get('minSources') ?? '1');
  const asOf = params.get('asOf') ?? undefined;
  const layout = params.get('layout') ?? 'force';
  const filter: Filter = {
    hiddenKinds: pick<EntityKind>('hideKinds', ENTITY_KINDS),
    hiddenCategories: params.has('hideCats')
      ? pick<RelationshipCategory>('hideCats', CATEGORY_ORDER)
      : INITIAL_STATE.filter.hiddenCategories,
    hiddenTypes: pick<RelationshipType>('hideTypes', RELATIONSHIP_TYPES),
    hiddenStatuses: pick('hideStatus', FactStatus.options),
    minSources: Number.isInteger(minSources) && minSources > 1 ? minSources : 1,
    asOf: asOf !== undefined && PartialDate.safeParse(asOf).success ? asOf : undefined,
    hideUndated: params.get('undated') === 'hide',
  };
  return {
    ids: list('ids'),
    selection,
    filter,
    layout: (LAYOUT_MODES as readonly string[]).includes(layout) ? (layout as LayoutMode) : 'force',
    center: params.get('center') ?? undefined,
  };
}
