/** Ctrl/Cmd+Z undoes and Ctrl/Cmd+Y (or Shift+Z) redoes canvas changes, except while typing in a field. */
import { useEffect } from 'react';
import type { ExplorerAction } from '../model/index.js';

export function useUndoKeys(dispatch: (action: ExplorerAction) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      // Inside a text field the browser's own undo of the typed text is what the reader means.
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if (key === 'y' || (key === 'z' && event.shiftKey)) dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);
}
