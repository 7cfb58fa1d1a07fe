// Unit tests of how our call ends and what the page says then: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CALL_ENDED, CLOSED, REMOVED, RECONNECT_WINDOW_MS, SERVER_GONE, SERVER_RESTARTING, afterLostSession, awaitsServer, endingOf, explained,
  isOver, isRelayUnusable, isUdpUnreachable, mediaError, mediaFailure, outcomeOf, reconnectPlan, resumeRetries,
} from '../../main/webapp/js/ending.js';

const call = { channel: { id: 'ch1' }, callId: 'call1', sessionId: 's1', status: 'connected', error: null, muted: true };

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

test('a media error fails our call with the page\'s words for it, an unknown one with the server\'s', () => {
  assert.deepEqual(endingOf(call, 'error', { id: 'rtc_timeout', message: 'no UDP' }),
    { status: 'failed', error: mediaError('rtc_timeout') });
  assert.deepEqual(endingOf(call, 'error', { id: 'rtc_consent_lost', message: 'session abc: no consent' }),
    { status: 'failed', error: mediaError('rtc_consent_lost') });
  assert.deepEqual(endingOf(call, 'error', { id: 'something_new', message: 'Said by the server.' }),
    { status: 'failed', error: { id: 'something_new', message: 'Said by the server.' } });
  assert.equal(endingOf(call, 'user_muted', { session_id: 's1' }), null);
});

test('each media failure has its own message, none of them the UDP checklist\'s', () => {
  const messages = ['rtc_timeout', 'rtc_failed', 'rtc_consent_lost'].map((id) => mediaError(id).message);
  assert.equal(new Set([...messages, SERVER_GONE.message]).size, 4);
  for (const message of [...messages.slice(1), SERVER_GONE.message]) {
    assert.doesNotMatch(message, /UDP|firewall|port/);
  }
  assert.match(mediaError('rtc_consent_lost').message, /30 seconds/);
  assert.match(SERVER_GONE.message, /server went away/);
});

test('a media path that fails with the signaling socket down means the server went away', () => {
  assert.equal(mediaFailure(true).id, 'rtc_failed');
  assert.equal(mediaFailure(false), SERVER_GONE);
  assert.equal(mediaFailure(false, true), SERVER_RESTARTING, 'the server closed the socket as going away');
  assert.equal(awaitsServer(outcomeOf({ ...call, status: 'failed', error: mediaFailure(false, true) })), true);
  assert.equal(afterLostSession(null, outcomeOf({ ...call, status: 'failed', error: mediaFailure(false, true) })), 'rejoin');
});

test('a call is over once left, ended or failed', () => {
  assert.equal(isOver(call), false);
  assert.equal(isOver({ status: 'joining' }), false);
  assert.equal(isOver({ status: 'ended' }), true);
  assert.equal(isOver({ status: 'failed' }), true);
});

test('only rtc_timeout gets the card about UDP not reaching the media server', () => {
  assert.equal(isUdpUnreachable({ id: 'rtc_timeout' }), true);
  assert.equal(isUdpUnreachable({ id: 'rtc_failed' }), false);
  assert.equal(isUdpUnreachable({ id: 'rtc_consent_lost' }), false);
  assert.equal(isUdpUnreachable(SERVER_GONE), false);
  assert.equal(isUdpUnreachable({ id: 'removed' }), false);
  assert.equal(isUdpUnreachable(null), false);
});

test('the call_end that follows our user_left says why we are out', () => {
  let outcome = outcomeOf({ ...call, status: 'ended', error: CLOSED });
  assert.deepEqual(outcome, { channelId: 'ch1', callId: 'call1', sessionId: 's1', error: CLOSED, status: 'ended', muted: true });
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

test('a resume that failed on the new socket is tried again on the next; one the server refused is not', () => {
  assert.equal(resumeRetries({ id: 'disconnected' }), true);
  assert.equal(resumeRetries({ id: 'timeout' }), true);
  assert.equal(resumeRetries({ id: 'session_not_found' }), false);
  assert.equal(resumeRetries({ id: 'already_in_call' }), false);
});

test('a lost session rejoins the channel\'s call while it runs and is told the call ended otherwise', () => {
  assert.equal(afterLostSession({ id: 'call1', sessions: [] }), 'rejoin');
  assert.equal(afterLostSession(null), 'gone');
});

test('only a call stopped by the server going away waits for it, to rejoin', () => {
  assert.equal(awaitsServer(outcomeOf({ ...call, status: 'failed', error: SERVER_GONE })), true);
  assert.equal(awaitsServer(outcomeOf({ ...call, status: 'failed', error: mediaError('rtc_failed') })), false);
  assert.equal(awaitsServer({ ...outcomeOf({ ...call, status: 'ended', error: CALL_ENDED }) }), false);
  assert.equal(awaitsServer(null), false);
});

test('with relay-only on, a media failure says the relay (TURN) server could not be used, not the UDP card', () => {
  for (const id of ['rtc_timeout', 'rtc_failed', 'rtc_consent_lost']) {
    const outcome = outcomeOf({ ...call, status: 'failed', error: mediaError(id) }, true);
    assert.equal(outcome.error.id, id, 'the reason stays the server\'s');
    assert.match(outcome.error.message, /relay \(TURN\) server/);
    assert.equal(isRelayUnusable(outcome.error), true);
    assert.equal(isUdpUnreachable(outcome.error), false);
  }
});

test('relay-only changes nothing for an end that is not a media failure, nor does a call that may go direct', () => {
  assert.equal(outcomeOf({ ...call, status: 'ended', error: REMOVED }, true).error, REMOVED);
  assert.equal(outcomeOf({ ...call, status: 'failed', error: SERVER_GONE }, true).error, SERVER_GONE);
  assert.equal(outcomeOf({ ...call, status: 'ended', error: null }, true).error, null);
  const direct = outcomeOf({ ...call, status: 'failed', error: mediaError('rtc_timeout') });
  assert.equal(isUdpUnreachable(direct.error), true);
  assert.equal(isRelayUnusable(direct.error), false);
  assert.equal(isRelayUnusable(null), false);
});

test('a call_end for the server\'s shutdown says it restarts and rejoins, whether or not our user_left came first', () => {
  const shutdown = { call_id: 'call1', reason: 'server_shutdown' };
  assert.deepEqual(endingOf(call, 'call_end', shutdown), { status: 'ended', error: SERVER_RESTARTING });
  assert.equal(SERVER_RESTARTING.message, 'Server restarting — rejoining…');
  const closed = outcomeOf({ ...call, status: 'ended', error: CLOSED });
  assert.equal(explained(closed, 'call_end', shutdown).error, SERVER_RESTARTING);
  assert.equal(explained(closed, 'call_end', { call_id: 'call1', reason: 'host_ended' }).error, CALL_ENDED);
  assert.equal(isUdpUnreachable(SERVER_RESTARTING), false);
});

test('a call the server\'s shutdown ended waits for the server and is joined again even though it no longer runs', () => {
  const restarting = outcomeOf({ ...call, status: 'ended', error: SERVER_RESTARTING });
  assert.equal(awaitsServer(restarting), true);
  assert.equal(afterLostSession(null, restarting), 'rejoin');
  assert.equal(afterLostSession(null, outcomeOf({ ...call, status: 'ended', error: CALL_ENDED })), 'gone');
  assert.equal(afterLostSession(null, outcomeOf({ ...call, status: 'failed', error: SERVER_GONE })), 'gone');
  assert.equal(restarting.muted, true, 'the rejoin keeps the mute state the user had');
});

test('a call lost because the server restarted (crashed or was killed) is joined again; one that ended meanwhile is not', () => {
  const gone = outcomeOf({ ...call, status: 'failed', error: SERVER_GONE });
  assert.equal(afterLostSession(null, gone), 'gone', 'the same server: the call ended while we were away');
  assert.equal(afterLostSession(null, gone, true), 'rejoin', 'a new run of the server lost every call it had');
  assert.equal(afterLostSession(null, null, true), 'rejoin', 'a resume the restarted server could not take');
  assert.equal(gone.muted, true, 'the rejoin keeps the mute state the user had');
});
