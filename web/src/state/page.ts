/**
 * One explorer page: the store over the page's state, the one read cache, the link to the canvas's
 * port and the effects over them; and the hooks components use to read a part (`usePage`) and to act
 * (`useEffects`).
 */
import type { QueryClient } from '@tanstack/react-query';
import { createQueryClient } from '../api/queries.js';
import type { CanvasLink } from '../canvas/port.js';
import { createEffects } from './effects/index.js';
import type { Effects } from './effects/index.js';
import { INITIAL_PAGE, pageReducer } from './reducer.js';
import type { PageAction, PageState } from './reducer.js';
import { createStore, useSelector, usePageContext } from './store.js';
import type { PageContext } from './store.js';

export type { PageAction, PageState, PageStore } from './reducer.js';

export type Page = PageContext<PageState, PageAction, Effects> & { readonly queries: QueryClient; readonly canvas: CanvasLink };

/** A store, a read cache, the canvas link and the effects over them. */
export function createPage(initial: Partial<PageState> = {}): Page {
  const store = createStore(pageReducer, { ...INITIAL_PAGE, ...initial });
  const queries = createQueryClient();
  const canvas: CanvasLink = { current: null };
  return { store, queries, canvas, effects: createEffects({ store, queries, canvas }) };
}

/** The part of the page's state a component shows; it re-renders when that part changes. */
export function usePage<T>(select: (state: PageState) => T): T {
  return useSelector<PageState, PageAction, Effects, T>(select);
}

function usePageValue(): Page {
  return usePageContext<PageState, PageAction, Effects>() as Page;
}

export function useDispatch(): (action: PageAction) => void {
  return usePageValue().store.dispatch;
}

export function useEffects(): Effects {
  return usePageValue().effects;
}

/** Where the canvas registers its port (the canvas component does, once mounted). */
export function useCanvasLink(): CanvasLink {
  return usePageValue().canvas;
}
