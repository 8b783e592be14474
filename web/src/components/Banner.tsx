/** A dismissible message over the canvas: errors are announced at once, notices politely. */
export function Banner({
  tone,
  message,
  onDismiss,
}: {
  readonly tone: 'error' | 'info';
  readonly message: string;
  readonly onDismiss: () => void;
}) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={`banner-${tone}`}>
      <span>{message}</span>
      <button type="button" className="banner__close" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
