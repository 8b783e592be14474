/**
 * A finding's caveats, in plain words. The list shows short chips with the meaning as a tooltip; the
 * side panel has room to spell each one out, since that is where a reporter decides what to check.
 */
import { useTranslation } from 'react-i18next';
import type { FindingQualifier } from '../../../../schemas/index.js';
import './Finding.css';

export function QualifierChips({ qualifiers }: { readonly qualifiers: readonly FindingQualifier[] }) {
  const { t } = useTranslation();
  if (qualifiers.length === 0) return null;
  return (
    <span className="chips">
      {qualifiers.map((q) => (
        <span key={q} className={`chip chip--${q}`} title={t(`qualifiers.${q}.explanation`)} data-testid="qualifier">
          {t(`qualifiers.${q}.label`)}
        </span>
      ))}
    </span>
  );
}

export function QualifierList({ qualifiers }: { readonly qualifiers: readonly FindingQualifier[] }) {
  const { t } = useTranslation();
  if (qualifiers.length === 0) return <p className="muted">{t('qualifiers.none')}</p>;
  return (
    <ul className="qualifiers">
      {qualifiers.map((q) => (
        <li key={q} className="qualifiers__item">
          <span className={`chip chip--${q}`}>{t(`qualifiers.${q}.label`)}</span>
          <span className="qualifiers__text">{t(`qualifiers.${q}.explanation`)}</span>
        </li>
      ))}
    </ul>
  );
}
