/**
 * The Snapshots tab: the story builder (editors), exporting the canvas as it is, and the saved
 * snapshots with what can be done to each (open the share view, put it back on the canvas, continue
 * its story, duplicate, publish, delete a draft, compare with the previous version, embed, export).
 * Publishing and deleting are confirmed in place, saying what they mean.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, SnapshotDiff, SnapshotSummary } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { queries, useLoaded } from '../../api/queries.js';
import { shareUrl, type PictureChoice } from '../../api/snapshots.js';
import { ConfirmInPlace } from '../../components/ConfirmInPlace.js';
import { useEffects, usePage } from '../../state/page.js';
import { useCanWrite } from '../access/useAccess.js';
import { DiffDialog } from './DiffDialog.js';
import { EmbedCode } from './EmbedCode.js';
import { ExportMenu } from './ExportMenu.js';
import { StoryBuilder } from './StoryBuilder.js';
import './snapshots.css';

type Asking = { readonly id: string; readonly what: 'publish' | 'delete' | 'replace' | 'embed' };

export function SnapshotsPanel() {
  const { t } = useTranslation();
  const { story } = useEffects();
  // Readers see snapshots and their exports; saving, publishing and deleting need an editor token.
  const canWrite = useCanWrite();
  const answer = useLoaded(queries.snapshots());
  const list = answer.status === 'ready' ? answer.value.snapshots : [];
  // Colleagues save and publish too: the list is read again whenever the tab is opened.
  const cache = useQueryClient();
  const shown = usePage((s) => s.ui.tab === 'snapshots');
  useEffect(() => {
    if (shown) void cache.invalidateQueries({ queryKey: queries.snapshots().queryKey });
  }, [shown, cache]);
  const empty = usePage((s) => s.explorer.view.nodes.size === 0);
  const draftChanged = usePage((s) => s.story.dirty);
  const [diff, setDiff] = useState<SnapshotDiff | undefined>();
  const [asking, setAsking] = useState<Asking>();
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | undefined>();

  const act = async (work: () => Promise<string | void>) => {
    setMessage(undefined);
    try {
      const text = await work();
      if (text) setMessage({ tone: 'info', text });
    } catch (e) {
      setMessage({ tone: 'error', text: errorMessage(e) });
    }
  };
  const ask = (id: string, what: Asking['what']) =>
    setAsking((a) => (a?.id === id && a.what === what ? undefined : { id, what }));
  const done = () => setAsking(undefined);
  const continueStory = (s: SnapshotSummary) => {
    if (draftChanged) ask(s.id, 'replace');
    else void act(() => story.loadStory(s));
  };
  const exportCanvas = (format: ExportFormat, picture: PictureChoice) =>
    act(() => story.exportCanvas(format, t('snapshots.exportCanvas'), picture));

  return (
    <section className="rail-section" aria-label={t('snapshots.tab')} data-testid="snapshots-panel">
      {canWrite ? <StoryBuilder /> : <p className="rail-hint">{t('snapshots.needsWriter')}</p>}
      {canWrite && !empty && (
        <div className="snapshots-panel__tools">
          <ExportMenu label={t('snapshots.exportCanvas')} onExport={(format, picture) => void exportCanvas(format, picture)} />
        </div>
      )}
      {message && (
        <p
          role={message.tone === 'error' ? 'alert' : 'status'}
          className={message.tone === 'error' ? 'inline-error' : 'muted'}
          data-testid="snapshot-message"
        >
          {message.text}
        </p>
      )}

      <h3 className="rail-heading snapshots-panel__list-heading">{t('snapshots.list')}</h3>
      {answer.status === 'error' && (
        <p role="alert" className="inline-error">
          {answer.message}
        </p>
      )}
      {answer.status === 'ready' && list.length === 0 && <p className="rail-hint">{t('snapshots.none')}</p>}
      <ul className="snapshot-list" data-testid="snapshot-list">
        {list.map((s) => {
          const question = asking?.id === s.id ? asking.what : undefined;
          return (
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
                <button type="button" className="button" onClick={() => void act(() => story.reopen(s))}>
                  {t('snapshots.reopen')}
                </button>
                {canWrite && (
                  <button type="button" className="button" onClick={() => continueStory(s)}>
                    {t('snapshots.continueStory')}
                  </button>
                )}
                {canWrite && (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      void act(async () => {
                        const copy = await story.duplicate(s);
                        return t('snapshots.saved', copy);
                      })
                    }
                  >
                    {t('snapshots.duplicate')}
                  </button>
                )}
                {canWrite && !s.published && (
                  <>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={question === 'publish'}
                      onClick={() => ask(s.id, 'publish')}
                    >
                      {t('snapshots.publishStep')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-expanded={question === 'delete'}
                      onClick={() => ask(s.id, 'delete')}
                    >
                      {t('snapshots.delete')}
                    </button>
                  </>
                )}
                {s.version > 1 && (
                  <button type="button" className="button" onClick={() => void act(async () => setDiff(await story.diff(s.id)))}>
                    {t('snapshots.compare')}
                  </button>
                )}
                {s.published && (
                  <button
                    type="button"
                    className="button"
                    aria-expanded={question === 'embed'}
                    onClick={() => ask(s.id, 'embed')}
                  >
                    {t('snapshots.embed')}
                  </button>
                )}
                <ExportMenu snapshotId={s.id} />
              </div>
              {question === 'publish' && (
                <ConfirmInPlace
                  question={t('snapshots.publishWhat', { version: s.version, title: s.title })}
                  confirm={t('snapshots.publishNow')}
                  cancel={t('snapshots.notYet')}
                  testId="publish-confirm"
                  onConfirm={() => void act(() => story.publish(s.id)).then(done)}
                  onCancel={done}
                />
              )}
              {question === 'delete' && (
                <ConfirmInPlace
                  question={t('snapshots.deleteWhat', { title: s.title })}
                  confirm={t('snapshots.deleteNow')}
                  cancel={t('snapshots.cancel')}
                  danger
                  onConfirm={() => void act(() => story.remove(s.id)).then(done)}
                  onCancel={done}
                />
              )}
              {question === 'replace' && (
                <ConfirmInPlace
                  question={t('snapshots.replaceDraft', { title: s.title })}
                  confirm={t('snapshots.replace')}
                  cancel={t('snapshots.keepDraft')}
                  onConfirm={() => void act(() => story.loadStory(s)).then(done)}
                  onCancel={done}
                />
              )}
              {question === 'embed' && <EmbedCode id={s.id} title={s.title} />}
            </li>
          );
        })}
      </ul>
      {diff && <DiffDialog diff={diff} onClose={() => setDiff(undefined)} />}
    </section>
  );
}
