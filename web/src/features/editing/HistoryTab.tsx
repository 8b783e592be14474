/** The entity's history from the audit trail: who changed what, when, through which route; Undo where it can be. */
import { useTranslation } from 'react-i18next';
import { queries, useLoaded } from '../../api/queries.js';
import { changeLines, changeSource, namer, UNDOABLE } from './history.js';
import { usePage } from '../../state/page.js';
import { useEditingActions } from './store.js';

const SHOWN_CHANGES = 6;

export function HistoryTab({ entityId }: { readonly entityId: string }) {
  const { t, i18n } = useTranslation();
  const editing = useEditingActions();
  // Read again after every change to the graph (the cache is told).
  const answer = useLoaded(queries.audit(entityId));
  const nodes = usePage((s) => s.explorer.view.nodes);

  if (answer.status === 'loading') return <p className="muted">{t('editing.history.loading')}</p>;
  if (answer.status === 'error')
    return (
      <p className="inline-error" role="alert">
        {answer.message}
      </p>
    );
  const entries = answer.value.entries;
  if (entries.length === 0) return <p className="muted">{t('editing.history.empty')}</p>;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="history" data-testid="history">
      {entries.map((entry) => {
        const lines = changeLines(entry);
        const nameOf = namer(entry, (id) => nodes.get(id)?.name);
        const source = changeSource(entry.route);
        return (
          <li key={entry.id} className="history__entry" data-testid="history-entry">
            <p className="history__head">
              <strong>{t(`editing.history.actions.${entry.action}`, { defaultValue: entry.action })}</strong>{' '}
              <span className="muted">
                {t('editing.history.by', { who: entry.actor, when: when.format(new Date(entry.at)) })}
              </span>
            </p>
            {source && <p className="history__route muted">{t(`editing.history.source.${source}`)}</p>}
            {lines.length > 0 && (
              <ul className="history__changes">
                {lines.slice(0, SHOWN_CHANGES).map((line, i) => (
                  <li key={`${line.id}-${i}`}>
                    <span className="history__what">
                      {line.label}{' '}
                      <span dir="auto" title={line.id}>
                        {line.what === 'relationship' && line.source && line.target
                          ? `${nameOf(line.source)} → ${nameOf(line.target)}`
                          : nameOf(line.id)}
                      </span>{' '}
                      {t(`editing.history.ops.${line.op}`)}
                    </span>
                    {line.fields.map((f) => (
                      <span key={f.field} className="history__field" dir="auto">
                        {t('editing.history.field', {
                          field: f.field,
                          before: f.before ?? t('editing.history.nothing'),
                          after: f.after ?? t('editing.history.nothing'),
                        })}
                      </span>
                    ))}
                  </li>
                ))}
                {lines.length > SHOWN_CHANGES && (
                  <li className="muted">{t('editing.history.more', { count: lines.length - SHOWN_CHANGES })}</li>
                )}
              </ul>
            )}
            {UNDOABLE.has(entry.action) && entry.changes && (
              <button
                type="button"
                className="button button--small"
                onClick={() => void editing.undo(entry.id, { merge: entry.action === 'merge' })}
              >
                {t('editing.history.undo')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
