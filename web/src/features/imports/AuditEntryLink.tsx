/**
 * The import's entry in the audit trail, one click away: "Open its audit entry" reads it
 * (GET /api/audit/{id}, with the signed-in token) and shows who imported what, when, through which
 * route, with the counts and the first ids it recorded; the entry's address opens it as JSON.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../schemas/index.js';
import { editingApi } from '../../api/editing.js';

const SHOWN_IDS = 10;

export function AuditEntryLink({ id }: { readonly id: string }) {
  const { t, i18n } = useTranslation();
  const [entry, setEntry] = useState<
    { at: 'idle' | 'loading' } | { at: 'shown'; entry: AuditEntry } | { at: 'error'; message: string }
  >({
    at: 'idle',
  });
  const href = `/api/audit/${encodeURIComponent(id)}`;
  const open = () => {
    setEntry({ at: 'loading' });
    editingApi.auditEntry(id).then(
      (value) => setEntry({ at: 'shown', entry: value }),
      (error: unknown) => setEntry({ at: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="import-audit" data-testid="import-audit">
      <p className="muted">
        {t('imports.audit', { id })}{' '}
        <a
          href={href}
          onClick={(e) => {
            e.preventDefault();
            open();
          }}
          data-testid="import-audit-link"
        >
          {t('imports.auditOpen')}
        </a>
      </p>
      {entry.at === 'loading' && <p className="muted">{t('imports.auditLoading')}</p>}
      {entry.at === 'error' && (
        <p className="inline-error" role="alert">
          {entry.message}
        </p>
      )}
      {entry.at === 'shown' && (
        <dl className="import-audit__entry" data-testid="import-audit-entry">
          <dt>{t('imports.auditWho')}</dt>
          <dd dir="auto">{entry.entry.actor}</dd>
          <dt>{t('imports.auditWhen')}</dt>
          <dd>{when.format(new Date(entry.entry.at))}</dd>
          <dt>{t('imports.auditRoute')}</dt>
          <dd>
            <code dir="ltr">{entry.entry.route}</code>
          </dd>
          <dt>{t('imports.auditWhat')}</dt>
          <dd>
            {t('imports.auditCounts', {
              entities: entry.entry.entityIds.length,
              relationships: entry.entry.relationshipIds.length,
            })}
            <ul className="import-list">
              {[...entry.entry.entityIds, ...entry.entry.relationshipIds].slice(0, SHOWN_IDS).map((x) => (
                <li key={x}>
                  <code dir="ltr">{x}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dd>
            <a href={href} target="_blank" rel="noopener noreferrer">
              {t('imports.auditJson')}
            </a>
          </dd>
        </dl>
      )}
    </div>
  );
}
