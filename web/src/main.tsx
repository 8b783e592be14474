import './csp.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';
import { adoptTokenFromAddress } from './api/auth-token.js';
import { shareIdFromPath } from './api/snapshots.js';
import { ShareView } from './features/snapshots/ShareView.js';
import { createPage } from './state/page.js';
import { confirmTokenReplacement } from './state/effects/access.js';
import { storedStory } from './state/effects/story.js';
import { StoreProvider } from './state/store.js';
import './styles/base.css';
import './i18n/index.js';

// Before anything renders or rewrites the address: take a sign-in token out of it.
adoptTokenFromAddress(confirmTokenReplacement);
// A sign-in address opened in a tab already showing the page changes only the fragment.
window.addEventListener('hashchange', () => {
  if (adoptTokenFromAddress(confirmTokenReplacement)) window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

// `/s/<id>` is a snapshot's share link: the read-only viewer instead of the explorer.
const shareId = shareIdFromPath(window.location.pathname);
if (shareId) {
  const embedded = new URLSearchParams(window.location.search).get('embed') === '1';
  createRoot(root).render(
    <StrictMode>
      <ShareView id={shareId} embedded={embedded} />
    </StrictMode>,
  );
} else {
  const page = createPage({ story: storedStory() });
  void page.effects.access.load();
  page.effects.story.start();
  page.effects.address.start();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={page.queries}>
        <StoreProvider value={page}>
          <App />
        </StoreProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
