/**
 * The explorer page's state and its one reducer: the model of the canvas (explorer), what surrounds it
 * (ui), editing, the story being built, and who is signed in. Pure, so it is tested without a browser.
 */
import { EMPTY_STORY, INITIAL_STATE, explorerReducer, storyReducer } from '../model/index.js';
import type { ExplorerAction, ExplorerState, StoryAction, StoryDraft } from '../model/index.js';
import { accessReducer } from './slices/access.js';
import type { AccessAction, AccessState } from './slices/access.js';
import { editingReducer } from './slices/editing.js';
import type { EditingAction, EditingState } from './slices/editing.js';
import { INITIAL_UI, uiReducer } from './slices/ui.js';
import type { UiAction, UiState } from './slices/ui.js';
import type { Store } from './store.js';

export interface PageState {
  readonly explorer: ExplorerState;
  readonly ui: UiState;
  readonly editing: EditingState;
  readonly story: StoryDraft;
  readonly access: AccessState;
}

export type PageAction = ExplorerAction | UiAction | EditingAction | StoryAction | AccessAction;
export type PageStore = Store<PageState, PageAction>;

export const INITIAL_PAGE: PageState = {
  explorer: INITIAL_STATE,
  ui: INITIAL_UI,
  editing: {},
  story: EMPTY_STORY,
  access: { status: 'loading' },
};

const isUi = (a: PageAction): a is UiAction => a.type.startsWith('ui/');
const isEditing = (a: PageAction): a is EditingAction => a.type.startsWith('editing/');
const isStory = (a: PageAction): a is StoryAction => a.type.startsWith('story/');
const isAccess = (a: PageAction): a is AccessAction => a.type.startsWith('access/');

/** Reader actions that select something bring its details up (the details sheet, on a phone). */
const SELECTING = new Set<PageAction['type']>(['select', 'merged', 'showFinding', 'showMoney', 'selectNeighbours']);

export function pageReducer(state: PageState, action: PageAction): PageState {
  if (isUi(action)) return withPart(state, 'ui', uiReducer(state.ui, action));
  if (isEditing(action)) return withPart(state, 'editing', editingReducer(state.editing, action));
  if (isStory(action)) return withPart(state, 'story', storyReducer(state.story, action));
  if (isAccess(action)) return withPart(state, 'access', accessReducer(state.access, action));
  const explorer = explorerReducer(state.explorer, action);
  if (explorer === state.explorer) return state;
  const selected = explorer.selection !== null && explorer.selection !== state.explorer.selection && SELECTING.has(action.type);
  const ui = selected && state.ui.sheet !== 'details' ? { ...state.ui, sheet: 'details' as const } : state.ui;
  return { ...state, explorer, ui };
}

function withPart<K extends keyof PageState>(state: PageState, key: K, part: PageState[K]): PageState {
  return part === state[key] ? state : { ...state, [key]: part };
}
