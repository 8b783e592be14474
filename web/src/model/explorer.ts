/**
 * The explorer's whole state and the one reducer that changes it. Pure, so every interaction (pick,
 * expand, select, find paths, filter) can be tested without a browser; the React layer only performs
 * the API calls and dispatches what came back.
 */
import type { EntityKind, Finding, Path, PathsResponse, RelationshipCategory } from '../../../schemas/index.js';
import type { Filter, FrameRequest, GraphPatch, Selection, Spotlight, ViewGraph } from './types.js';
import { EMPTY_VIEW, mergeGraph, removeNodes } from './view.js';
import { sortPaths } from './paths.js';
import { findingSpotlight } from './findings.js';

export interface PathState {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly maxHops: number;
  /** The last answer, with the hop limit it was asked with (for "No path within N hops"). */
  readonly result?: { readonly paths: readonly Path[]; readonly maxHops: number } | undefined;
  /** Index of the path the reader is pointing at in the list, if any. */
  readonly focus?: number | undefined;
}

/** Force-directed; top-down layers (paths); left-to-right layers (money: payer -> contract -> payee). */
export type LayoutMode = 'force' | 'hierarchy' | 'flow';

/**
 * A request for a whole-graph layout. `seq` changes on every request so asking for the same mode twice
 * still re-runs it; the canvas compares it with the last one it ran.
 */
export interface LayoutRequest {
  readonly seq: number;
  readonly mode: LayoutMode;
}

export interface ExplorerState {
  readonly view: ViewGraph;
  readonly selection: Selection;
  readonly filter: Filter;
  readonly path: PathState;
  readonly layout: LayoutRequest;
  /**
   * The finding or money flow lit up on the canvas. One highlight at a time: showing one clears a
   * path result, and finding paths clears it.
   */
  readonly spotlight?: Spotlight | undefined;
  readonly frame: FrameRequest;
}

export const INITIAL_STATE: ExplorerState = {
  view: EMPTY_VIEW,
  selection: null,
  // Source links (a press release mentions everyone) would tie every node to every other in two hops,
  // so they start switched off; citations already show the sources in the side panel.
  filter: { hiddenKinds: new Set(), hiddenCategories: new Set<RelationshipCategory>(['provenance']) },
  path: { maxHops: 4 },
  layout: { seq: 0, mode: 'force' },
  frame: { seq: 0, ids: [] },
};

export type ExplorerAction =
  | { readonly type: 'merged'; readonly patch: GraphPatch; readonly select?: Selection }
  | { readonly type: 'select'; readonly selection: Selection }
  | { readonly type: 'removeNode'; readonly id: string }
  | { readonly type: 'clearCanvas' }
  | { readonly type: 'setPathEnd'; readonly end: 'from' | 'to'; readonly id: string }
  /** Shift-click: the first pick is the start, the next one the end. */
  | { readonly type: 'pickPathEnd'; readonly id: string }
  | { readonly type: 'swapPathEnds' }
  | { readonly type: 'setMaxHops'; readonly maxHops: number }
  | { readonly type: 'pathsFound'; readonly response: PathsResponse; readonly maxHops: number }
  | { readonly type: 'focusPath'; readonly index: number | undefined }
  | { readonly type: 'clearPaths' }
  | { readonly type: 'relayout'; readonly mode: LayoutMode }
  | { readonly type: 'toggleKind'; readonly kind: EntityKind }
  | { readonly type: 'toggleCategory'; readonly category: RelationshipCategory }
  /** A finding picked in the Conflicts list, with its evidence subgraph. */
  | { readonly type: 'showFinding'; readonly finding: Finding; readonly patch: GraphPatch }
  /** Money flows onto the canvas: all rows (no spotlight) or one row, lit up. */
  | { readonly type: 'showMoney'; readonly patch: GraphPatch; readonly spotlight?: Spotlight; readonly select?: Selection }
  | { readonly type: 'clearSpotlight' };

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
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
      const path = from === action.id || to === action.id ? { maxHops: state.path.maxHops } : state.path;
      return { ...state, view, selection, path };
    }
    case 'clearCanvas':
      return { ...state, view: EMPTY_VIEW, selection: null, path: { maxHops: state.path.maxHops }, spotlight: undefined };
    case 'setPathEnd': {
      const other = action.end === 'from' ? state.path.to : state.path.from;
      // Choosing the same node for both ends would ask for a zero-length path: clear the other end.
      const keepOther = other !== action.id;
      return {
        ...state,
        path: {
          maxHops: state.path.maxHops,
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
      return { ...state, path: { maxHops: state.path.maxHops, from: state.path.to, to: state.path.from } };
    case 'setMaxHops':
      return { ...state, path: { ...state.path, maxHops: action.maxHops } };
    case 'pathsFound': {
      const { view } = mergeGraph(state.view, action.response);
      const result = { paths: sortPaths(action.response.paths), maxHops: action.maxHops };
      // Paths are chains: laid out left to right they read like the sentence they stand for.
      const layout = result.paths.length > 0 ? relayout(state, 'hierarchy') : state.layout;
      return { ...state, view, layout, path: { ...state.path, result, focus: undefined }, spotlight: undefined };
    }
    case 'focusPath':
      return { ...state, path: { ...state.path, focus: action.index } };
    case 'clearPaths':
      return { ...state, path: { maxHops: state.path.maxHops } };
    case 'relayout':
      return { ...state, layout: relayout(state, action.mode) };
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
        layout: addedNodeIds.length > 0 ? relayout(state, 'hierarchy') : state.layout,
        selection: { kind: 'finding', finding: action.finding },
        spotlight: findingSpotlight(action.finding),
        path: withoutResult(state.path),
        frame: frame(state, action.finding.nodeIds),
      };
    }
    case 'showMoney': {
      const { view, addedNodeIds } = mergeGraph(state.view, action.patch);
      // Money reads left to right; re-arrange when the flow is new to the canvas or the reader asked
      // for the whole money view, but not when lighting up a row already drawn (keep the mental map).
      const arrange = addedNodeIds.length > 0 || action.spotlight === undefined;
      return {
        ...state,
        view,
        selection: action.select === undefined ? state.selection : action.select,
        spotlight: action.spotlight,
        path: withoutResult(state.path),
        layout: arrange ? relayout(state, 'flow') : state.layout,
        frame: frame(state, action.spotlight ? [...action.spotlight.nodeIds] : action.patch.nodes.map((n) => n.id)),
      };
    }
    case 'clearSpotlight':
      return state.spotlight === undefined ? state : { ...state, spotlight: undefined };
  }
}

/** Path ends stay (the reader may want to search again); only the highlighted result goes. */
function withoutResult(path: PathState): PathState {
  return { maxHops: path.maxHops, from: path.from, to: path.to };
}

function frame(state: ExplorerState, ids: readonly string[]): FrameRequest {
  return { seq: state.frame.seq + 1, ids };
}

function relayout(state: ExplorerState, mode: LayoutMode): LayoutRequest {
  return { seq: state.layout.seq + 1, mode };
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
