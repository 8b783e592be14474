/**
 * Editing on the page, as state: which form is open, the last change (for its Undo note) and the last
 * error. The writes themselves are the editing effects (state/effects/editing.ts).
 */
import type { EntityKind, GraphEdge, GraphNode } from '../../../../schemas/index.js';
import type { Endpoint } from '../../features/editing/drafts.js';

export type Editor =
  | { readonly form: 'duplicates' }
  | { readonly form: 'entity'; readonly node?: GraphNode | undefined; readonly kind?: EntityKind | undefined }
  | {
      readonly form: 'relationship';
      readonly edge?: GraphEdge | undefined;
      readonly source?: Endpoint | undefined;
      readonly target?: Endpoint | undefined;
    };

export interface LastEdit {
  readonly auditId: string;
  /** An i18n key under `editing.` saying what happened. */
  readonly what: 'saved' | 'deleted' | 'undone';
  readonly merge?: boolean;
}

export interface EditingState {
  readonly editor?: Editor | undefined;
  readonly lastEdit?: LastEdit | undefined;
  readonly error?: string | undefined;
}

export type EditingAction =
  | { readonly type: 'editing/open'; readonly editor: Editor }
  | { readonly type: 'editing/close' }
  | { readonly type: 'editing/dismiss' }
  /** A write went through; `close` also closes the form it came from. */
  | { readonly type: 'editing/done'; readonly lastEdit?: LastEdit | undefined; readonly close?: boolean }
  | { readonly type: 'editing/error'; readonly message: string | undefined };

export function editingReducer(state: EditingState, action: EditingAction): EditingState {
  switch (action.type) {
    case 'editing/open':
      return { ...state, editor: action.editor, error: undefined };
    case 'editing/close':
      return { ...state, editor: undefined };
    case 'editing/dismiss':
      return { ...state, lastEdit: undefined, error: undefined };
    case 'editing/done':
      return {
        ...state,
        ...(action.close ? { editor: undefined } : {}),
        ...(action.lastEdit ? { lastEdit: action.lastEdit } : {}),
      };
    case 'editing/error':
      return { ...state, error: action.message };
  }
}
