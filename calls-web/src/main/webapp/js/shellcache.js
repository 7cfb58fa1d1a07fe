// What the service worker keeps: the client's shell (its page, style sheet, modules, icons, manifest and
// the "no connection" page), never the API's answers. WebSocket and media never pass through a service
// worker's fetch event. Pure, so it is unit-tested without a browser.

/** The cache's name; a new version is a new cache, and the worker deletes the others when it takes over. */
export const SHELL_CACHE = 'calls-shell-v1';

/** The page shown when the app starts without a connection, relative to the worker's scope. */
export const OFFLINE_PAGE = 'offline.html';

/** Fetched into the cache when the worker installs, relative to its scope: enough to start offline. */
export const PRECACHE = ['./', OFFLINE_PAGE, 'css/app.css', 'js/main.js', 'manifest.webmanifest',
  'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png'];

const SHELL_FOLDERS = ['css/', 'js/', 'icons/'];
const SHELL_FILES = ['', OFFLINE_PAGE, 'manifest.webmanifest'];

/**
 * How the worker answers a GET of `url` (absolute) in the app at `scope`: 'shell' (network first, kept in
 * the cache), 'page' (a page of the app opened in the browser: the network, else the "no connection"
 * page) or null (not the worker's business: the API, other origins).
 */
export function routeOf(url, scope, navigate) {
  const target = new URL(url);
  const base = new URL(scope);
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
    return null;
  }
  const path = target.pathname.slice(base.pathname.length);
  if (path.startsWith('api/')) {
    return null;
  }
  if (navigate && path !== OFFLINE_PAGE) {
    return 'page';
  }
  const shell = !target.search && (SHELL_FILES.includes(path) || SHELL_FOLDERS.some((folder) => path.startsWith(folder)));
  return shell ? 'shell' : null;
}
