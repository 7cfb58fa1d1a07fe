// Unit tests of the client's pure call-state logic: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, fromCallState, orderedSessions, startsMuted, trackLabel } from '../../main/webapp/js/callstate.js';

const rest = {
  id: 'call1', channel_id: 'ch1', start_at: 1, owner_id: 'u1', host_id: 'u1', thread_id: 'p1',
  screen_sharing_session_id: '',
  sessions: [{ session_id: 's1', user_id: 'u1', unmuted: false, raised_hand: 0, screen_on: false }],
};

test('a REST CallState becomes sessions keyed by id, nobody speaking', () => {
  const call = fromCallState(rest);
  assert.equal(call.sessions.s1.user_id, 'u1');
  assert.equal(call.sessions.s1.speaking, false);
  assert.equal(fromCallState(null), null);
});

test('joins, mutes, voice, hands and leaves change only the named session', () => {
  let call = fromCallState(rest);
  call = applyEvent(call, 'user_joined', { call_id: 'call1', user_id: 'u2', session_id: 's2' });
  call = applyEvent(call, 'user_unmuted', { call_id: 'call1', session_id: 's2' });
  call = applyEvent(call, 'user_voice_on', { call_id: 'call1', session_id: 's2' });
  call = applyEvent(call, 'user_raise_hand', { call_id: 'call1', session_id: 's2', raised_hand: 42 });
  assert.deepEqual(call.sessions.s2, { session_id: 's2', user_id: 'u2', unmuted: true, raised_hand: 42, screen_on: false, speaking: true });
  assert.equal(call.sessions.s1.unmuted, false);
  call = applyEvent(call, 'user_muted', { call_id: 'call1', session_id: 's2' });
  assert.equal(call.sessions.s2.speaking, false);
  call = applyEvent(call, 'host_lower_hand', { call_id: 'call1', session_id: 's2' });
  assert.equal(call.sessions.s2.raised_hand, 0);
  call = applyEvent(call, 'user_left', { call_id: 'call1', user_id: 'u2', session_id: 's2' });
  assert.equal(call.sessions.s2, undefined);
});

test('the screen share follows screen on and off, and ends when the sharer leaves', () => {
  let call = applyEvent(fromCallState(rest), 'user_screen_on', { call_id: 'call1', session_id: 's1' });
  assert.equal(call.screen_sharing_session_id, 's1');
  assert.equal(applyEvent(call, 'user_screen_off', { call_id: 'call1', session_id: 's1' }).screen_sharing_session_id, '');
  assert.equal(applyEvent(call, 'user_left', { call_id: 'call1', session_id: 's1' }).screen_sharing_session_id, '');
});

test('events of another call are ignored; call_end ends; call_start starts an empty call', () => {
  const call = fromCallState(rest);
  assert.equal(applyEvent(call, 'user_joined', { call_id: 'other', session_id: 'x', user_id: 'u9' }), call);
  assert.equal(applyEvent(call, 'call_end', { call_id: 'call1' }), null);
  const started = applyEvent(null, 'call_start', { call_id: 'c2', channel_id: 'ch2', host_id: 'u3', thread_id: 't' });
  assert.equal(started.host_id, 'u3');
  assert.deepEqual(started.sessions, {});
});

test('a user_joined before its call_start: the call starts with that session, call_start fills in the rest', () => {
  let call = applyEvent(null, 'user_joined', { call_id: 'c2', channel_id: 'ch2', user_id: 'u3', session_id: 's3' });
  assert.equal(call.id, 'c2');
  assert.equal(call.sessions.s3.user_id, 'u3');
  call = applyEvent(call, 'call_start', { call_id: 'c2', channel_id: 'ch2', start_at: 7, owner_id: 'u3', host_id: 'u3', thread_id: 't' });
  assert.deepEqual(Object.keys(call.sessions), ['s3']);
  assert.equal(call.host_id, 'u3');
  assert.equal(call.thread_id, 't');
  assert.equal(applyEvent(null, 'user_left', { call_id: 'c2', session_id: 's3' }), null);
});

test('the host changes with call_host_changed', () => {
  assert.equal(applyEvent(fromCallState(rest), 'call_host_changed', { call_id: 'call1', host_id: 'u2' }).host_id, 'u2');
});

test('raised hands come first, earliest first', () => {
  let call = fromCallState(rest);
  call = applyEvent(call, 'user_joined', { call_id: 'call1', user_id: 'u2', session_id: 's2' });
  call = applyEvent(call, 'user_joined', { call_id: 'call1', user_id: 'u3', session_id: 's3' });
  call = applyEvent(call, 'user_raise_hand', { call_id: 'call1', session_id: 's3', raised_hand: 5 });
  call = applyEvent(call, 'user_raise_hand', { call_id: 'call1', session_id: 's2', raised_hand: 9 });
  assert.deepEqual(orderedSessions(call).map((s) => s.session_id), ['s3', 's2', 's1']);
});

test('channels start muted, direct and group messages do not', () => {
  assert.equal(startsMuted('O'), true);
  assert.equal(startsMuted('P'), true);
  assert.equal(startsMuted('D'), false);
  assert.equal(startsMuted('G'), false);
});

test('forwarded tracks are told apart by their msid track id', () => {
  assert.deepEqual(trackLabel('voice_abc', 'abc'), { kind: 'voice', sessionId: 'abc' });
  assert.deepEqual(trackLabel('screen_abc', 'abc'), { kind: 'screen', sessionId: 'abc' });
  assert.deepEqual(trackLabel('screen-audio_abc', 'abc'), { kind: 'screen-audio', sessionId: 'abc' });
  assert.deepEqual(trackLabel('weird', 'abc'), { kind: 'unknown', sessionId: 'abc' });
});
