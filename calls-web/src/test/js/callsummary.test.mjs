// Unit tests of what a call's card says: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callSummary, formatDuration } from '../../main/webapp/js/callsummary.js';

const card = (props) => ({
  id: 'p', channel_id: 'ch', root_id: '', user_id: 'a', message: 'Call started', create_at: 1_000, type: 'custom_calls',
  props: { call_id: 'c', start_at: 1_000, end_at: 0, participants: ['a'], title: '', ended_reason: '', ...props },
});

test('durations read as a clock, with hours only when there are some', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(7_900), '0:07');
  assert.equal(formatDuration(12 * 60_000 + 3_000), '12:03');
  assert.equal(formatDuration(3_600_000 + 2 * 60_000 + 9_000), '1:02:09');
  assert.equal(formatDuration(-5_000), '0:00', 'a client clock behind the server reads zero, not a negative time');
});

test('a running call lists who is in it now and counts from its start', () => {
  const live = { id: 'c', sessions: { s1: { user_id: 'a' }, s2: { user_id: 'b' }, s3: { user_id: 'a' } } };

  const summary = callSummary(card({ participants: ['a', 'b', 'x'] }), live, 66_000);

  assert.equal(summary.running, true);
  assert.deepEqual(summary.participants, ['a', 'b'], 'once each, and not x, who left');
  assert.equal(summary.durationMs, 65_000);
});

test('without the live state of this call the card lists the post\'s participants', () => {
  const summary = callSummary(card({ participants: ['a', 'b'] }), { id: 'other', sessions: {} }, 2_000);

  assert.equal(summary.running, true);
  assert.deepEqual(summary.participants, ['a', 'b']);
});

test('an ended call shows the duration the server recorded and everyone who took part', () => {
  const live = { id: 'c2', sessions: { s9: { user_id: 'z' } } };

  const summary = callSummary(card({ end_at: 93_500, participants: ['a', 'b'], ended_reason: 'last_left' }), live, 999_999);

  assert.equal(summary.running, false);
  assert.equal(summary.durationMs, 92_500);
  assert.equal(formatDuration(summary.durationMs), '1:32');
  assert.deepEqual(summary.participants, ['a', 'b']);
});
