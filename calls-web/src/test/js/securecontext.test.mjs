// Unit tests of the secure-context check and the HTTPS address: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canCall, httpsAddress } from '../../main/webapp/js/securecontext.js';

test('calls need a secure context with media devices', () => {
  const media = { mediaDevices: { getUserMedia() {} } };
  assert.equal(canCall({ isSecureContext: true, navigator: media }), true);
  assert.equal(canCall({ isSecureContext: false, navigator: {} }), false);
  assert.equal(canCall({ isSecureContext: true, navigator: {} }), false);
});

test('the same page on the HTTPS listener: 8080 goes to 8443, other ports to HTTPS\'s default', () => {
  assert.equal(httpsAddress('http://192.0.2.2:8080/calls/channels/abc#x'), 'https://192.0.2.2:8443/calls/channels/abc#x');
  assert.equal(httpsAddress('http://calls.example.org/calls/'), 'https://calls.example.org/calls/');
  assert.equal(httpsAddress('http://calls.example.org:9000/calls/'), 'https://calls.example.org/calls/');
  assert.equal(httpsAddress('https://calls.example.org/calls/'), null);
});
