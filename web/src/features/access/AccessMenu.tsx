/**
 * The sign-in in the top bar: a button naming who is signed in (or "Sign in"), opening a panel that
 * says what the role allows on this server and takes a token. Opens by itself when the server shows
 * nothing without a token, or when the stored token was refused.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowances } from './allowances.js';
import { useAccess, useAccessActions } from './useAccess.js';
import './access.css';

export function AccessMenu() {
  const { t } = useTranslation();
  const state = useAccess();
  const { signIn, signOut } = useAccessActions();
  // Null until the person opens or closes it: until then it is open exactly when they must sign in.
  const [chosenOpen, setOpen] = useState<boolean | null>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<'rejected' | 'unreachable' | null>(null);
  const [checking, setChecking] = useState(false);
  const panelId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  const access = state.status === 'ready' ? state.access : undefined;
  const mustSignIn = state.status === 'rejected' || (access !== undefined && !access.canRead);
  const open = chosenOpen ?? mustSignIn;
  const shownProblem = problem ?? (state.status === 'rejected' ? 'rejected' : null);
  useEffect(() => {
    if (open && !access?.role) inputRef.current?.focus();
  }, [open, access?.role]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (token.trim() === '') return;
    setChecking(true);
    setProblem(null);
    try {
      if ((await signIn(token)) === null) setProblem('rejected');
    } catch {
      setProblem('unreachable');
    } finally {
      setChecking(false);
    }
  };

  const label = access?.role ? `${access.name ?? ''} · ${t(`access.role.${access.role}`)}` : t('access.signIn');

  return (
    <div className="access-menu">
      <button
        type="button"
        className={`access-menu__button${access?.role ? ' access-menu__button--signed-in' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="access-button"
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="access-menu__icon">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" />
        </svg>
        {label}
      </button>
      {open && (
        <div id={panelId} className="access-panel" role="dialog" aria-label={t('access.menu')} data-testid="access-panel">
          <p className="access-panel__who">
            {access?.role ? t('access.signedInAs', { name: access.name ?? '' }) : t('access.notSignedIn')}
            {access?.role && <span className={`role-badge role-badge--${access.role}`}>{t(`access.role.${access.role}`)}</span>}
          </p>
          {access?.publicReadonly && <p className="access-panel__note">{t('access.readonly')}</p>}
          {access && !access.canRead && <p className="access-panel__note">{t('access.needsToken')}</p>}
          {access && (
            <>
              <h2 className="access-panel__heading">{t('access.allows')}</h2>
              <ul className="access-panel__allows" data-testid="access-allows">
                {allowances(access).map((line) => (
                  <li key={line.key} className={line.allowed ? 'is-allowed' : 'is-denied'}>
                    <span aria-hidden="true">{line.allowed ? '✓' : '✕'}</span> {t(`access.can.${line.key}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {access?.role ? (
            <button type="button" className="tool" onClick={signOut} data-testid="sign-out">
              {t('access.signOut')}
            </button>
          ) : (
            <form className="access-panel__form" onSubmit={(e) => void submit(e)}>
              <label htmlFor={`${panelId}-token`}>{t('access.tokenLabel')}</label>
              <input
                ref={inputRef}
                id={`${panelId}-token`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                onChange={(e) => setToken(e.target.value)}
                aria-describedby={`${panelId}-hint`}
                data-testid="token-input"
              />
              <p id={`${panelId}-hint`} className="access-panel__hint">
                {t('access.tokenHint')}
              </p>
              {shownProblem && (
                <p className="access-panel__problem" role="alert">
                  {t(`access.${shownProblem}`)}
                </p>
              )}
              <button type="submit" className="tool tool--primary" disabled={checking} data-testid="sign-in">
                {checking ? t('access.checking') : t('access.submit')}
              </button>
            </form>
          )}
          <button type="button" className="access-panel__close" onClick={() => setOpen(false)} aria-label={t('access.close')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
