/**
 * Undo and redo for canvas changes, as a plain stack of past and future values. Generic so it can
 * be tested on numbers; the explorer keeps views of the canvas in it.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

export const EMPTY_HISTORY: History<never> = { past: [], future: [] };

/** Enough to walk back through a session's work without keeping every view ever drawn. */
export const HISTORY_LIMIT = 50;

/** Records `before` as undoable; a new change makes the old redo branch unreachable, so it goes. */
export function record<T>(history: History<T>, before: T, limit = HISTORY_LIMIT): History<T> {
  return { past: [...history.past, before].slice(-limit), future: [] };
}

/** Steps back: returns the value to show and the history after the step, or undefined at the start. */
export function undo<T>(history: History<T>, present: T): { value: T; history: History<T> } | undefined {
  const value = history.past[history.past.length - 1];
  if (value === undefined) return undefined;
  return { value, history: { past: history.past.slice(0, -1), future: [present, ...history.future] } };
}

export function redo<T>(history: History<T>, present: T): { value: T; history: History<T> } | undefined {
  const [value, ...future] = history.future;
  if (value === undefined) return undefined;
  return { value, history: { past: [...history.past, present], future } };
}
