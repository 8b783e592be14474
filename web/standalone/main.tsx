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
import '../src/styles/base.css';

const Embedded = z.object({ snapshot: Snapshot, exportedAt: z.string() });

const element = document.getElementById('interlock-snapshot');
const root = document.getElementById('root');
if (!element || !root) throw new Error('The page holds no snapshot.');
const data = Embedded.parse(JSON.parse(element.textContent ?? '{}'));

// The reader's language when we speak it; the map's own texts stay as they were written.
const preferred = (navigator.language || 'en').slice(0, 2);
const language = preferred === 'es' || preferred === 'ar' ? preferred : 'en';
document.documentElement.lang = language;
document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: snapshots.en },
    es: { translation: snapshots.es },
    ar: { translation: snapshots.ar },
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
