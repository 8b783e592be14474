/**
 * The page's one store: a state, a pure reducer that changes it, and subscribers. Components read the
 * part they show through `usePage(selector)` (they re-render only when that part changes) and act
 * through the effects (`useEffects()`), which talk to the server and dispatch what came back.
 */
import { createContext, createElement, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Calls `onChange` with the selected part whenever it changes (by identity), for effects outside React. */
export function watch<S, A, T>(
  store: Store<S, A>,
  select: (state: S) => T,
  onChange: (next: T, previous: T) => void,
): () => void {
  let previous = select(store.getState());
  return store.subscribe(() => {
    const next = select(store.getState());
    if (Object.is(next, previous)) return;
    const before = previous;
    previous = next;
    onChange(next, before);
  });
}

/** What the page's components reach through context: the store and its effects. */
export interface PageContext<S, A, E> {
  readonly store: Store<S, A>;
  readonly effects: E;
}

// The context is typed where it is used (state/page.ts); here it only carries the value.
const Context = createContext<PageContext<unknown, unknown, unknown> | null>(null);

export function StoreProvider<S, A, E>({
  value,
  children,
}: {
  readonly value: PageContext<S, A, E>;
  readonly children: ReactNode;
}) {
  return createElement(Context.Provider, { value: value as PageContext<unknown, unknown, unknown> }, children);
}

export function usePageContext<S, A, E>(): PageContext<S, A, E> {
  const value = useContext(Context);
  if (!value) throw new Error('The page store is missing: render inside <StoreProvider>.');
  return value as PageContext<S, A, E>;
}

/** The selected part of the state; `select` must return the same object while that part is unchanged. */
export function useSelector<S, A, E, T>(select: (state: S) => T): T {
  const { store } = usePageContext<S, A, E>();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
