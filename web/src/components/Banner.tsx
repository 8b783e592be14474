/** A dismissible message over the canvas: errors are announced at once, notices politely. */
import { useTranslation } from 'react-i18next';

export function Banner({
  tone,
  message,
  onDismiss,
}: {
  readonly tone: 'error' | 'info';
  readonly message: string;
  readonly onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={`banner banner--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={`banner-${tone}`}
      data-canvas-overlay
    >
      <span>{message}</span>
      <button type="button" className="banner__close" onClick={onDismiss} aria-label={t('banner.dismiss')}>
        ×
      </button>
    </div>
  );
}
