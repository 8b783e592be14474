/**
 * The explorer's whole state and the one reducer that changes it. Pure, so every interaction (pick,
 * expand, select, find paths, filter) can be tested without a browser; the React layer only performs
 * the API calls and dispatches what came back.
 */
import { LAYOUT_MODES as MODES } from '../../../schemas/index.js';
import type {
  EntityKind,
  Finding,
  LayoutMode,
  Path,
  PathPreset,
  PathsResponse,
  Position,
  RelationshipCategory,
  RelationshipType,
} from '../../../schemas/index.js';
import { categoryOf, visibleTypes } from '../../../shared/presentation/encoding.js';
import type { CanvasViewport, Filter, FrameRequest, GraphPatch, Positions, Selection, Spotlight, ViewGraph } from './types.js';
import { EMPTY_VIEW, collapseNode, mergeGraph, removeNodes } from './view.js';
import { EMPTY_HISTORY, record, redo, undo } from './history.js';
import type { History } from './history.js';
import { sortPaths } from './paths.js';
import { findingSpotlight } from './findings.js';

export type { LayoutMode, PathPreset } from '../../../schemas/index.js';

export interface PathState {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly maxHops: number;
  /** Which connections a path may run along: all shown in the legend, or only money or data flows. */
  readonly only?: PathPreset | undefined;
  /** The types chosen one by one (`only: 'custom'`). */
  readonly types?: ReadonlySet<RelationshipType> | undefined;
  /** The last answer, with the hop limit it was asked with (for "No path within N hops"). */
  readonly result?: { readonly paths: readonly Path[]; readonly maxHops: number } | undefined;
  /** Index of the path the reader is pointing at in the list, if any. */
  readonly focus?: number | undefined;
}

/**
 * Force-directed; top-down layers (paths); left-to-right layers (money and data: payer -> contract ->
 * payee); rings around one entity (`LayoutRequest.center`).
 */
export const LAYOUT_MODES: readonly LayoutMode[] = MODES;

/**
 * A request for a whole-graph layout. `seq` changes on every request so asking for the same mode twice
 * still re-runs it; the canvas compares it with the last one it ran.
 */
export interface LayoutRequest {
  readonly seq: number;
  readonly mode: LayoutMode;
  /** The entity at the middle of a concentric layout. */
  readonly center?: string | undefined;
}

/** What undo and redo bring back: what is on the canvas, what is pinned, and where everything stood. */
export interface CanvasRecord {
  readonly view: ViewGraph;
  readonly pinned: ReadonlySet<string>;
  readonly positions: Positions;
}

export interface ExplorerState {
  readonly view: ViewGraph;
  /** Entities held in place: every layout leaves them where they are. */
  readonly pinned: ReadonlySet<string>;
  /**
   * Where each entity stands once the canvas has settled (reported by the canvas after a layout or a
   * drag). Entities without a position are new: the canvas sets them down and lays them out. A change
   * made here (undo, a link, a story step) moves them on the canvas.
   */
  readonly positions: Positions;
  /** The canvas's viewport as last reported, or as a link or a story step asks for it. */
  readonly viewport?: CanvasViewport | undefined;
  readonly selection: Selection;
  /**
   * Nodes picked together ("select neighbours"), for acting on several at once (pin, remove). The
   * single selection stays what the side panel reads.
   */
  readonly marked: ReadonlySet<string>;
  readonly filter: Filter;
  readonly path: PathState;
  readonly layout: LayoutRequest;
  /**
   * The finding or money flow lit up on the canvas. One highlight at a time: showing one clears a
   * path result, and finding paths clears it.
   */
  readonly spotlight?: Spotlight | undefined;
  readonly frame: FrameRequest;
  /** Earlier and undone canvases, for undo and redo. */
  readonly history: History<CanvasRecord>;
}

export const INITIAL_STATE: ExplorerState = {
  view: EMPTY_VIEW,
  pinned: new Set(),
  positions: new Map(),
  selection: null,
  marked: new Set(),
  // Source links (a press release mentions everyone) would tie every node to every other in two hops,
  // so they start switched off; citations already show the sources in the side panel.
  filter: { hiddenKinds: new Set(), hiddenCategories: new Set<RelationshipCategory>(['provenance']) },
  path: { maxHops: 4 },
  layout: { seq: 0, mode: 'force' },
  frame: { seq: 0, ids: [] },
  history: EMPTY_HISTORY,
};

export type ExplorerAction =
  | { readonly type: 'merged'; readonly patch: GraphPatch; readonly select?: Selection }
  | { readonly type: 'select'; readonly selection: Selection }
  | { readonly type: 'removeNode'; readonly id: string }
  /** A connection deleted in the database leaves the canvas; its ends stay. */
  | { readonly type: 'removeEdge'; readonly id: string }
  | { readonly type: 'clearCanvas' }
  | { readonly type: 'setPathEnd'; readonly end: 'from' | 'to'; readonly id: string }
  /** Shift-click: the first pick is the start, the next one the end. */
  | { readonly type: 'pickPathEnd'; readonly id: string }
  | { readonly type: 'swapPathEnds' }
  | { readonly type: 'setMaxHops'; readonly maxHops: number }
  | { readonly type: 'setPathPreset'; readonly only: PathPreset }
  /** Switches one relationship type on or off for paths, starting from what the preset allowed. */
  | { readonly type: 'togglePathType'; readonly relType: RelationshipType }
  /** `arrange: false` (reopening a link) keeps every entity where it is: no layout, no framing. */
  | { readonly type: 'pathsFound'; readonly response: PathsResponse; readonly maxHops: number; readonly arrange?: boolean }
  | { readonly type: 'focusPath'; readonly index: number | undefined }
  | { readonly type: 'clearPaths' }
  | { readonly type: 'relayout'; readonly mode: LayoutMode; readonly center?: string | undefined }
  | { readonly type: 'toggleKind'; readonly kind: EntityKind }
  | { readonly type: 'toggleCategory'; readonly category: RelationshipCategory }
  /** A finding picked in the Conflicts list, with its evidence subgraph. */
  | { readonly type: 'showFinding'; readonly finding: Finding; readonly patch: GraphPatch; readonly arrange?: boolean }
  /** Money flows onto the canvas: all rows (no spotlight) or one row, lit up. */
  | {
      readonly type: 'showMoney';
      readonly patch: GraphPatch;
      readonly spotlight?: Spotlight;
      readonly select?: Selection;
      readonly arrange?: boolean;
    }
  | { readonly type: 'clearSpotlight' }
  | { readonly type: 'setFilter'; readonly patch: Partial<Filter> }
  /** Takes off the neighbours that hang only on this node (what expanding it added), keeping it. */
  | { readonly type: 'collapse'; readonly id: string }
  /**
   * A whole view at once (a link, the back button, a snapshot put on the canvas): what is on the
   * canvas and where, pins, viewport, selection, filters, layout, path and what is lit. `history`
   * says whether Undo starts afresh (a page opened from a link) or can go back to what was there.
   */
  | {
      readonly type: 'openView';
      readonly canvas: CanvasRecord;
      readonly viewport?: CanvasViewport | undefined;
      readonly selection: Selection;
      readonly filter: Filter;
      readonly layout: LayoutMode;
      readonly center?: string | undefined;
      readonly path: PathState;
      readonly spotlight?: Spotlight | undefined;
      readonly history: 'reset' | 'record' | 'keep';
    }
  /** Pins or unpins one entity. */
  | { readonly type: 'togglePin'; readonly id: string }
  /** Pins every marked entity. */
  | { readonly type: 'pinMarked' }
  /** The canvas settled (a layout ended): where its entities now stand. Not a change of the reader's. */
  | { readonly type: 'canvasSettled'; readonly positions: Positions }
  /** The reader dragged entities to new places. */
  | { readonly type: 'nodesMoved'; readonly positions: Positions }
  /** The reader panned or zoomed, or the canvas was resized. */
  | { readonly type: 'viewportChanged'; readonly viewport: CanvasViewport }
  /** A story step shown on the canvas: what it lights up, where it put entities, the area it framed. */
  | {
      readonly type: 'showStep';
      readonly spotlight: Spotlight;
      readonly positions: Positions;
      readonly viewport?: CanvasViewport | undefined;
    }
  /** Marks a node and every neighbour of it on the canvas (the ids the canvas shows). */
  | { readonly type: 'selectNeighbours'; readonly id: string; readonly neighbours: readonly string[] }
  | { readonly type: 'clearMarked' }
  /** Takes every marked node off the canvas. */
  | { readonly type: 'removeMarked' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** Reports from the canvas and views being opened or previewed are not the reader's changes: never undone. */
const NOT_RECORDED = new Set<ExplorerAction['type']>(['canvasSettled', 'viewportChanged', 'openView', 'showStep']);

/**
 * The reducer with undo: any action that changes what is on the canvas, what is pinned or where things
 * stand records the canvas before it, except reports from the canvas and views opened whole.
 */
export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  if (action.type === 'undo' || action.type === 'redo') {
    const step = (action.type === 'undo' ? undo : redo)(state.history, canvasRecord(state));
    if (!step) return state;
    const { view, pinned, positions } = step.value;
    const selection = selectionSurvives(state.selection, view) ? state.selection : null;
    return { ...state, view, pinned, positions, history: step.history, selection, marked: markedIn(state.marked, view) };
  }
  const applied = applyAction(state, action);
  // Marks, pins and positions follow the canvas: a node taken off is no longer marked, pinned or placed.
  const next = applied.view === state.view ? applied : followView(applied);
  const changed =
    next.view !== state.view ||
    next.pinned !== state.pinned ||
    action.type === 'nodesMoved' ||
    (action.type === 'relayout' && next.view.nodes.size > 0);
  if (!changed || NOT_RECORDED.has(action.type)) return next;
  return { ...next, history: record(state.history, canvasRecord(state)) };
}

function canvasRecord({ view, pinned, positions }: ExplorerState): CanvasRecord {
  return { view, pinned, positions };
}

function followView(state: ExplorerState): ExplorerState {
  const { view } = state;
  const pinned = [...state.pinned].every((id) => view.nodes.has(id))
    ? state.pinned
    : new Set([...state.pinned].filter((id) => view.nodes.has(id)));
  const positions = [...state.positions.keys()].every((id) => view.nodes.has(id))
    ? state.positions
    : new Map([...state.positions].filter(([id]) => view.nodes.has(id)));
  return { ...state, marked: markedIn(state.marked, view), pinned, positions };
}

function applyAction(state: ExplorerState, action: Exclude<ExplorerAction, { type: 'undo' | 'redo' }>): ExplorerState {
  switch (action.type) {
    case 'merged': {
      const { view } = mergeGraph(state.view, action.patch);
      const selection = action.select === undefined ? state.selection : action.select;
      return view === state.view && selection === state.selection ? state : { ...state, view, selection };
    }
    case 'select':
      return { ...state, selection: action.selection };
    case 'removeNode': {
      const view = removeNodes(state.view, [action.id]);
      const selection = selectionSurvives(state.selection, view) ? state.selection : null;
      const { from, to } = state.path;
      const path = from === action.id || to === action.id ? withoutEnds(state.path) : state.path;
      return { ...state, view, selection, path };
    }
    case 'removeEdge': {
      if (!state.view.edges.has(action.id)) return state;
      const edges = new Map(state.view.edges);
      edges.delete(action.id);
      const view = { nodes: state.view.nodes, edges };
      return { ...state, view, selection: selectionSurvives(state.selection, view) ? state.selection : null };
    }
    case 'clearCanvas':
      return {
        ...state,
        view: EMPTY_VIEW,
        selection: null,
        marked: new Set(),
        path: withoutEnds(state.path),
        spotlight: undefined,
      };
    case 'setPathEnd': {
      const other = action.end === 'from' ? state.path.to : state.path.from;
      // Choosing the same node for both ends would ask for a zero-length path: clear the other end.
      const keepOther = other !== action.id;
      return {
        ...state,
        path: {
          ...withoutEnds(state.path),
          from: action.end === 'from' ? action.id : keepOther ? state.path.from : undefined,
          to: action.end === 'to' ? action.id : keepOther ? state.path.to : undefined,
        },
      };
    }
    case 'pickPathEnd': {
      const end = state.path.from === undefined || state.path.from === action.id ? 'from' : 'to';
      return explorerReducer(state, { type: 'setPathEnd', end, id: action.id });
    }
    case 'swapPathEnds':
      return { ...state, path: { ...withoutEnds(state.path), from: state.path.to, to: state.path.from } };
    case 'setMaxHops':
      return { ...state, path: { ...state.path, maxHops: action.maxHops } };
    case 'pathsFound': {
      const { view } = mergeGraph(state.view, action.response);
      const result = { paths: sortPaths(action.response.paths), maxHops: action.maxHops };
      // Paths are chains: laid out left to right they read like the sentence they stand for.
      const layout = result.paths.length > 0 && action.arrange !== false ? relayout(state, 'hierarchy') : state.layout;
      return { ...state, view, layout, path: { ...state.path, result, focus: undefined }, spotlight: undefined };
    }
    case 'setPathPreset':
      return { ...state, path: { ...state.path, only: action.only } };
    case 'togglePathType': {
      const types = toggled(new Set(pathTypes(state.path, state.filter.hiddenCategories)), action.relType);
      return { ...state, path: { ...state.path, only: 'custom', types } };
    }
    case 'focusPath':
      return { ...state, path: { ...state.path, focus: action.index } };
    case 'clearPaths':
      return { ...state, path: withoutEnds(state.path) };
    case 'relayout':
      return { ...state, layout: relayout(state, action.mode, action.center) };
    case 'toggleKind':
      return { ...state, filter: { ...state.filter, hiddenKinds: toggled(state.filter.hiddenKinds, action.kind) } };
    case 'toggleCategory':
      return { ...state, filter: { ...state.filter, hiddenCategories: toggled(state.filter.hiddenCategories, action.category) } };
    case 'showFinding': {
      const { view, addedNodeIds } = mergeGraph(state.view, action.patch);
      return {
        ...state,
        view,
        // Like a path, a finding is a short chain of sentences: new evidence is laid out in layers so it
        // reads top-down; a finding already drawn keeps its place.
        layout: addedNodeIds.length > 0 && action.arrange !== false ? relayout(state, 'hierarchy') : state.layout,
        selection: { kind: 'finding', finding: action.finding },
        spotlight: findingSpotlight(action.finding),
        path: withoutResult(state.path),
        frame: action.arrange === false ? state.frame : frame(state, action.finding.nodeIds),
      };
    }
    case 'showMoney': {
      const { view, addedNodeIds } = mergeGraph(state.view, action.patch);
      // Money reads left to right; re-arrange when the flow is new to the canvas or the reader asked
      // for the whole money view, but not when lighting up a row already drawn (keep the mental map).
      const arrange = action.arrange !== false && (addedNodeIds.length > 0 || action.spotlight === undefined);
      return {
        ...state,
        view,
        selection: action.select === undefined ? state.selection : action.select,
        spotlight: action.spotlight,
        path: withoutResult(state.path),
        layout: arrange ? relayout(state, 'flow') : state.layout,
        frame:
          action.arrange === false
            ? state.frame
            : frame(state, action.spotlight ? [...action.spotlight.nodeIds] : action.patch.nodes.map((n) => n.id)),
      };
    }
    case 'clearSpotlight':
      return state.spotlight === undefined ? state : { ...state, spotlight: undefined };
    case 'setFilter':
      return { ...state, filter: { ...state.filter, ...action.patch } };
    case 'collapse': {
      const view = collapseNode(state.view, action.id);
      return { ...state, view, selection: selectionSurvives(state.selection, view) ? state.selection : null };
    }
    case 'openView': {
      const { view, pinned, positions } = action.canvas;
      const history =
        action.history === 'reset'
          ? EMPTY_HISTORY
          : action.history === 'record'
            ? record(state.history, canvasRecord(state))
            : state.history;
      return {
        ...state,
        view,
        pinned,
        positions,
        viewport: action.viewport ?? state.viewport,
        selection: action.selection,
        marked: new Set(),
        filter: action.filter,
        // The mode shown in the toolbar; the seq stays, so no layout runs over the positions given.
        layout: { seq: state.layout.seq, mode: action.layout, center: action.center },
        path: action.path,
        spotlight: action.spotlight,
        history,
      };
    }
    case 'togglePin':
      return state.view.nodes.has(action.id) ? { ...state, pinned: toggled(state.pinned, action.id) } : state;
    case 'pinMarked':
      return [...state.marked].every((id) => state.pinned.has(id))
        ? state
        : { ...state, pinned: new Set([...state.pinned, ...state.marked]) };
    case 'canvasSettled':
    case 'nodesMoved': {
      const positions = placed(state, action.positions);
      return positions === state.positions ? state : { ...state, positions };
    }
    case 'viewportChanged':
      return sameViewport(state.viewport, action.viewport) ? state : { ...state, viewport: action.viewport };
    case 'showStep':
      return {
        ...state,
        spotlight: action.spotlight,
        path: withoutResult(state.path),
        positions: placed(state, action.positions),
        viewport: action.viewport ?? state.viewport,
      };
    case 'selectNeighbours':
      return {
        ...state,
        selection: { kind: 'node', id: action.id },
        marked: new Set([action.id, ...action.neighbours.filter((id) => state.view.nodes.has(id))]),
      };
    case 'clearMarked':
      return state.marked.size === 0 ? state : { ...state, marked: new Set() };
    case 'removeMarked': {
      const view = removeNodes(state.view, state.marked);
      const selection = selectionSurvives(state.selection, view) ? state.selection : null;
      const gone = (id: string | undefined) => id !== undefined && state.marked.has(id);
      const path = gone(state.path.from) || gone(state.path.to) ? withoutEnds(state.path) : state.path;
      return { ...state, view, selection, path, marked: new Set() };
    }
  }
}

/** Positions merged in, for entities on the canvas only; the same map when nothing moved. */
function placed(state: ExplorerState, moved: Positions): Positions {
  let next: Map<string, Position> | undefined;
  for (const [id, at] of moved) {
    if (!state.view.nodes.has(id)) continue;
    const before = state.positions.get(id);
    if (before && before.x === at.x && before.y === at.y) continue;
    next ??= new Map(state.positions);
    next.set(id, { x: at.x, y: at.y });
  }
  return next ?? state.positions;
}

function sameViewport(a: CanvasViewport | undefined, b: CanvasViewport): boolean {
  return (
    a !== undefined &&
    a.zoom === b.zoom &&
    a.center.x === b.center.x &&
    a.center.y === b.center.y &&
    a.width === b.width &&
    a.height === b.height
  );
}

/**
 * The relationship types a path search may use: the ones chosen one by one, the money or data
 * flows, or every type whose category the legend shows.
 */
export function pathTypes(
  path: Pick<PathState, 'only' | 'types'>,
  hidden: ReadonlySet<RelationshipCategory>,
): RelationshipType[] {
  const { only, types } = path;
  if (only === 'custom' && types) return visibleTypes(new Set()).filter((t) => types.has(t));
  if (only === 'money' || only === 'data') return visibleTypes(new Set()).filter((t) => categoryOf(t) === only);
  return visibleTypes(hidden);
}

/** Path ends stay (the reader may want to search again); only the highlighted result goes. */
function withoutResult(path: PathState): PathState {
  return { ...withoutEnds(path), from: path.from, to: path.to };
}

/** The reader's path options (hops, allowed types) without the ends or a result. */
function withoutEnds(path: PathState): PathState {
  return { maxHops: path.maxHops, only: path.only, types: path.types };
}

function markedIn(marked: ReadonlySet<string>, view: ViewGraph): ReadonlySet<string> {
  return [...marked].every((id) => view.nodes.has(id)) ? marked : new Set([...marked].filter((id) => view.nodes.has(id)));
}

function frame(state: ExplorerState, ids: readonly string[]): FrameRequest {
  return { seq: state.frame.seq + 1, ids };
}

function relayout(state: ExplorerState, mode: LayoutMode, center?: string): LayoutRequest {
  return { seq: state.layout.seq + 1, mode, center };
}

function selectionSurvives(selection: Selection, view: ViewGraph): boolean {
  if (selection === null || selection.kind === 'finding' || selection.kind === 'flow') return true;
  return selection.kind === 'node' ? view.nodes.has(selection.id) : view.edges.has(selection.id);
}

function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
