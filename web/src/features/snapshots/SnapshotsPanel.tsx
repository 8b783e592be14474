/**
 * The Snapshots tab: save the current view, export the canvas as it is, and the list of saved
 * snapshots with what can be done to each (open the share view, put it back on the canvas, duplicate,
 * publish, delete a draft, compare with the previous version, export).
 */
import { useState } from 'react';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, SnapshotDiff, SnapshotSummary } from '../../../../schemas/index.js';
import type { ExplorerAction, ExplorerState } from '../../model/index.js';
import { errorMessage } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { filterFrom, placeWhenSettled, snapshotInput } from '../../model/capture.js';
import { DiffDialog } from './DiffDialog.js';
import { ExportMenu } from './ExportMenu.js';
import { SaveSnapshotDialog } from './SaveSnapshotDialog.js';
import { shareUrl, snapshotApi } from '../../api/snapshots.js';
import './snapshots.css';
import { useCanWrite } from '../access/useAccess.js';

interface SnapshotsPanelProps {
  readonly state: ExplorerState;
  readonly dispatch: Dispatch<ExplorerAction>;
}

export function SnapshotsPanel({ state, dispatch }: SnapshotsPanelProps) {
  const { t } = useTranslation();
  // Readers see snapshots and their exports; saving, publishing and deleting need an editor token.
  const canWrite = useCanWrite();
  const [revision, setRevision] = useState(0);
  const answer = useQuery(`snapshots#${revision}`, () => snapshotApi.list());
  const list = answer.status === 'ready' ? answer.value.snapshots : [];
  const [saving, setSaving] = useState(false);
  const [current, setCurrent] = useState<SnapshotSummary | undefined>();
  const [diff, setDiff] = useState<SnapshotDiff | undefined>();
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | undefined>();
  const empty = state.view.nodes.size === 0;
  const refresh = () => setRevision((r) => r + 1);

  const act = async (work: () => Promise<string | void>) => {
    try {
      const text = await work();
      if (text) setMessage({ tone: 'info', text });
      refresh();
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };
  /** Publishing and deleting cannot be taken back: the person confirms first. */
  const actIfConfirmed = (question: string, work: () => Promise<unknown>) => {
    if (window.confirm(question)) void act(() => work().then(() => undefined));
  };

  const reopen = (summary: SnapshotSummary) =>
    act(async () => {
      const snapshot = await snapshotApi.get(summary.id);
      const { content } = snapshot;
      dispatch({ type: 'clearCanvas' });
      dispatch({ type: 'merged', patch: { nodes: content.entities, edges: content.relationships }, select: null });
      dispatch({ type: 'setFilter', patch: filterFrom(content.filters, content.asOf) });
      placeWhenSettled(content.positions);
      setCurrent(summary);
    });

  const duplicate = (summary: SnapshotSummary) =>
    act(async () => {
      const { content } = await snapshotApi.get(summary.id);
      const result = await snapshotApi.create({
        title: content.title,
        description: content.description,
        nodeIds: content.entities.map((e) => e.id),
        edgeIds: content.relationships.map((r) => r.id),
        positions: content.positions,
        ...(content.filters ? { filters: content.filters } : {}),
        ...(content.asOf ? { asOf: content.asOf } : {}),
        steps: content.steps,
      });
      return t('snapshots.saved', { title: content.title, version: result.version });
    });

  const exportCanvas = (format: ExportFormat) =>
    act(() =>
      snapshotApi.exportView(snapshotInput(state, { title: t('snapshots.exportCanvas'), description: '', steps: [] }), format),
    );

  return (
    <section className="rail-section" aria-label={t('snapshots.tab')} data-testid="snapshots-panel">
      <div className="snapshots-panel__tools">
        {canWrite && (
          <button
            type="button"
            className="button button--primary"
            disabled={empty}
            onClick={() => setSaving(true)}
            data-testid="save-snapshot"
          >
            {t('snapshots.save')}
          </button>
        )}
        {canWrite && !empty && (
          <ExportMenu label={t('snapshots.exportCanvas')} onExport={(format) => void exportCanvas(format)} />
        )}
      </div>
      {empty && <p className="rail-hint">{t('snapshots.emptyCanvas')}</p>}
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'diff-removed' : 'muted'}
          data-testid="snapshot-message"
        >
          {message.text}
        </p>
      )}

      <h3 className="rail-heading">{t('snapshots.list')}</h3>
      {answer.status === 'error' && (
        <p role="alert" className="diff-removed">
          {answer.message}
        </p>
      )}
      {answer.status === 'ready' && list.length === 0 && <p className="rail-hint">{t('snapshots.none')}</p>}
      <ul className="snapshot-list" data-testid="snapshot-list">
        {list.map((s) => (
          <li key={s.id} className="snapshot-card" data-testid="snapshot-card" data-snapshot-id={s.id}>
            <p className="snapshot-card__title" dir="auto">
              {s.title}
            </p>
            <p className="snapshot-card__meta">
              {t('snapshots.version', { version: s.version })} ·{' '}
              <span className={s.published ? 'badge badge--published' : 'badge'}>
                {s.published ? t('snapshots.published') : t('snapshots.draft')}
              </span>{' '}
              · {t('snapshots.counts', { nodes: s.nodeCount, edges: s.edgeCount })} · {s.createdAt.slice(0, 10)}
            </p>
            <div className="snapshot-card__actions">
              <a className="button" href={shareUrl(s.id)} target="_blank" rel="noreferrer" data-testid="share-link">
                {t('snapshots.share')}
              </a>
              <button type="button" className="button" onClick={() => void reopen(s)}>
                {t('snapshots.reopen')}
              </button>
              {canWrite && (
                <button type="button" className="button" onClick={() => void duplicate(s)}>
                  {t('snapshots.duplicate')}
                </button>
              )}
              {canWrite && !s.published && (
                <>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      actIfConfirmed(t('snapshots.confirmPublish', { title: s.title }), () => snapshotApi.publish(s.id))
                    }
                  >
                    {t('snapshots.publish')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      actIfConfirmed(t('snapshots.confirmDelete', { title: s.title }), () => snapshotApi.remove(s.id))
                    }
                  >
                    {t('snapshots.delete')}
                  </button>
                </>
              )}
              {s.version > 1 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void act(async () => setDiff(await snapshotApi.diff(s.id)))}
                >
                  {t('snapshots.compare')}
                </button>
              )}
              <ExportMenu snapshotId={s.id} />
            </div>
          </li>
        ))}
      </ul>

      {saving && (
        <SaveSnapshotDialog
          state={state}
          current={current}
          onSaved={(text) => {
            setSaving(false);
            setMessage({ tone: 'info', text });
            refresh();
          }}
          onClose={() => setSaving(false)}
        />
      )}
      {diff && <DiffDialog diff={diff} onClose={() => setDiff(undefined)} />}
    </section>
  );
}
