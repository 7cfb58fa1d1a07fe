// Unit tests of what the page says about a call that ended for everyone: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endedBySentence, endingOfEvent, overForEveryone } from '../../main/webapp/js/callend.js';

const names = (id) => ({ u1: 'Amy Lee' }[id] || 'Someone');

test('a host end names who ended it, as the event says', () => {
  const ending = endingOfEvent({ call_id: 'c', reason: 'host_ended', ended_by: 'u1' });
  assert.equal(endedBySentence(ending, 'me', names), 'Amy Lee ended it for everyone.');
  assert.equal(endedBySentence(ending, 'u1', names), 'You ended it for everyone.');
});

test('other endings name nobody', () => {
  assert.equal(endedBySentence(endingOfEvent({ call_id: 'c', reason: 'last_left', ended_by: '' }), 'me', names), '');
  assert.equal(endedBySentence(endingOfEvent({ call_id: 'c', reason: 'host_ended' }), 'me', names), '');
  assert.equal(endedBySentence(endingOfEvent({ call_id: 'c', reason: 'channel_archived' }), 'me', names), 'The channel was archived.');
  assert.equal(endedBySentence(null, 'me', names), '');
});

test('only a call that ended for everyone has nothing to join again', () => {
  assert.equal(overForEveryone({ error: { id: 'call_ended' } }), true);
  assert.equal(overForEveryone({ error: { id: 'removed' } }), false);
  assert.equal(overForEveryone(null), false);
});
