// Unit tests of the peer connection's configuration from the server's calls config: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { peerConnectionConfig } from '../../main/webapp/js/rtcconfig.js';

const turn = { urls: ['turn:turn.example.com:3478?transport=udp'], username: '1700086400:u1', credential: 'HgfKw+xt' };

test('the ICE servers are the server\'s, generated TURN credentials included', () => {
  const config = peerConnectionConfig({ ice_servers: [{ urls: ['stun:stun.example.com'] }, turn], ice_transport_policy: 'all' });
  assert.deepEqual(config.iceServers, [{ urls: ['stun:stun.example.com'] }, turn]);
  assert.equal(config.iceTransportPolicy, 'all');
  assert.equal(config.bundlePolicy, 'max-bundle');
  assert.equal(config.rtcpMuxPolicy, 'require');
});

test('relay-only when the server says so', () => {
  assert.equal(peerConnectionConfig({ ice_servers: [turn], ice_transport_policy: 'relay' }).iceTransportPolicy, 'relay');
});

test('a server that sends no policy or servers (an older one) gets every path and no servers', () => {
  assert.deepEqual(peerConnectionConfig({}), {
    iceServers: [], iceTransportPolicy: 'all', bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require',
  });
  assert.equal(peerConnectionConfig({ ice_transport_policy: 'bogus' }).iceTransportPolicy, 'all');
});
