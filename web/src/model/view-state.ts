/**
 * The explorer's view as a link reopens it (`ViewState`, shared with the server's short links): the
 * entities on the canvas and where they stand, the viewport, pins, selection, filters and as-of date,
 * the layout, the path search and what is lit. Pure: the state -> view, the view <-> the address's
 * query, and the view (with what the server said about it) -> the action that reopens it.
 *
 * Numbers are rounded once, here (positions to 0.1, zoom to 1/10,000), so a view reads the same
 * however often it is written and read back, and an unchanged view keeps the same short link.
 */
import {
  ENTITY_KINDS,
  FactStatus,
  LAYOUT_MODES,
  PATH_PRESETS,
  PartialDate,
  RELATIONSHIP_TYPES,
  ViewState,
} from '../../../schemas/index.js';
import type {
  EntityKind,
  Finding,
  LayoutMode,
  PathPreset,
  PathsResponse,
  Position,
  RelationshipCategory,
  RelationshipType,
  SnapshotFilters,
  ViewLit,
  ViewPath,
} from '../../../schemas/index.js';
import { CATEGORY_ORDER } from '../../../shared/presentation/encoding.js';
import { INITIAL_STATE } from './explorer.js';
import type { CanvasRecord, ExplorerAction, ExplorerState, PathState } from './explorer.js';
import { findingSpotlight } from './findings.js';
import { sortPaths } from './paths.js';
import type { CanvasViewport, Filter, GraphPatch, Selection, Spotlight } from './types.js';
import { EMPTY_VIEW, mergeGraph } from './view.js';

/** Longer addresses are kept on the server as a short link: mail and chat cut long ones, servers refuse them. */
export const MAX_ADDRESS_QUERY = 2000;

export const round1 = (n: number): number => Math.round(n * 10) / 10 || 0;
const roundZoom = (n: number): number => Math.round(n * 10_000) / 10_000;

// ------------------------------------------------------------------ state -> view

export function viewStateOf(state: ExplorerState): ViewState {
  const { view, spotlight } = state;
  const ids = [...view.nodes.keys()];
  const positions: Record<string, Position> = {};
  for (const id of ids) {
    const at = state.positions.get(id);
    if (at) positions[id] = { x: round1(at.x), y: round1(at.y) };
  }
  const selection = state.selection;
  return ViewState.parse({
    ids,
    ...(Object.keys(positions).length > 0 ? { positions } : {}),
    // An empty canvas has nothing to look at: its viewport is not worth a link.
    ...(state.viewport && ids.length > 0 ? { viewport: viewCenterOf(state.viewport) } : {}),
    pinned: ids.filter((id) => state.pinned.has(id)),
    ...(selection?.kind === 'node' || selection?.kind === 'edge'
      ? { selection: { kind: selection.kind, id: selection.id } }
      : selection && spotlight && spotlight.source !== 'step'
        ? { selection: { kind: 'lit' } }
        : {}),
    filters: filtersOf(state.filter),
    ...(state.filter.asOf !== undefined ? { asOf: state.filter.asOf } : {}),
    layout: state.layout.mode,
    ...(state.layout.mode === 'concentric' && state.layout.center ? { center: state.layout.center } : {}),
    ...pathOf(state.path),
    ...litOf(spotlight),
  });
}

export function viewCenterOf(viewport: CanvasViewport): { zoom: number; x: number; y: number } {
  return { zoom: roundZoom(viewport.zoom), x: round1(viewport.center.x), y: round1(viewport.center.y) };
}

function pathOf(path: PathState): { path?: ViewPath } {
  const set = path.from !== undefined || path.to !== undefined || path.result !== undefined;
  const options = path.maxHops !== INITIAL_STATE.path.maxHops || (path.only ?? 'all') !== 'all';
  if (!set && !options) return {};
  return {
    path: {
      ...(path.from ? { from: path.from } : {}),
      ...(path.to ? { to: path.to } : {}),
      maxHops: path.maxHops,
      ...(path.only && path.only !== 'all' ? { only: path.only } : {}),
      ...(path.only === 'custom' && path.types ? { types: [...path.types].sort() } : {}),
      found: path.result !== undefined,
      ...(path.focus !== undefined ? { focus: path.focus } : {}),
    },
  };
}

function litOf(spotlight: Spotlight | undefined): { lit?: ViewLit } {
  if (spotlight?.source === 'finding') {
    const entity = [...spotlight.nodeIds][0];
    return entity ? { lit: { kind: 'finding', id: spotlight.id, entity } } : {};
  }
  if (spotlight?.source === 'money') {
    const [payer, payee] = spotlight.id.split('>');
    return payer && payee ? { lit: { kind: 'money', payer, payee, rollup: spotlight.rollup === true } } : {};
  }
  return {};
}

export function filtersOf(filter: Filter): SnapshotFilters {
  return {
    hiddenKinds: [...filter.hiddenKinds].sort(),
    hiddenCategories: [...filter.hiddenCategories].sort(),
    hiddenTypes: [...(filter.hiddenTypes ?? [])].sort(),
    hiddenStatuses: [...(filter.hiddenStatuses ?? [])].sort(),
    ...(filter.minSources !== undefined && filter.minSources > 1 ? { minSources: filter.minSources } : {}),
    ...(filter.hideUndated ? { hideUndated: true } : {}),
  };
}

/** Saved filters back as the explorer's; none saved means the explorer's defaults. */
export function filterFrom(filters: SnapshotFilters | undefined, asOf: string | undefined): Filter {
  if (!filters) return { ...INITIAL_STATE.filter, asOf };
  return {
    hiddenKinds: new Set(filters.hiddenKinds),
    hiddenCategories: new Set(filters.hiddenCategories),
    hiddenTypes: new Set(filters.hiddenTypes),
    hiddenStatuses: new Set(filters.hiddenStatuses),
    minSources: filters.minSources ?? 1,
    hideUndated: filters.hideUndated ?? false,
    asOf,
  };
}

// ------------------------------------------------------------------ view <-> address query

/** Parameters of the address that are not the view's but travel with it (the language, the renderer). */
export const KEPT_PARAMS = ['lang', 'renderer'] as const;

/**
 * The view as an address query. Lists are comma-separated and ids keep their colons, so a link stays
 * readable; `pos` holds `x_y` per entity of `ids`, in the same order (`*` between them).
 */
export function encodeViewQuery(view: ViewState): string {
  const params: [string, string][] = [];
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') params.push([key, value]);
  };
  const list = (values: readonly string[]) => values.join(',');
  put('ids', list(view.ids));
  if (view.positions) {
    const positions = view.positions;
    put('pos', view.ids.map((id) => (positions[id] ? `${positions[id].x}_${positions[id].y}` : '')).join('*'));
  }
  if (view.viewport) put('view', `${view.viewport.zoom}_${view.viewport.x}_${view.viewport.y}`);
  put('pins', list(view.pinned));
  const sel = view.selection;
  put(
    'sel',
    sel?.kind === 'node' ? `n:${sel.id}` : sel?.kind === 'edge' ? `e:${sel.id}` : sel?.kind === 'lit' ? 'lit' : undefined,
  );
  const filters = view.filters;
  if (filters) {
    put('hideKinds', list(filters.hiddenKinds));
    // Sources start hidden; writing the categories always tells "none hidden" from the default.
    params.push(['hideCats', list(filters.hiddenCategories)]);
    put('hideTypes', list(filters.hiddenTypes));
    put('hideStatus', list(filters.hiddenStatuses));
    if ((filters.minSources ?? 1) > 1) put('minSources', String(filters.minSources));
    if (filters.hideUndated) put('undated', 'hide');
  }
  put('asOf', view.asOf);
  if (view.layout !== 'force') put('layout', view.layout);
  put('center', view.center);
  const path = view.path;
  if (path) {
    params.push(['path', `${path.from ?? ''},${path.to ?? ''}`]);
    if (path.maxHops !== INITIAL_STATE.path.maxHops) put('hops', String(path.maxHops));
    if (path.only && path.only !== 'all') put('via', path.only);
    if (path.types) put('pathTypes', list(path.types));
    if (path.found) put('found', '1');
    if (path.focus !== undefined) put('focus', String(path.focus));
  }
  const lit = view.lit;
  if (lit?.kind === 'finding') put('finding', `${lit.id},${lit.entity}`);
  if (lit?.kind === 'money') {
    put('flow', `${lit.payer},${lit.payee}`);
    if (lit.rollup) put('rollup', '1');
  }
  return params.map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':')}`).join('&');
}

/** True when an address query names a view (rather than being empty or only the language). */
export function queryNamesView(query: string): boolean {
  const params = new URLSearchParams(query);
  return params.has('ids') || params.has('hideCats');
}

/**
 * The view an address query names. Unknown values are dropped rather than refused, so an old or
 * hand-edited link still opens as much of the view as it can.
 */
export function decodeViewQuery(query: string): ViewState {
  const params = new URLSearchParams(query);
  const list = (key: string) => (params.get(key) ?? '').split(',').filter((v) => v !== '');
  const pick = <T extends string>(key: string, allowed: readonly T[]): T[] =>
    list(key).filter((v): v is T => (allowed as readonly string[]).includes(v));
  const ids = list('ids');
  const number = (text: string | undefined) => (text === undefined || text === '' ? NaN : Number(text));

  const positions: Record<string, Position> = {};
  (params.get('pos') ?? '').split('*').forEach((pair, i) => {
    const [x, y] = pair.split('_').map(number);
    const id = ids[i];
    if (id !== undefined && Number.isFinite(x) && Number.isFinite(y)) positions[id] = { x: x as number, y: y as number };
  });
  const [zoom, cx, cy] = (params.get('view') ?? '').split('_').map(number);
  const viewport =
    Number.isFinite(zoom) && (zoom as number) > 0 && Number.isFinite(cx) && Number.isFinite(cy)
      ? { zoom: zoom as number, x: cx as number, y: cy as number }
      : undefined;

  const sel = params.get('sel') ?? '';
  const selection = sel.startsWith('n:')
    ? { kind: 'node' as const, id: sel.slice(2) }
    : sel.startsWith('e:')
      ? { kind: 'edge' as const, id: sel.slice(2) }
      : sel === 'lit'
        ? { kind: 'lit' as const }
        : undefined;

  const minSources = Number(params.get('minSources') ?? '1');
  const filters: SnapshotFilters = {
    hiddenKinds: pick<EntityKind>('hideKinds', ENTITY_KINDS),
    hiddenCategories: params.has('hideCats')
      ? pick<RelationshipCategory>('hideCats', CATEGORY_ORDER)
      : [...INITIAL_STATE.filter.hiddenCategories],
    hiddenTypes: pick<RelationshipType>('hideTypes', RELATIONSHIP_TYPES),
    hiddenStatuses: pick('hideStatus', FactStatus.options),
    ...(Number.isInteger(minSources) && minSources > 1 ? { minSources } : {}),
    ...(params.get('undated') === 'hide' ? { hideUndated: true } : {}),
  };
  const asOf = params.get('asOf') ?? undefined;
  const layout = params.get('layout') ?? 'force';

  const [from, to] = (params.get('path') ?? '').split(',');
  const hops = Number(params.get('hops') ?? INITIAL_STATE.path.maxHops);
  const via = params.get('via') ?? 'all';
  const focus = Number(params.get('focus') ?? '');
  const path = params.has('path')
    ? {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        maxHops: Number.isInteger(hops) && hops >= 1 && hops <= 6 ? hops : INITIAL_STATE.path.maxHops,
        ...((PATH_PRESETS as readonly string[]).includes(via) && via !== 'all' ? { only: via as PathPreset } : {}),
        ...(params.has('pathTypes') ? { types: pick<RelationshipType>('pathTypes', RELATIONSHIP_TYPES) } : {}),
        found: params.get('found') === '1',
        ...(Number.isInteger(focus) && focus >= 0 ? { focus } : {}),
      }
    : undefined;

  const [findingId, entity] = (params.get('finding') ?? '').split(',');
  const [payer, payee] = (params.get('flow') ?? '').split(',');
  const lit =
    findingId && entity
      ? { kind: 'finding' as const, id: findingId, entity }
      : payer && payee
        ? { kind: 'money' as const, payer, payee, rollup: params.get('rollup') === '1' }
        : undefined;

  const candidate = {
    ids,
    ...(Object.keys(positions).length > 0 ? { positions } : {}),
    ...(viewport ? { viewport } : {}),
    pinned: list('pins'),
    ...(selection ? { selection } : {}),
    filters,
    ...(asOf !== undefined && PartialDate.safeParse(asOf).success ? { asOf } : {}),
    layout: (LAYOUT_MODES as readonly string[]).includes(layout) ? (layout as LayoutMode) : 'force',
    ...(params.get('center') ? { center: params.get('center') ?? undefined } : {}),
    ...(path ? { path } : {}),
    ...(lit ? { lit } : {}),
  };
  // A malformed part (an id that is no id) is left out rather than losing the whole view.
  const parsed = ViewState.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const valid = new Set(ids.filter((id) => ViewState.shape.ids.safeParse([id]).success));
  return ViewState.parse({
    ...candidate,
    ids: ids.filter((id) => valid.has(id)),
    positions: Object.fromEntries(Object.entries(positions).filter(([id]) => valid.has(id))),
    pinned: candidate.pinned.filter((id) => valid.has(id)),
    selection: undefined,
    center: undefined,
    path: undefined,
    lit: undefined,
  });
}

// ------------------------------------------------------------------ view -> the action that reopens it

/** What the server said about a view's parts: the canvas, and the path, finding or flow it lit. */
export interface OpenedParts {
  readonly canvas: GraphPatch;
  readonly paths?: PathsResponse | undefined;
  readonly finding?: Finding | undefined;
  readonly flow?: { readonly spotlight: Spotlight; readonly selection: Selection; readonly patch: GraphPatch } | undefined;
}

/**
 * The action that puts a view back: entities where they stood (those without a position are laid
 * out), the viewport, pins, filters, layout mode (no layout runs), the path with its answer, and the
 * finding or money flow lit as it was; the selection last, so a node selected over a lit finding stays
 * selected.
 */
export function openViewAction(
  view: ViewState,
  parts: OpenedParts,
  history: 'reset' | 'record' | 'keep',
): Extract<ExplorerAction, { type: 'openView' }> {
  const extra: GraphPatch = {
    nodes: [...(parts.paths?.nodes ?? []), ...(parts.flow?.patch.nodes ?? [])],
    edges: [...(parts.paths?.edges ?? []), ...(parts.flow?.patch.edges ?? [])],
  };
  const canvasView = mergeGraph(mergeGraph(EMPTY_VIEW, parts.canvas).view, extra).view;
  const positions = new Map(
    Object.entries(view.positions ?? {}).filter(([id]) => canvasView.nodes.has(id)) as [string, Position][],
  );
  const canvas: CanvasRecord = {
    view: canvasView,
    pinned: new Set(view.pinned.filter((id) => canvasView.nodes.has(id))),
    positions,
  };
  const spotlight = parts.finding ? findingSpotlight(parts.finding) : parts.flow?.spotlight;
  const litSelection: Selection = parts.finding ? { kind: 'finding', finding: parts.finding } : (parts.flow?.selection ?? null);
  const wanted = view.selection;
  const selection: Selection =
    wanted?.kind === 'node' && canvasView.nodes.has(wanted.id)
      ? wanted
      : wanted?.kind === 'edge' && canvasView.edges.has(wanted.id)
        ? wanted
        : wanted?.kind === 'lit'
          ? litSelection
          : null;
  return {
    type: 'openView',
    canvas,
    viewport: view.viewport ? viewportAt(view.viewport) : undefined,
    selection,
    filter: filterFrom(view.filters, view.asOf),
    layout: view.layout,
    center: view.center,
    path: pathStateOf(view.path, parts.paths),
    spotlight,
    history,
  };
}

/** A view's centre and zoom as a viewport whose size the canvas fills in. */
function viewportAt(center: { zoom: number; x: number; y: number }): CanvasViewport {
  return { zoom: center.zoom, center: { x: center.x, y: center.y }, width: 0, height: 0 };
}

function pathStateOf(path: ViewPath | undefined, answer: PathsResponse | undefined): PathState {
  if (!path) return INITIAL_STATE.path;
  const result = answer ? { paths: sortPaths(answer.paths), maxHops: path.maxHops } : undefined;
  return {
    from: path.from,
    to: path.to,
    maxHops: path.maxHops,
    only: path.only,
    types: path.types ? new Set(path.types) : undefined,
    result,
    focus: result && path.focus !== undefined && path.focus < result.paths.length ? path.focus : undefined,
  };
}
