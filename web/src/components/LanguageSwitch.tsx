/** The language menu in the top bar; the choice is also written into the link so it travels with it. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, setLanguage } from '../i18n/index.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.language}
        data-testid="language"
        onChange={(e) => {
          const code = e.target.value;
          if (!isLanguage(code)) return;
          setLanguage(code);
          const url = new URL(window.location.href);
          if (code === 'en') url.searchParams.delete('lang');
          else url.searchParams.set('lang', code);
          window.history.replaceState(window.history.state, '', url);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
