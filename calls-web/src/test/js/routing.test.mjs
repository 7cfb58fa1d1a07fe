// Unit tests of the client's routes: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callLinkChannel, channelHash, routeOfHash } from '../../main/webapp/js/routing.js';

const ID = 'abcdefghijklmnopqrstuvwxyz';

test('a call link is channels/<id> below the base path, with or without a trailing slash', () => {
  assert.equal(callLinkChannel('/calls/', `/calls/channels/${ID}`), ID);
  assert.equal(callLinkChannel('/calls/', `/calls/channels/${ID}/`), ID);
  assert.equal(callLinkChannel('/', `/channels/${ID}`), ID);
});

test('anything else is not a call link', () => {
  assert.equal(callLinkChannel('/calls/', '/calls/'), null);
  assert.equal(callLinkChannel('/calls/', `/other/channels/${ID}`), null);
  assert.equal(callLinkChannel('/calls/', '/calls/channels/short'), null);
  assert.equal(callLinkChannel('/calls/', `/calls/channels/${ID.toUpperCase()}`), null);
  assert.equal(callLinkChannel('/calls/', `/calls/channels/${ID}/more`), null);
});

test('a channel hash shows that channel when it is one of the user\'s, home otherwise', () => {
  const channels = [{ id: ID }];
  assert.deepEqual(routeOfHash(channelHash(ID), channels), { name: 'channel', channelId: ID });
  assert.deepEqual(routeOfHash(channelHash(ID), []), { name: 'home' });
  assert.deepEqual(routeOfHash('', channels), { name: 'home' });
  assert.deepEqual(routeOfHash(`#channel/${ID}x`, channels), { name: 'home' });
});

test('the browse, people and admin pages have hashes of their own', () => {
  assert.deepEqual(routeOfHash('#browse', []), { name: 'browse' });
  assert.deepEqual(routeOfHash('#people', []), { name: 'people' });
  assert.deepEqual(routeOfHash('#admin', []), { name: 'admin' });
  assert.deepEqual(routeOfHash('#browsex', []), { name: 'home' });
});
