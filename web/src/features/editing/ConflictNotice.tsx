/**
 * Shown in a form when someone else saved the same fact after the form was opened (the server answered
 * 412): who, when, what they changed, and the choice between taking their version (my changes dropped)
 * and keeping my text over theirs (then Save again).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionConflictResponse } from '../../../../schemas/index.js';

export interface ConflictField {
  readonly label: string;
  /** The value as the other person left it, as text. */
  readonly now: string;
}

export function ConflictNotice({
  conflict,
  fields,
  onReload,
  onKeep,
}: {
  readonly conflict: VersionConflictResponse;
  readonly fields: readonly ConflictField[];
  readonly onReload: () => void;
  readonly onKeep: () => void;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // It appears at the bottom of a long form, where Save was pressed: bring it into view.
  useEffect(() => {
    // Not `() => el.scrollIntoView()`: browsers that return a promise from it would hand React a non-function cleanup.
    box.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);
  const last = conflict.lastChange;
  const when = last
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(last.at))
    : '';
  return (
    <div ref={box} className="edit-conflict" role="alert" data-testid="edit-conflict">
      <p className="edit-conflict__head">
        <strong>{t('editing.conflict.title')}</strong>{' '}
        {last ? t('editing.conflict.by', { who: last.actor, when }) : t('editing.conflict.someone')}
      </p>
      {fields.length > 0 ? (
        <ul className="edit-conflict__fields">
          {fields.map((field) => (
            <li key={field.label} dir="auto">
              {t('editing.conflict.field', { field: field.label, now: field.now || t('editing.history.nothing') })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('editing.conflict.noVisibleChange')}</p>
      )}
      <div className="edit-form__buttons">
        <button type="button" className="button" onClick={onReload} data-testid="conflict-reload">
          {t('editing.conflict.reload')}
        </button>
        <button type="button" className="button button--primary" onClick={onKeep} data-testid="conflict-keep">
          {t('editing.conflict.keep')}
        </button>
      </div>
    </div>
  );
}
