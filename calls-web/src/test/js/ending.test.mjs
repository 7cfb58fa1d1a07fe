// Unit tests of how our call ends and what the page says then: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CALL_ENDED, CLOSED, REMOVED, RECONNECT_WINDOW_MS, endingOf, explained, isMediaFailure, isOver, outcomeOf, reconnectPlan,
} from '../../main/webapp/js/ending.js';

const call = { channel: { id: 'ch1' }, callId: 'call1', sessionId: 's1', status: 'connected', error: null };

test('our host_removed and user_left end our call; other sessions\' do not', () => {
  assert.deepEqual(endingOf(call, 'host_removed', { session_id: 's1' }), { status: 'ended', error: REMOVED });
  assert.equal(endingOf(call, 'host_removed', { session_id: 's2' }), null);
  assert.deepEqual(endingOf(call, 'user_left', { session_id: 's1' }), { status: 'ended', error: CLOSED });
  assert.equal(endingOf(call, 'user_left', { session_id: 's2' }), null);
  assert.equal(endingOf({ ...call, status: 'ended' }, 'user_left', { session_id: 's1' }), null);
});

test('our call\'s call_end ends it; another call\'s does not', () => {
  assert.deepEqual(endingOf(call, 'call_end', { call_id: 'call1' }), { status: 'ended', error: CALL_ENDED });
  assert.equal(endingOf(call, 'call_end', { call_id: 'call2' }), null);
});

test('a media error fails our call with the server\'s reason', () => {
  assert.deepEqual(endingOf(call, 'error', { id: 'rtc_timeout', message: 'no UDP' }),
    { status: 'failed', error: { id: 'rtc_timeout', message: 'no UDP' } });
  assert.equal(endingOf(call, 'user_muted', { session_id: 's1' }), null);
});

test('a call is over once left, ended or failed', () => {
  assert.equal(isOver(call), false);
  assert.equal(isOver({ status: 'joining' }), false);
  assert.equal(isOver({ status: 'ended' }), true);
  assert.equal(isOver({ status: 'failed' }), true);
});

test('media failures are the UDP path\'s', () => {
  assert.equal(isMediaFailure({ id: 'rtc_timeout' }), true);
  assert.equal(isMediaFailure({ id: 'rtc_consent_lost' }), true);
  assert.equal(isMediaFailure({ id: 'removed' }), false);
  assert.equal(isMediaFailure(null), false);
});

test('the call_end that follows our user_left says why we are out', () => {
  let outcome = outcomeOf({ ...call, status: 'ended', error: CLOSED });
  assert.deepEqual(outcome, { channelId: 'ch1', callId: 'call1', sessionId: 's1', error: CLOSED, status: 'ended' });
  outcome = explained(outcome, 'user_left', { call_id: 'call1', session_id: 's2' });
  assert.equal(outcome.error, CLOSED);
  outcome = explained(outcome, 'call_end', { call_id: 'call1' });
  assert.equal(outcome.error, CALL_ENDED);
  assert.equal(outcome.status, 'ended');
});

test('a call that went on after our user_left keeps the outcome when it ends later', () => {
  let outcome = outcomeOf({ ...call, status: 'ended', error: CLOSED });
  outcome = explained(outcome, 'user_joined', { call_id: 'call1', session_id: 's3' });
  outcome = explained(outcome, 'call_end', { call_id: 'call1' });
  assert.equal(outcome.error, CLOSED);
});

test('only a closed outcome of the same call is explained', () => {
  const removed = outcomeOf({ ...call, status: 'ended', error: REMOVED });
  assert.equal(explained(removed, 'call_end', { call_id: 'call1' }), removed);
  const closed = outcomeOf({ ...call, status: 'ended', error: CLOSED });
  assert.equal(explained(closed, 'call_end', { call_id: 'call2' }), closed);
  assert.equal(explained(closed, 'error', { id: 'rtc_failed' }), closed);
  assert.equal(explained(null, 'call_end', { call_id: 'call1' }), null);
});

test('a new WebSocket resumes a going call within the reconnect window, loses it after', () => {
  assert.equal(reconnectPlan(call, 1000, 1000 + RECONNECT_WINDOW_MS), 'resume');
  assert.equal(reconnectPlan(call, 1000, 1001 + RECONNECT_WINDOW_MS), 'lost');
  assert.equal(reconnectPlan({ ...call, status: 'joining' }, 0, 1), 'resume');
  assert.equal(reconnectPlan({ ...call, status: 'reconnecting' }, 0, 1), 'resume');
  assert.equal(reconnectPlan({ ...call, status: 'ended' }, 0, 1), 'none');
  assert.equal(reconnectPlan(null, 0, 1), 'none');
});
