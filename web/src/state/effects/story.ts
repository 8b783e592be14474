/**
 * Stories and snapshots: the story being built (kept in the browser while the reader works), its
 * steps taken from the canvas and shown on it again, saving it as a snapshot and publishing it, and
 * what the list of saved snapshots can do (put one on the canvas, duplicate, delete, compare, export).
 */
import type { ExportFormat, Snapshot, SnapshotDiff, SnapshotSummary } from '../../../../schemas/index.js';
import { queries } from '../../api/queries.js';
import { snapshotApi, type PictureChoice } from '../../api/snapshots.js';
import { captureStep, openSnapshotAction, showStepAction, snapshotInput, storyFromStorage } from '../../model/index.js';
import type { StoryBase, StoryDraft } from '../../model/index.js';
import type { EffectDeps } from './index.js';
import { watch } from '../store.js';

const STORAGE_KEY = 'interlock.story';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The story kept from the reader's last visit, if any. */
export function storedStory(): StoryDraft {
  try {
    return storyFromStorage(storage()?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return storyFromStorage(null);
  }
}

export function storyEffects({ store, queries: cache, canvas }: EffectDeps) {
  const { dispatch, getState } = store;
  const snapshotsChanged = () => cache.invalidateQueries({ queryKey: queries.snapshots().queryKey });

  /** The canvas as it is this instant (a pan a moment ago included). */
  const explorer = () => {
    canvas.current?.flush();
    return getState().explorer;
  };

  const baseOf = (snapshot: Pick<Snapshot, 'id' | 'version' | 'published'>, title: string): StoryBase => ({
    id: snapshot.id,
    version: snapshot.version,
    title,
    published: snapshot.published,
  });

  return {
    /** Keeps the story in the browser on every change; returns a function that stops. */
    start(): () => void {
      return watch(
        store,
        (state) => state.story,
        (story) => {
          try {
            storage()?.setItem(STORAGE_KEY, JSON.stringify(story));
          } catch {
            // Storage full or refused: the story still lives for this visit.
          }
        },
      );
    },

    addStep(caption: string): void {
      dispatch({ type: 'story/addStep', step: captureStep(explorer(), caption) });
    },

    /** Takes the step's view again from the canvas as it is now; its caption stays. */
    retakeStep(index: number): void {
      const step = getState().story.steps[index];
      if (step) dispatch({ type: 'story/replaceStep', index, step: captureStep(explorer(), step.caption) });
    },

    /** Shows a step on the canvas: what it lit, where it put things, the area it framed. */
    showStep(index: number): void {
      const step = getState().story.steps[index];
      const state = explorer();
      if (step) dispatch(showStepAction(step, index, state.view, state.viewport));
    },

    /** Saves the story with the canvas as a draft snapshot (the next version of its base when asked). */
    async save(): Promise<StoryBase> {
      const { story } = getState();
      const basedOn = story.asNextVersion ? story.base?.id : undefined;
      const input = snapshotInput(explorer(), {
        title: story.title.trim(),
        description: story.description,
        steps: story.steps,
        basedOn,
      });
      const result = await snapshotApi.create(input);
      const base = baseOf({ id: result.id, version: result.version, published: false }, story.title.trim());
      dispatch({ type: 'story/saved', base });
      void snapshotsChanged();
      return base;
    },

    /** Publishes what the story was saved as: permanent, public, under an id derived from its content. */
    async publishStory(): Promise<void> {
      const base = getState().story.base;
      if (!base || base.published) return;
      const result = await snapshotApi.publish(base.id);
      dispatch({ type: 'story/published', id: result.id });
      void snapshotsChanged();
    },

    /** Continues a saved snapshot's story in the builder. */
    async loadStory(summary: SnapshotSummary): Promise<void> {
      const { content, ...meta } = await snapshotApi.get(summary.id);
      dispatch({
        type: 'story/load',
        story: { title: content.title, description: content.description, steps: content.steps },
        base: baseOf(meta, content.title),
      });
    },

    /** "Put on canvas": the snapshot's map back in the explorer, nodes where they were; Undo goes back. */
    async reopen(summary: SnapshotSummary): Promise<void> {
      const snapshot = await snapshotApi.get(summary.id);
      dispatch(openSnapshotAction(snapshot.content));
    },

    async duplicate(summary: SnapshotSummary): Promise<{ title: string; version: number }> {
      const { content } = await snapshotApi.get(summary.id);
      const result = await snapshotApi.create({
        title: content.title,
        description: content.description,
        nodeIds: content.entities.map((e) => e.id),
        edgeIds: content.relationships.map((r) => r.id),
        positions: content.positions,
        ...(content.filters ? { filters: content.filters } : {}),
        ...(content.asOf ? { asOf: content.asOf } : {}),
        ...(content.pinned ? { pinned: content.pinned } : {}),
        steps: content.steps,
      });
      void snapshotsChanged();
      return { title: content.title, version: result.version };
    },

    async publish(id: string): Promise<void> {
      const result = await snapshotApi.publish(id);
      const base = getState().story.base;
      if (base?.id === id) dispatch({ type: 'story/published', id: result.id });
      void snapshotsChanged();
    },

    async remove(id: string): Promise<void> {
      await snapshotApi.remove(id);
      if (getState().story.base?.id === id) dispatch({ type: 'story/detach' });
      void snapshotsChanged();
    },

    diff: (id: string): Promise<SnapshotDiff> => snapshotApi.diff(id),

    /**
     * Exports the canvas as it is, without saving it; under the story's title and description when the
     * builder has them, else under `title`.
     */
    exportCanvas: (format: ExportFormat, title: string, picture?: PictureChoice): Promise<void> => {
      const { story } = getState();
      return snapshotApi.exportView(
        snapshotInput(explorer(), { title: story.title.trim() || title, description: story.description.trim(), steps: [] }),
        format,
        picture,
      );
    },
  };
}
