/** Editing on the page: what App and the side panel mount. */
export { EditBar } from './EditBar.js';
export { EditorDialog } from './EditorDialog.js';
export { EdgeTools } from './EdgeTools.js';
export { EntityPanel } from './EntityPanel.js';
export { useEditing, useEditingActions } from './store.js';
