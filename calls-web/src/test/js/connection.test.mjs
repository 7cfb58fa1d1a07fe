// Unit tests of what the page says about its call's connection: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionLabel, qualityWarning } from '../../main/webapp/js/connection.js';

const call = (status, rejoining = false) => ({ status, rejoining });

test('a connected call is shown connected only while its signaling socket is open', () => {
  assert.deepEqual(connectionLabel('open', call('connected')), { text: 'Connected', state: 'connected' });
  assert.deepEqual(connectionLabel('reconnecting', call('connected')), { text: 'Reconnecting…', state: 'reconnecting' });
  assert.deepEqual(connectionLabel('closed', call('connected')), { text: 'Reconnecting…', state: 'reconnecting' });
});

test('a media path that is reconnecting says so whatever the socket does', () => {
  assert.equal(connectionLabel('open', call('reconnecting')).text, 'Reconnecting…');
  assert.equal(connectionLabel('reconnecting', call('reconnecting')).text, 'Reconnecting…');
});

test('a join says joining, or rejoining when it replaces a session that could not be resumed', () => {
  assert.deepEqual(connectionLabel('open', call('joining')), { text: 'Joining…', state: 'joining' });
  assert.deepEqual(connectionLabel('reconnecting', call('idle', true)), { text: 'Rejoining…', state: 'joining' });
  assert.equal(connectionLabel('open', call('joining', true)).text, 'Rejoining…');
});

test('a call that is over says how', () => {
  assert.deepEqual(connectionLabel('open', call('failed')), { text: 'Disconnected', state: 'failed' });
  assert.equal(connectionLabel('reconnecting', call('ended')).text, 'Left');
});

const TCP = { kind: 'tcp' };
const RELAY = { kind: 'relay', relayProtocol: 'TLS' };

test('ICE-TCP is named while connecting and once connected', () => {
  assert.deepEqual(connectionLabel('open', call('joining'), TCP), { text: 'Connecting over TCP', state: 'joining' });
  assert.deepEqual(connectionLabel('open', call('connected'), TCP), { text: 'Connected over TCP', state: 'connected' });
});

test('a relayed path is named with the protocol spoken to the TURN server', () => {
  assert.equal(connectionLabel('open', call('joining', true), RELAY).text, 'Connecting through a relay (TURN over TLS)');
  assert.deepEqual(connectionLabel('open', call('connected'), RELAY), { text: 'Relayed (TURN over TLS)', state: 'connected' });
});

test('direct UDP adds nothing, and reconnecting or over says so whatever the path', () => {
  assert.equal(connectionLabel('open', call('connected'), null).text, 'Connected');
  assert.equal(connectionLabel('closed', call('connected'), TCP).text, 'Reconnecting…');
  assert.equal(connectionLabel('open', call('reconnecting'), RELAY).text, 'Reconnecting…');
  assert.equal(connectionLabel('open', call('failed'), TCP).text, 'Disconnected');
});

test('the quality warning says in words what is wrong, only while connected', () => {
  assert.match(qualityWarning('connected', 'loss'), /^Poor connection: .*lost/);
  assert.match(qualityWarning('connected', 'delay'), /^Poor connection: .*late/);
  assert.equal(qualityWarning('connected', null), '');
  assert.equal(qualityWarning('reconnecting', 'loss'), '');
});
