/** The model's `Wording` in the reader's language, built from the translations. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Wording } from '../model/index.js';

/** Number formats per language; Arabic keeps Western digits, as the dates and sources use them. */
const LOCALES: Record<string, string> = { en: 'en-US', es: 'es-ES', ar: 'ar-u-nu-latn' };

export function wordingFor(t: TFunction, language: string): Wording {
  return {
    locale: LOCALES[language] ?? 'en-US',
    language,
    type: (type) => t(`types.${type}`),
    status: (status) => t(`filter.statuses.${status}`).toLocaleLowerCase(language),
    former: t('words.former'),
    present: t('words.present'),
    since: (date) => t('words.since', { date }),
    until: (date) => t('words.until', { date }),
    undated: t('words.undated'),
    amountUndisclosed: t('words.amountUndisclosed'),
    contracts: (count) => t('words.contracts', { count }),
    payments: (count) => t('words.payments', { count }),
    sharedCount: (count) => t('words.sharedCount', { count }),
    noCurrency: t('words.noCurrency'),
    undisclosedCount: (count) => t('words.undisclosedCount', { count }),
    undisclosed: t('words.undisclosed'),
  };
}

export function useWording(): Wording {
  const { t, i18n } = useTranslation();
  return useMemo(() => wordingFor(t, i18n.language), [t, i18n.language]);
}
