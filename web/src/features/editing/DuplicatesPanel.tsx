/**
 * The Duplicates tab: likely pairs with why and how likely, and for each: merge one into the other
 * (every connection, name and source kept; undoable), or say they are not the same (remembered).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, DuplicatesResponse } from '../../../../schemas/index.js';
import { errorMessage } from '../../api/client.js';
import { editingApi } from '../../api/editing.js';
import { KindIcon } from '../../components/KindIcon.js';
import { editing, useEditing } from './store.js';
import './editing.css';

/** `onShow` puts an entity of a pair on the canvas, to look at before deciding. */
export function DuplicatesPanel({ onShow }: { readonly onShow: (entity: DuplicateCandidate) => void }) {
  const { t } = useTranslation();
  const { revision } = useEditing();
  const [answer, setAnswer] = useState<{
    readonly revision: number;
    readonly value?: DuplicatesResponse;
    readonly error?: string;
  }>();
  const [busy, setBusy] = useState<string>();
  const [lastMerge, setLastMerge] = useState<{ auditId: string; kept: string; gone: string }>();

  useEffect(() => {
    let live = true;
    editingApi.duplicates().then(
      (value) => live && setAnswer({ revision, value }),
      (error: unknown) => live && setAnswer({ revision, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [revision]);

  const act = async (key: string, work: () => Promise<void>) => {
    setBusy(key);
    try {
      await work();
    } catch (error) {
      editing.failed(error);
    } finally {
      setBusy(undefined);
    }
  };
  const merge = (keep: DuplicateCandidate, gone: DuplicateCandidate) =>
    act(`${keep.id}|${gone.id}`, async () => {
      const result = await editingApi.merge(keep.id, gone.id);
      setLastMerge({ auditId: result.auditId, kept: keep.name, gone: gone.name });
      // The merged entity is gone: its pairs leave the list now, not when the list is read again.
      setAnswer((prev) => withoutPairs(prev, (p) => p.a.id === gone.id || p.b.id === gone.id));
      await editing.merged(result.auditId, keep.id, gone.id);
    });
  const reject = (a: DuplicateCandidate, b: DuplicateCandidate) =>
    act(`${a.id}|${b.id}`, async () => {
      await editingApi.rejectDuplicate(a.id, b.id);
      setAnswer((prev) => withoutPairs(prev, (p) => p.a.id === a.id && p.b.id === b.id));
    });

  const value = answer?.value;
  return (
    <section className="duplicates" aria-label={t('editing.duplicates.title')} data-testid="duplicates-panel">
      <p className="muted">{t('editing.duplicates.intro')}</p>
      {lastMerge && (
        <div className="duplicates__merged" role="status">
          <span dir="auto">{t('editing.duplicates.merged', { kept: lastMerge.kept, gone: lastMerge.gone })}</span>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void act('undo', async () => {
                if (await editing.undo(lastMerge.auditId, { merge: true })) setLastMerge(undefined);
              })
            }
          >
            {t('editing.duplicates.undoMerge')}
          </button>
        </div>
      )}
      {!answer && <p className="muted">{t('editing.duplicates.loading')}</p>}
      {answer?.error && (
        <p className="inline-error" role="alert">
          {answer.error}
        </p>
      )}
      {value && value.pairs.length === 0 && <p className="muted">{t('editing.duplicates.none')}</p>}
      {value && value.pairs.length > 0 && (
        <>
          <p className="muted" data-testid="duplicates-count">
            {t('editing.duplicates.count', { count: value.total })}
            {value.capped && ` · ${t('editing.duplicates.capped')}`}
          </p>
          <ul className="duplicates__list">
            {value.pairs.map((pair) => {
              const key = `${pair.a.id}|${pair.b.id}`;
              return (
                <li key={key} className="duplicates__pair" data-testid="duplicate-pair" aria-busy={busy === key}>
                  <p className="duplicates__why">
                    <strong>{t(`editing.duplicates.reasons.${pair.reason}`)}</strong>{' '}
                    <span className="muted">{t('editing.duplicates.score', { score: Math.round(pair.score * 100) })}</span>
                  </p>
                  {[pair.a, pair.b].map((entity, i) => {
                    const other = i === 0 ? pair.b : pair.a;
                    return (
                      <div key={entity.id} className="duplicates__entity">
                        <button type="button" className="duplicates__name" onClick={() => onShow(entity)}>
                          <KindIcon kind={entity.kind} size={14} /> <span dir="auto">{entity.name}</span>
                        </button>
                        {entity.aliases.length > 0 && (
                          <span className="duplicates__aliases muted" dir="auto">
                            {entity.aliases.slice(0, 3).join(' · ')}
                          </span>
                        )}
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy !== undefined}
                          onClick={() => void merge(entity, other)}
                          title={t('editing.duplicates.mergeInto')}
                        >
                          {t('editing.duplicates.keep', { name: entity.name })}
                        </button>
                      </div>
                    );
                  })}
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={busy !== undefined}
                    onClick={() => void reject(pair.a, pair.b)}
                  >
                    {t('editing.duplicates.notSame')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

type Answer = { readonly revision: number; readonly value?: DuplicatesResponse; readonly error?: string } | undefined;

function withoutPairs(answer: Answer, drop: (pair: DuplicatesResponse['pairs'][number]) => boolean): Answer {
  if (!answer?.value) return answer;
  const pairs = answer.value.pairs.filter((p) => !drop(p));
  return { ...answer, value: { ...answer.value, pairs, total: answer.value.total - (answer.value.pairs.length - pairs.length) } };
}
