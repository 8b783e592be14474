/**
 * The story being built in the Snapshots tab: title, note and steps, and which saved snapshot it
 * continues. A draft lives while the reader works (kept in the browser, so neither Cancel nor a
 * reload loses it) and is saved as a snapshot when they say so. Pure: the reducer and the check of
 * what is read back from storage.
 */
import { z } from 'zod';
import { SnapshotId, SnapshotStep } from '../../../schemas/index.js';

/** The snapshot a story continues: saving again makes the next version of its series. */
export const StoryBase = z.object({
  id: SnapshotId,
  version: z.number().int().positive(),
  title: z.string(),
  published: z.boolean(),
});
export type StoryBase = z.infer<typeof StoryBase>;

export const StoryDraft = z.object({
  title: z.string().max(300),
  description: z.string().max(4000),
  steps: z.array(SnapshotStep).max(100),
  base: StoryBase.optional(),
  /** With a base: save as its next version (true) or as a new snapshot. */
  asNextVersion: z.boolean(),
  /** Changed since it was last saved or loaded. */
  dirty: z.boolean(),
});
export type StoryDraft = z.infer<typeof StoryDraft>;

export const EMPTY_STORY: StoryDraft = { title: '', description: '', steps: [], asNextVersion: true, dirty: false };

export type StoryAction =
  | { readonly type: 'story/title'; readonly title: string }
  | { readonly type: 'story/description'; readonly description: string }
  | { readonly type: 'story/asNextVersion'; readonly value: boolean }
  | { readonly type: 'story/addStep'; readonly step: SnapshotStep }
  | { readonly type: 'story/caption'; readonly index: number; readonly caption: string }
  /** The step's view taken again from the canvas; its caption stays. */
  | { readonly type: 'story/replaceStep'; readonly index: number; readonly step: SnapshotStep }
  | { readonly type: 'story/moveStep'; readonly index: number; readonly to: number }
  | { readonly type: 'story/removeStep'; readonly index: number }
  /** Saved as this snapshot: the next save makes its next version. */
  | { readonly type: 'story/saved'; readonly base: StoryBase }
  | { readonly type: 'story/published'; readonly id: string }
  /** The snapshot it continued is gone (a deleted draft): the next save starts a new series. */
  | { readonly type: 'story/detach' }
  /** A saved snapshot's story, to continue it. */
  | { readonly type: 'story/load'; readonly story: Pick<StoryDraft, 'title' | 'description' | 'steps'>; readonly base: StoryBase }
  /** Starts over with an empty story. */
  | { readonly type: 'story/clear' };

export function storyReducer(story: StoryDraft, action: StoryAction): StoryDraft {
  const edit = (patch: Partial<StoryDraft>): StoryDraft => ({ ...story, ...patch, dirty: true });
  switch (action.type) {
    case 'story/title':
      return edit({ title: action.title });
    case 'story/description':
      return edit({ description: action.description });
    case 'story/asNextVersion':
      return { ...story, asNextVersion: action.value };
    case 'story/addStep':
      return edit({ steps: [...story.steps, action.step] });
    case 'story/caption':
      return inRange(story, action.index)
        ? edit({ steps: story.steps.map((s, i) => (i === action.index ? { ...s, caption: action.caption } : s)) })
        : story;
    case 'story/replaceStep':
      return inRange(story, action.index)
        ? edit({
            steps: story.steps.map((s, i) => (i === action.index ? { ...action.step, caption: s.caption } : s)),
          })
        : story;
    case 'story/moveStep': {
      if (!inRange(story, action.index) || !inRange(story, action.to) || action.index === action.to) return story;
      const steps = [...story.steps];
      const [moved] = steps.splice(action.index, 1);
      if (moved) steps.splice(action.to, 0, moved);
      return edit({ steps });
    }
    case 'story/removeStep':
      return inRange(story, action.index) ? edit({ steps: story.steps.filter((_, i) => i !== action.index) }) : story;
    case 'story/saved':
      return { ...story, base: action.base, asNextVersion: true, dirty: false };
    case 'story/published':
      return story.base ? { ...story, base: { ...story.base, id: SnapshotId.parse(action.id), published: true } } : story;
    case 'story/detach':
      return story.base ? { ...story, base: undefined, asNextVersion: true } : story;
    case 'story/load':
      return { ...action.story, base: action.base, asNextVersion: true, dirty: false };
    case 'story/clear':
      return EMPTY_STORY;
  }
}

function inRange(story: StoryDraft, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < story.steps.length;
}

/** A story read back from the browser's storage, or an empty one when there is none or it no longer fits. */
export function storyFromStorage(text: string | null): StoryDraft {
  if (!text) return EMPTY_STORY;
  try {
    const parsed = StoryDraft.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_STORY;
  } catch {
    return EMPTY_STORY;
  }
}

/** Whether saving needs anything more: a title, and at least the map (the caller knows if it is empty). */
export function storyProblem(story: StoryDraft): 'title' | undefined {
  return story.title.trim() === '' ? 'title' : undefined;
}
