/** Editing as the forms and tools see it: the page store's editing part and its actions. */
import { useEffects, usePage } from '../../state/page.js';
import type { EditingState } from '../../state/slices/editing.js';

export type { Editor, EditingState, LastEdit } from '../../state/slices/editing.js';

export function useEditing(): EditingState {
  return usePage((state) => state.editing);
}

/** open, close, dismiss, entitySaved, relationshipSaved, deleteEntity, deleteRelationship, undo, merged, failed. */
export function useEditingActions() {
  return useEffects().editing;
}
