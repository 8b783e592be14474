/** The code that puts a published snapshot in another web page, with a button to copy it. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { embedCode } from '../../api/snapshots.js';

export function EmbedCode({ id, title }: { readonly id: string; readonly title: string }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [copied, setCopied] = useState(false);
  const code = embedCode(id, title);
  return (
    <div className="embed-code" data-testid="embed-code">
      <label htmlFor={fieldId} className="embed-code__label">
        {t('snapshots.embedCode')}
      </label>
      <p className="muted">{t('snapshots.embedHint')}</p>
      <textarea id={fieldId} readOnly rows={3} value={code} dir="ltr" onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          void navigator.clipboard?.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('snapshots.copyCode')}
      </button>
      {copied && (
        <span role="status" className="muted">
          {' '}
          {t('snapshots.codeCopied')}
        </span>
      )}
    </div>
  );
}
