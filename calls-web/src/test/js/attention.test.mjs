// Unit tests of the tab title and of which events deserve a browser notification: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayAskPermission, notificationFor, titleOf } from '../../main/webapp/js/attention.js';

test('the title shows an active call and the missed calls', () => {
  assert.equal(titleOf({ inCall: false, missed: 0 }), 'Calls');
  assert.equal(titleOf({ inCall: true, missed: 0 }), '● In call — Calls');
  assert.equal(titleOf({ inCall: false, missed: 1 }), '(1) Calls');
  assert.equal(titleOf({ inCall: true, missed: 2 }), '(2) ● In call — Calls');
});

const context = {
  me: 'me', hidden: true, permission: 'granted', callThreadId: 't1',
  userName: (id) => ({ bo: 'Bo', al: 'Al' }[id]), channelTitle: (id) => `#${id}`,
};
const ringing = { call_id: 'call1', channel_id: 'dm1', caller_id: 'bo' };
const reply = (fields) => ({ post: { id: 'p1', channel_id: 'ch1', root_id: 't1', user_id: 'al', message: 'hi', ...fields } });

test('an incoming call in a hidden tab is a notification that opens its channel', () => {
  assert.deepEqual(notificationFor('calls_ringing', ringing, context),
    { title: 'Bo is calling', body: '#dm1', tag: 'ring-call1', channelId: 'dm1' });
});

test("a reply in our call's thread in a hidden tab is a notification; other posts and our own are not", () => {
  assert.deepEqual(notificationFor('posted', reply({}), context),
    { title: 'Al in the call', body: 'hi', tag: 'chat-t1', channelId: 'ch1' });
  assert.equal(notificationFor('posted', reply({ root_id: '' }), context), null);
  assert.equal(notificationFor('posted', reply({ root_id: 't2' }), context), null);
  assert.equal(notificationFor('posted', reply({ user_id: 'me' }), context), null);
  assert.equal(notificationFor('posted', reply({}), { ...context, callThreadId: null }), null);
});

test('nothing without permission, with the tab in view, for our own call, or for other events', () => {
  for (const permission of ['default', 'denied', 'unsupported']) {
    assert.equal(notificationFor('calls_ringing', ringing, { ...context, permission }), null);
  }
  assert.equal(notificationFor('calls_ringing', ringing, { ...context, hidden: false }), null);
  assert.equal(notificationFor('posted', reply({}), { ...context, hidden: false }), null);
  assert.equal(notificationFor('calls_ringing', { ...ringing, caller_id: 'me' }, context), null);
  assert.equal(notificationFor('user_joined', { call_id: 'call1', user_id: 'bo' }, context), null);
});

test('permission is offered only while the person has not decided, and only where the browser has notifications', () => {
  assert.equal(mayAskPermission({ permission: 'default' }), true);
  assert.equal(mayAskPermission({ permission: 'granted' }), false);
  assert.equal(mayAskPermission({ permission: 'denied' }), false);
  assert.equal(mayAskPermission(null), false);
});
