/**
 * A question asked where the action is, instead of the browser's `confirm()`: it says what will happen
 * and offers the action and a way out, both by keyboard (focus moves to it; Escape is the way out).
 */
import { useEffect, useId, useRef } from 'react';

interface ConfirmInPlaceProps {
  readonly question: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly busy?: boolean;
  readonly danger?: boolean;
  readonly testId?: string;
}

export function ConfirmInPlace({ question, confirm, cancel, onConfirm, onCancel, busy, danger, testId }: ConfirmInPlaceProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="confirm-in-place"
      role="alertdialog"
      aria-describedby={id}
      tabIndex={-1}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={id} dir="auto">
        {question}
      </p>
      <div className="confirm-in-place__buttons">
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirm}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </div>
  );
}
