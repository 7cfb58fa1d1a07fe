// Unit tests of the people and channel pickers: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelNameOf, conversationOf, pickable } from '../../main/webapp/js/directory.js';

test('one other person is a direct message, two to seven a group message', () => {
  assert.deepEqual(conversationOf('me', ['a']), { kind: 'direct', userIds: ['me', 'a'] });
  assert.deepEqual(conversationOf('me', ['a', 'b', 'a', 'me']), { kind: 'group', userIds: ['me', 'a', 'b'] });
  assert.ok(conversationOf('me', []).error);
  assert.ok(conversationOf('me', ['me']).error);
  assert.ok(conversationOf('me', ['1', '2', '3', '4', '5', '6', '7', '8']).error);
  assert.equal(conversationOf('me', ['1', '2', '3', '4', '5', '6', '7']).kind, 'group');
});

test('a channel name is made of its display name within the server\'s rules', () => {
  assert.equal(channelNameOf('Design Review!', 'x1'), 'design-review-x1');
  assert.equal(channelNameOf('Café crème', 'x1'), 'cafe-creme-x1');
  assert.equal(channelNameOf('***', 'x1'), 'channel-x1');
  assert.match(channelNameOf('a'.repeat(80), 'abcdef'), /^[a-z0-9_-]{2,64}$/);
});

test('the picker offers active people other than oneself', () => {
  const users = [{ id: 'me' }, { id: 'a' }, { id: 'b', delete_at: 5 }];
  assert.deepEqual(pickable(users, 'me').map((u) => u.id), ['a']);
});
