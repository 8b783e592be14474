/**
 * "Save snapshot": a modal dialog for the title, a note and the story steps. Each step is captured from
 * the canvas when added (what is lit up or selected, and the area in view), so the reader builds the
 * story by moving through the graph and adding a step at each stop.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotStep, SnapshotSummary } from '../../../../schemas/index.js';
import type { ExplorerState } from '../../model/index.js';
import { errorMessage } from '../../api/client.js';
import { captureStep, snapshotInput, visibleElements } from '../../model/capture.js';
import { snapshotApi } from '../../api/snapshots.js';

interface SaveSnapshotDialogProps {
  readonly state: ExplorerState;
  /** The snapshot the canvas was opened from: saving may make the next version of it. */
  readonly current?: SnapshotSummary | undefined;
  readonly onSaved: (message: string) => void;
  readonly onClose: () => void;
}

export function SaveSnapshotDialog({ state, current, onSaved, onClose }: SaveSnapshotDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(current?.title ?? '');
  const [description, setDescription] = useState(current?.description ?? '');
  const [steps, setSteps] = useState<SnapshotStep[]>([]);
  const [caption, setCaption] = useState('');
  const [asVersion, setAsVersion] = useState(current !== undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const addStep = () => {
    if (!caption.trim()) return;
    setSteps((before) => [...before, captureStep(state, caption.trim(), visibleElements(state))]);
    setCaption('');
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const input = snapshotInput(state, { title, description, steps, basedOn: asVersion ? current?.id : undefined });
      const result = await snapshotApi.create(input);
      onSaved(t('snapshots.saved', { title, version: result.version }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="snapshot-dialog"
      aria-labelledby="snapshot-dialog-title"
      onClose={onClose}
      data-testid="save-dialog"
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="snapshot-dialog-title">{t('snapshots.saveTitle')}</h2>
        <label>
          {t('snapshots.title')}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={300}
            dir="auto"
            data-testid="snapshot-title-input"
          />
        </label>
        <label>
          {t('snapshots.description')}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={4000} dir="auto" />
        </label>
        {current && (
          <label className="checkbox">
            <span>
              <input type="checkbox" checked={asVersion} onChange={(e) => setAsVersion(e.target.checked)} />{' '}
              {t('snapshots.saveAsVersion', { version: current.version + 1, title: current.title })}
            </span>
          </label>
        )}
        <fieldset>
          <legend>{t('snapshots.steps')}</legend>
          <p className="muted">{t('snapshots.stepsHint')}</p>
          <ol className="snapshot-dialog__steps" data-testid="snapshot-steps">
            {steps.map((step, i) => (
              <li key={i}>
                <span dir="auto">{step.caption}</span>{' '}
                <span className="muted">
                  {t('snapshots.stepSummary', { nodes: step.nodeIds.length, edges: step.edgeIds.length })}
                </span>{' '}
                <button type="button" className="link-button" onClick={() => setSteps((s) => s.filter((_, j) => j !== i))}>
                  {t('snapshots.removeStep')}
                </button>
              </li>
            ))}
          </ol>
          <label>
            {t('snapshots.caption')}
            <input
              value={caption}
              onChange={(e) => setCaption(e.target.value)}
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
          <button type="button" className="button" onClick={addStep} disabled={!caption.trim()}>
            {t('snapshots.addStep')}
          </button>
        </fieldset>
        {error && (
          <p role="alert" className="diff-removed">
            {error}
          </p>
        )}
        <div className="snapshot-dialog__buttons">
          <button type="button" className="button button--quiet" onClick={() => dialogRef.current?.close()}>
            {t('snapshots.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !title.trim()} data-testid="snapshot-save">
            {busy ? t('snapshots.saving') : t('snapshots.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
