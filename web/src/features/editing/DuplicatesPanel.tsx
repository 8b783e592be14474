/**
 * The Duplicates tab: likely pairs with why and how likely, and for each: merge one into the other
 * (every connection, name and source kept; undoable), or say they are not the same (remembered).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, DuplicatesResponse } from '../../../../schemas/index.js';
import { editingApi } from '../../api/editing.js';
import { queries, useLoaded } from '../../api/queries.js';
import { KindIcon } from '../../components/KindIcon.js';
import { useEditingActions } from './store.js';
import './editing.css';

/** `onShow` puts an entity of a pair on the canvas, to look at before deciding. */
export function DuplicatesPanel({ onShow }: { readonly onShow: (entity: DuplicateCandidate) => void }) {
  const { t } = useTranslation();
  const editing = useEditingActions();
  // Read again after every change to the graph (the cache is told).
  const answer = useLoaded(queries.duplicates());
  // Pairs settled here leave the list at once, not when the list is read again.
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string>();
  const [lastMerge, setLastMerge] = useState<{ auditId: string; kept: string; gone: string }>();
  const value = answer.status === 'ready' ? withoutSettled(answer.value, settled) : undefined;
  const settle = (drop: (pair: Pair) => boolean) =>
    setSettled((before) => new Set([...before, ...(value?.pairs ?? []).filter(drop).map(pairKey)]));

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
      // The merged entity is gone: its pairs leave the list.
      settle((p) => p.a.id === gone.id || p.b.id === gone.id);
      await editing.merged(result.auditId, keep.id, gone.id);
    });
  const reject = (a: DuplicateCandidate, b: DuplicateCandidate) =>
    act(`${a.id}|${b.id}`, async () => {
      await editingApi.rejectDuplicate(a.id, b.id);
      settle((p) => p.a.id === a.id && p.b.id === b.id);
    });

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
                if (await editing.undo(lastMerge.auditId, { merge: true })) {
                  setLastMerge(undefined);
                  // Both entities are back: their pair may be proposed again when the list is read again.
                  setSettled(new Set());
                }
              })
            }
          >
            {t('editing.duplicates.undoMerge')}
          </button>
        </div>
      )}
      {answer.status === 'loading' && <p className="muted">{t('editing.duplicates.loading')}</p>}
      {answer.status === 'error' && (
        <p className="inline-error" role="alert">
          {answer.message}
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

type Pair = DuplicatesResponse['pairs'][number];

const pairKey = (pair: Pair) => `${pair.a.id}|${pair.b.id}`;

function withoutSettled(answer: DuplicatesResponse, settled: ReadonlySet<string>): DuplicatesResponse {
  if (settled.size === 0) return answer;
  const pairs = answer.pairs.filter((p) => !settled.has(pairKey(p)));
  return { ...answer, pairs, total: answer.total - (answer.pairs.length - pairs.length) };
}
