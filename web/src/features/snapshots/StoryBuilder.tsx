/**
 * The story builder, in the Snapshots tab beside the canvas (not over it): the reader moves, expands,
 * lights a path or a finding, then adds that view as a step. Steps can be shown again on the canvas,
 * re-taken, reordered, re-captioned and deleted. Saving makes a draft snapshot; publishing it is a
 * second, explicit step that says what publishing means, right where the button was.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotStep } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { shareUrl } from '../../api/snapshots.js';
import { ConfirmInPlace } from '../../components/ConfirmInPlace.js';
import { stepLeftovers, visibleElements } from '../../model/index.js';
import { useDispatch, useEffects, usePage } from '../../state/page.js';
import { EmbedCode } from './EmbedCode.js';

export function StoryBuilder() {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  const { story: effects } = useEffects();
  const story = usePage((s) => s.story);
  const view = usePage((s) => s.explorer.view);
  const filter = usePage((s) => s.explorer.filter);
  const previewing = usePage((s) => (s.explorer.spotlight?.source === 'step' ? Number(s.explorer.spotlight.id) : undefined));
  const map = useMemo(() => visibleElements({ view, filter }), [view, filter]);
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [asking, setAsking] = useState<'publish' | 'new'>();
  const id = useId();
  const empty = view.nodes.size === 0;
  const base = story.base;
  const nextVersion = base && story.asNextVersion ? base.version + 1 : undefined;

  const addStep = () => {
    if (!caption.trim()) return;
    effects.addStep(caption.trim());
    setCaption('');
  };
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    if (!story.title.trim()) return setProblem(t('snapshots.needsTitle'));
    void act(() => effects.save());
  };

  return (
    <section className="story-builder" aria-labelledby={`${id}-heading`} data-testid="story-builder">
      <h3 id={`${id}-heading`} className="rail-heading">
        {t('snapshots.story')}
      </h3>
      <p className="rail-hint story-builder__hint">{t('snapshots.storyHint')}</p>
      {base && (
        <p className="story-builder__base muted">
          <span dir="auto">{t('snapshots.continues', { title: base.title, version: base.version })}</span>{' '}
          <button type="button" className="link-button" onClick={() => setAsking('new')}>
            {t('snapshots.newStory')}
          </button>
        </p>
      )}
      {asking === 'new' && (
        <ConfirmInPlace
          question={t('snapshots.confirmNewStory')}
          confirm={t('snapshots.newStory')}
          cancel={t('snapshots.keepDraft')}
          onConfirm={() => {
            dispatch({ type: 'story/clear' });
            setAsking(undefined);
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
      <label className="story-builder__field">
        {t('snapshots.title')}
        <input
          value={story.title}
          onChange={(e) => dispatch({ type: 'story/title', title: e.target.value })}
          maxLength={300}
          dir="auto"
          data-testid="snapshot-title-input"
        />
      </label>
      <label className="story-builder__field">
        {t('snapshots.description')}
        <textarea
          value={story.description}
          onChange={(e) => dispatch({ type: 'story/description', description: e.target.value })}
          rows={2}
          maxLength={4000}
          dir="auto"
        />
      </label>

      <h4 className="story-builder__steps-heading">{t('snapshots.steps')}</h4>
      {story.steps.length === 0 && <p className="rail-hint">{t('snapshots.noSteps')}</p>}
      <ol className="story-steps" data-testid="snapshot-steps">
        {story.steps.map((step, i) => (
          <StepItem
            key={i}
            step={step}
            index={i}
            last={i === story.steps.length - 1}
            shown={previewing === i}
            gone={stepLeftovers(step, map)}
            canvasEmpty={empty}
          />
        ))}
      </ol>
      <div className="story-builder__add">
        <label className="story-builder__field">
          {t('snapshots.caption')}
          <input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            placeholder={t('snapshots.captionPlaceholder')}
            maxLength={2000}
            dir="auto"
            data-testid="step-caption-input"
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addStep();
              }
            }}
          />
        </label>
        <button type="button" className="button" onClick={addStep} disabled={!caption.trim() || empty}>
          {t('snapshots.addView')}
        </button>
      </div>

      {base && (
        <label className="checkbox story-builder__version">
          <input
            type="checkbox"
            checked={story.asNextVersion}
            onChange={(e) => dispatch({ type: 'story/asNextVersion', value: e.target.checked })}
          />{' '}
          {t('snapshots.saveAsVersion', { version: base.version + 1, title: base.title })}
        </label>
      )}
      <div className="story-builder__save">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || empty}
          onClick={save}
          data-testid="snapshot-save"
        >
          {busy
            ? t('snapshots.saving')
            : nextVersion
              ? t('snapshots.saveVersion', { version: nextVersion })
              : t('snapshots.save')}
        </button>
      </div>
      {empty && <p className="rail-hint">{t('snapshots.emptyCanvas')}</p>}
      {problem && (
        <p role="alert" className="inline-error">
          {problem}
        </p>
      )}

      {base && !story.dirty && !base.published && (
        <div className="story-builder__saved" role="status" data-testid="story-saved">
          <p dir="auto">{t('snapshots.savedDraft', { version: base.version, title: base.title })}</p>
          <p className="muted">
            {t('snapshots.draftLink')}:{' '}
            <a href={shareUrl(base.id)} target="_blank" rel="noreferrer" data-testid="draft-link">
              {shareUrl(base.id)}
            </a>
          </p>
          {asking === 'publish' ? (
            <ConfirmInPlace
              question={t('snapshots.publishWhat', { version: base.version, title: base.title })}
              confirm={t('snapshots.publishNow')}
              cancel={t('snapshots.notYet')}
              busy={busy}
              testId="publish-confirm"
              onConfirm={() =>
                void act(async () => {
                  await effects.publishStory();
                  setAsking(undefined);
                })
              }
              onCancel={() => setAsking(undefined)}
            />
          ) : (
            <button type="button" className="button" onClick={() => setAsking('publish')} data-testid="publish-step">
              {t('snapshots.publishStep')}
            </button>
          )}
        </div>
      )}
      {base?.published && (
        <div className="story-builder__saved" role="status" data-testid="story-published">
          <p>{t('snapshots.publishedNow')}</p>
          <p>
            <a href={shareUrl(base.id)} target="_blank" rel="noreferrer" data-testid="published-link">
              {shareUrl(base.id)}
            </a>
          </p>
          <EmbedCode id={base.id} title={base.title} />
        </div>
      )}
    </section>
  );
}

function StepItem({
  step,
  index,
  last,
  shown,
  gone,
  canvasEmpty,
}: {
  readonly step: SnapshotStep;
  readonly index: number;
  readonly last: boolean;
  readonly shown: boolean;
  readonly gone: number;
  readonly canvasEmpty: boolean;
}) {
  const { t } = useTranslation();
  const dispatch = useDispatch();
  const { story } = useEffects();
  const n = index + 1;
  const lit = [
    step.nodeIds.length > 0 ? t('snapshots.stepEntities', { count: step.nodeIds.length }) : '',
    step.edgeIds.length > 0 ? t('snapshots.stepLinks', { count: step.edgeIds.length }) : '',
  ].filter(Boolean);
  return (
    <li className={shown ? 'story-step story-step--shown' : 'story-step'} data-testid="story-step">
      <div className="story-step__head">
        <span className="story-step__number" aria-hidden="true">
          {n}.
        </span>
        <input
          className="story-step__caption"
          value={step.caption}
          aria-label={t('snapshots.editCaption', { n })}
          maxLength={2000}
          dir="auto"
          onChange={(e) => dispatch({ type: 'story/caption', index, caption: e.target.value })}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={`${t('snapshots.moveUp')} (${n})`}
          title={t('snapshots.moveUp')}
          disabled={index === 0}
          onClick={() => dispatch({ type: 'story/moveStep', index, to: index - 1 })}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`${t('snapshots.moveDown')} (${n})`}
          title={t('snapshots.moveDown')}
          disabled={last}
          onClick={() => dispatch({ type: 'story/moveStep', index, to: index + 1 })}
        >
          ↓
        </button>
      </div>
      <p className="story-step__summary muted">
        {lit.length > 0 ? t('snapshots.stepLit', { what: lit.join(', ') }) : t('snapshots.stepNothingLit')}
      </p>
      {gone > 0 && <p className="story-step__gone">{t('snapshots.stepGone', { count: gone })}</p>}
      <div className="story-step__tools" role="group" aria-label={t('snapshots.stepActions', { n })}>
        <button
          type="button"
          className="tool"
          aria-pressed={shown}
          // Pressed again, the step lets go of the canvas (its highlight goes; entities stay put).
          onClick={() => (shown ? dispatch({ type: 'clearSpotlight' }) : story.showStep(index))}
          disabled={canvasEmpty}
        >
          {t('snapshots.showStep')}
        </button>
        <button type="button" className="tool" onClick={() => story.retakeStep(index)} disabled={canvasEmpty}>
          {t('snapshots.retake')}
        </button>
        <button type="button" className="tool tool--danger" onClick={() => dispatch({ type: 'story/removeStep', index })}>
          {t('snapshots.removeStep')}
        </button>
      </div>
    </li>
  );
}
