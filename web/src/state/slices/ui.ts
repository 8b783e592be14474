/**
 * What the page shows around the model: the rail tab, the table view, which sheet is up on a phone,
 * the banner, and what is loading. Not part of a link or of undo.
 */
export type RailTabId = 'conflicts' | 'money' | 'paths' | 'snapshots' | 'legend';

/** On a phone the rail and the side panel are sheets below the map; at most one is up. */
export type Sheet = 'none' | 'details' | 'tools';

export interface UiState {
  readonly tab: RailTabId;
  readonly tableView: boolean;
  readonly sheet: Sheet;
  readonly error?: string | undefined;
  readonly notice?: string | undefined;
  /** The entity whose neighbours are being loaded. */
  readonly expandingId?: string | undefined;
  readonly findingPaths: boolean;
  readonly moneyBusy: boolean;
}

export const INITIAL_UI: UiState = { tab: 'conflicts', tableView: false, sheet: 'none', findingPaths: false, moneyBusy: false };

export type UiAction =
  | { readonly type: 'ui/tab'; readonly tab: RailTabId }
  | { readonly type: 'ui/tableView'; readonly on: boolean }
  | { readonly type: 'ui/sheet'; readonly sheet: Sheet }
  | { readonly type: 'ui/error'; readonly message: string | undefined }
  | { readonly type: 'ui/notice'; readonly message: string | undefined }
  | { readonly type: 'ui/expanding'; readonly id: string | undefined }
  | { readonly type: 'ui/findingPaths'; readonly busy: boolean }
  | { readonly type: 'ui/moneyBusy'; readonly busy: boolean };

export function uiReducer(ui: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'ui/tab':
      // Choosing a tab on a phone brings the tools sheet up to show it.
      return { ...ui, tab: action.tab, sheet: ui.sheet === 'none' ? 'none' : 'tools' };
    case 'ui/tableView':
      return { ...ui, tableView: action.on };
    case 'ui/sheet':
      return { ...ui, sheet: action.sheet };
    case 'ui/error':
      return { ...ui, error: action.message };
    case 'ui/notice':
      return { ...ui, notice: action.message };
    case 'ui/expanding':
      return { ...ui, expandingId: action.id };
    case 'ui/findingPaths':
      return { ...ui, findingPaths: action.busy };
    case 'ui/moneyBusy':
      return { ...ui, moneyBusy: action.busy };
  }
}
