/**
 * The store's effects, grouped by what they deal with. Each group gets the same dependencies: the
 * store, the one read cache, and the link to the canvas's port.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CanvasLink } from '../../canvas/port.js';
import { accessEffects } from './access.js';
import { addressEffects } from './address.js';
import { editingEffects } from './editing.js';
import { exploreEffects } from './explore.js';
import { moneyEffects } from './money.js';
import type { PageStore } from '../reducer.js';
import { storyEffects } from './story.js';

export interface EffectDeps {
  readonly store: PageStore;
  readonly queries: QueryClient;
  readonly canvas: CanvasLink;
}

export function createEffects(deps: EffectDeps) {
  const money = moneyEffects(deps);
  return {
    explore: exploreEffects(deps),
    money,
    editing: editingEffects(deps),
    story: storyEffects(deps),
    access: accessEffects(deps),
    address: addressEffects(deps, money.findFlow),
  };
}

export type Effects = ReturnType<typeof createEffects>;
