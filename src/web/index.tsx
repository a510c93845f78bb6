import { createRoot } from 'react-dom/client';
import { WorkerClient } from './client';
import { WebSession } from './session';
import { WebApp } from './WebApp';

/** The web page's one door: its worker, its session, and the service worker that keeps it offline. */
const session = new WebSession(new WorkerClient(() => new Worker('worker.js')));

createRoot(document.getElementById('root')!).render(<WebApp session={session} />);

// After the first visit the page and its worker come from the cache: it works with no network.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch(() => undefined); // a file:// page has none; it still works
  });
}
