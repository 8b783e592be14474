/** How serious a pattern is, in words first: the colour only repeats what the label says. */
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../schemas/index.js';
import './Finding.css';

export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  const { t } = useTranslation();
  return (
    <span className={`severity severity--${severity}`}>
      <span className="visually-hidden">{t('severity.label')}: </span>
      {t(`severity.${severity}`)}
    </span>
  );
}
