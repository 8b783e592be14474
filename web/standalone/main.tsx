/**
 * Entry of the standalone viewer: the bundle the HTML export inlines. It reads the snapshot embedded
 * in the page (`<script type="application/json" id="interlock-snapshot">`), checks it against the
 * shared schema and shows it with the same viewer as the share view. No network, no server.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { Snapshot } from '../../schemas/index.js';
import { SnapshotViewer } from '../src/features/snapshots/SnapshotViewer.js';
import { snapshots } from '../src/i18n/snapshots.js';
import { en } from '../../shared/i18n/en.js';
import { es } from '../../shared/i18n/es.js';
import { ar } from '../../shared/i18n/ar.js';
import { firstSupported } from '../../schemas/language.js';
import '../src/styles/base.css';

const Embedded = z.object({ snapshot: Snapshot, exportedAt: z.string() });

const element = document.getElementById('interlock-snapshot');
const root = document.getElementById('root');
if (!element || !root) throw new Error('The page holds no snapshot.');
const data = Embedded.parse(JSON.parse(element.textContent ?? '{}'));

// The reader's language when we speak it (the first of the browser's languages that is one of ours), for
// our words, the kinds and connection types on the map and names where the data has them in that script;
// the map's own texts stay as they were written.
const language = firstSupported(navigator.languages.length ? navigator.languages : [navigator.language]) ?? 'en';
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, ...snapshots.en } },
    es: { translation: { ...es, ...snapshots.es } },
    ar: { translation: { ...ar, ...snapshots.ar } },
  },
  lng: language,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

createRoot(root).render(
  <StrictMode>
    <SnapshotViewer snapshot={data.snapshot} exportedAt={data.exportedAt} />
  </StrictMode>,
);
