// Unit tests of the call link's refusals and the sign-in's expiry: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REFUSALS, isRefusal, linkCheckExpired, linkRefusal, refusalRoute, signInRefusal } from '../../main/webapp/js/access.js';

test('a refusal says why in words, else the server\'s message, else a default', () => {
  assert.deepEqual(refusalRoute('not_member', 'ignored'), { name: 'refused', reason: REFUSALS.not_member, id: 'not_member' });
  assert.equal(refusalRoute('something_new', 'The server says no.').reason, 'The server says no.');
  assert.equal(refusalRoute(undefined).reason, 'You are not allowed to join it.');
});

test('only the contract\'s refusal ids are refusals', () => {
  assert.equal(isRefusal({ id: 'call_full' }), true);
  assert.equal(isRefusal({ id: 'disconnected' }), false);
  assert.equal(isRefusal({ id: 'toString' }), false);
  assert.equal(isRefusal({}), false);
});

test('a deactivated account is refused at a call link and told on the form elsewhere', () => {
  const inactive = { id: 'api.user.login.inactive' };
  assert.equal(signInRefusal(inactive, 'ch1'), 'api.user.login.inactive');
  assert.equal(signInRefusal(inactive, null), null);
  assert.equal(signInRefusal({ id: 'api.user.login.invalid' }, 'ch1'), null);
});

test('a 401 from the call link\'s checks means the sign-in expired, unless the account is deactivated', () => {
  assert.equal(linkCheckExpired({ status: 401, id: 'unauthorized' }), true);
  assert.equal(linkCheckExpired({ status: 401, id: 'user_inactive' }), false);
  assert.equal(linkCheckExpired({ status: 403, id: 'not_member' }), false);
});

test('a call link refuses when calls are off or the call is full', () => {
  const call = { sessions: [{}, {}] };
  assert.equal(linkRefusal({ enabled: false, call: null }, 0), 'calls_disabled');
  assert.equal(linkRefusal({ enabled: true, call }, 2), 'call_full');
  assert.equal(linkRefusal({ enabled: true, call }, 3), null);
  assert.equal(linkRefusal({ enabled: true, call }, 0), null);
  assert.equal(linkRefusal({ enabled: true, call: null }, 1), null);
});
