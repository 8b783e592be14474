import './csp.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ShareView } from './features/snapshots/ShareView.js';
import { shareIdFromPath } from './api/snapshots.js';
import './styles/base.css';
import './i18n/index.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
// `/s/<id>` is a snapshot's share link: the read-only viewer instead of the explorer.
const shareId = shareIdFromPath(window.location.pathname);
createRoot(root).render(<StrictMode>{shareId ? <ShareView id={shareId} /> : <App />}</StrictMode>);
