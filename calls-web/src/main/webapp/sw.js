// The client's service worker, so the app can be installed and start without a connection. It keeps the
// client's shell in a versioned cache (shellcache.js says what that is), read from the network first so
// a new deployment is seen at once, and from the cache when the network fails. The API's answers are
// never stored: they pass through untouched. A page opened offline shows the "no connection" page.

import { OFFLINE_PAGE, PRECACHE, SHELL_CACHE, routeOf } from './js/shellcache.js';

const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE)
    .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

/** The network's answer, kept for later; the kept copy when the network fails. */
async function networkFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (e) {
    const kept = await cache.match(request);
    if (kept) {
      return kept;
    }
    throw e;
  }
}

/** A page of the app (the channel list, a call link): from the network, else the "no connection" page. */
async function page(request) {
  try {
    return await fetch(request);
  } catch (e) {
    // A redirect, so the page's relative style sheet resolves from the scope whatever the link was.
    return Response.redirect(new URL(OFFLINE_PAGE, scope).href, 302);
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') {
    return;
  }
  const route = routeOf(request.url, scope, request.mode === 'navigate');
  if (route === 'shell') {
    event.respondWith(networkFirst(request));
  } else if (route === 'page') {
    event.respondWith(page(request));
  }
});
