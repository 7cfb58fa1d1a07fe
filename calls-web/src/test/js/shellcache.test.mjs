// Unit tests of what the service worker keeps: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFLINE_PAGE, PRECACHE, SHELL_CACHE, routeOf } from '../../main/webapp/js/shellcache.js';

const scope = 'https://calls.example:8443/calls/';

test('the shell is the style sheet, the modules, the icons, the manifest and the offline page', () => {
  for (const path of ['css/app.css', 'js/main.js', 'js/views/posts/callpost.js', 'icons/icon-192.png', 'manifest.webmanifest', OFFLINE_PAGE]) {
    assert.equal(routeOf(scope + path, scope, false), 'shell', path);
  }
});

test('API answers are never the worker\'s, nor other origins or other applications', () => {
  assert.equal(routeOf(`${scope}api/v1/channels/x/posts?per_page=30`, scope, false), null);
  assert.equal(routeOf(`${scope}api/v1/users/me`, scope, true), null);
  assert.equal(routeOf('https://elsewhere.example/calls/js/main.js', scope, false), null);
  assert.equal(routeOf('https://calls.example:8443/other/js/main.js', scope, false), null);
  assert.equal(routeOf(`${scope}js/main.js?x=1`, scope, false), null, 'a query is not a file of the shell');
});

test('opening the app or a call link is a page; opening the offline page reads it from the cache', () => {
  assert.equal(routeOf(scope, scope, true), 'page');
  assert.equal(routeOf(`${scope}channels/abcdefghijklmnopqrstuvwxyz`, scope, true), 'page');
  assert.equal(routeOf(scope + OFFLINE_PAGE, scope, true), 'shell');
});

test('everything precached is shell, under a versioned cache', () => {
  assert.match(SHELL_CACHE, /^calls-shell-v\d+$/);
  for (const path of PRECACHE) {
    assert.equal(routeOf(new URL(path, scope).href, scope, false), 'shell', path);
  }
});
