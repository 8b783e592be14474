/**
 * UI languages. Resources are bundled (three small objects) rather than fetched, so the first paint
 * is already in the reader's language. The chosen language is kept in localStorage and mirrored onto
 * <html lang dir> so the browser, screen readers and CSS logical properties follow it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../shared/i18n/en.js';
import { es } from '../../../shared/i18n/es.js';
import { ar } from '../../../shared/i18n/ar.js';
import { editing } from './editing.js';
import { snapshots } from './snapshots.js';
import { imports } from './imports.js';
import * as access from './access.js';
import { views } from './views.js';
import { firstSupported } from '../../../schemas/language.js';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'ar', name: 'العربية' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'interlock.lang';

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The page's language as the API knows it (i18next may report a fallback such as "cimode"). */
export function readerLanguage(value: string | undefined): Language {
  return isLanguage(value) ? value : 'en';
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The link's language, else the reader's last choice in the menu, else the first of the browser's
 * languages we speak (a first visit from an Arabic or Spanish browser opens in it), else English.
 */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = storedLanguage();
  if (isLanguage(stored)) return stored;
  return firstSupported(navigator.languages.length ? navigator.languages : [navigator.language]) ?? 'en';
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** localStorage, where the browser allows it (a page framed by another site may not have it). */
function storedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept for the next visit; this one still switches.
  }
  void i18next.changeLanguage(language);
}

const start = initialLanguage();
void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...editing.en, ...snapshots.en, ...access.en, ...views.en, ...imports.en } },
    es: { translation: { ...es, ...editing.es, ...snapshots.es, ...access.es, ...views.es, ...imports.es } },
    ar: { translation: { ...ar, ...editing.ar, ...snapshots.ar, ...access.ar, ...views.ar, ...imports.ar } },
  },
  lng: start,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
applyToDocument(start);
i18next.on('languageChanged', (language) => {
  if (isLanguage(language)) applyToDocument(language);
});

export { i18next };
