/**
 * "Copy link": the address of the view as it is this instant (a short link when the view is too long
 * for an address), copied to the clipboard and shown in a field to copy by hand where the browser
 * does not allow it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.js';
import { useEffects } from '../../state/page.js';

type Shown = { readonly url: string; readonly copied: boolean } | { readonly error: string };

export function CopyLink({ disabled }: { readonly disabled: boolean }) {
  const { t } = useTranslation();
  const { address } = useEffects();
  const [shown, setShown] = useState<Shown>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    fieldRef.current?.select();
  }, [shown]);

  const copy = async () => {
    setBusy(true);
    try {
      const url = await address.link();
      const copied = await navigator.clipboard?.writeText(url).then(
        () => true,
        () => false,
      );
      setShown({ url, copied: copied === true });
    } catch (error) {
      setShown({ error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="copy-link">
      <button
        type="button"
        className="tool"
        disabled={disabled || busy}
        aria-expanded={shown !== undefined}
        aria-controls={id}
        onClick={() => void copy()}
        data-testid="copy-link"
      >
        {t('link.copy')}
      </button>
      {shown && (
        <span
          id={id}
          className="copy-link__panel"
          role="status"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setShown(undefined);
          }}
        >
          {'error' in shown ? (
            <span className="inline-error">{shown.error}</span>
          ) : (
            <>
              <label className="copy-link__label" htmlFor={`${id}-url`}>
                {shown.copied ? t('link.copied') : t('link.copyThis')}
              </label>
              <input
                ref={fieldRef}
                id={`${id}-url`}
                className="copy-link__url"
                readOnly
                value={shown.url}
                data-testid="copied-link"
                onFocus={(e) => e.target.select()}
              />
            </>
          )}
          <button type="button" className="banner__close" aria-label={t('banner.dismiss')} onClick={() => setShown(undefined)}>
            ×
          </button>
        </span>
      )}
    </span>
  );
}
