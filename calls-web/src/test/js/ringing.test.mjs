// Unit tests of the incoming-call state machine: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RING_TIMEOUT_MS, Ringing } from '../../main/webapp/js/ringing.js';

const ring = { call_id: 'call1', channel_id: 'dm1', caller_id: 'bo' };

function rung() {
  const ringing = new Ringing();
  assert.equal(ringing.handle('calls_ringing', ring, 'me', 1000), true);
  return ringing;
}

test('a call rings for the callee, not for the caller', () => {
  assert.deepEqual(rung().current(), { callId: 'call1', channelId: 'dm1', callerId: 'bo', since: 1000, status: 'ringing' });

  const caller = new Ringing();
  assert.equal(caller.handle('calls_ringing', ring, 'bo', 1000), false);
  assert.equal(caller.current(), null);
});

test('joining from any page stops the ring, and the call is not missed when it ends', () => {
  const ringing = rung();

  ringing.handle('user_joined', { call_id: 'call1', channel_id: 'dm1', user_id: 'me', session_id: 's1' }, 'me', 2000);
  ringing.handle('call_end', { call_id: 'call1', channel_id: 'dm1' }, 'me', 3000);

  assert.equal(ringing.current(), null);
  assert.deepEqual([...ringing.missed], []);
});

test("someone else joining does not stop this user's ring", () => {
  const ringing = rung();

  ringing.handle('user_joined', { call_id: 'call1', channel_id: 'dm1', user_id: 'al', session_id: 's2' }, 'me', 2000);

  assert.equal(ringing.current().callId, 'call1');
});

test('declining (on this page or another of the same user) stops the ring and is no missed call', () => {
  const here = rung();
  here.stop('call1');
  here.handle('call_end', { call_id: 'call1', channel_id: 'dm1' }, 'me', 3000);
  assert.equal(here.current(), null);
  assert.deepEqual([...here.missed], []);

  const elsewhere = rung();
  elsewhere.handle('calls_declined', { call_id: 'call1', channel_id: 'dm1', user_id: 'me' }, 'me', 2000);
  elsewhere.handle('call_end', { call_id: 'call1', channel_id: 'dm1' }, 'me', 3000);
  assert.equal(elsewhere.current(), null);
  assert.deepEqual([...elsewhere.missed], []);
});

test('the caller and the others learn who declined, until the call ends', () => {
  const caller = new Ringing();
  caller.handle('calls_declined', { call_id: 'call1', channel_id: 'g1', user_id: 'me' }, 'bo', 2000);
  caller.handle('calls_declined', { call_id: 'call1', channel_id: 'g1', user_id: 'al' }, 'bo', 2000);
  caller.handle('calls_declined', { call_id: 'call1', channel_id: 'g1', user_id: 'me' }, 'bo', 2000);
  assert.deepEqual(caller.declines.get('call1'), ['me', 'al']);

  caller.handle('call_end', { call_id: 'call1', channel_id: 'g1' }, 'bo', 3000);
  assert.equal(caller.declines.has('call1'), false);
});

test('a call that ends while ringing is missed until its channel is seen', () => {
  const ringing = rung();

  ringing.handle('call_end', { call_id: 'call1', channel_id: 'dm1' }, 'me', 2000);

  assert.equal(ringing.current(), null);
  assert.deepEqual([...ringing.missed], ['dm1']);
  assert.equal(ringing.seen('dm1'), true);
  assert.deepEqual([...ringing.missed], []);
});

test('the ring stops after the timeout; the call is still missed if it ends unanswered', () => {
  const ringing = rung();

  assert.equal(ringing.tick(1000 + RING_TIMEOUT_MS - 1), false);
  assert.equal(ringing.current().callId, 'call1');
  assert.equal(ringing.tick(1000 + RING_TIMEOUT_MS), true);
  assert.equal(ringing.current(), null);

  ringing.handle('call_end', { call_id: 'call1', channel_id: 'dm1' }, 'me', 1000 + RING_TIMEOUT_MS + 5);
  assert.deepEqual([...ringing.missed], ['dm1']);
});

test('a repeated ring of the same call does not restart it; the first of two calls rings first', () => {
  const ringing = rung();
  assert.equal(ringing.handle('calls_ringing', ring, 'me', 5000), false);
  ringing.handle('calls_ringing', { call_id: 'call2', channel_id: 'g1', caller_id: 'al' }, 'me', 6000);

  assert.equal(ringing.current().since, 1000);
  ringing.stop('call1');
  assert.equal(ringing.current().callId, 'call2');
});

test('the end of a call that never rang here marks nothing', () => {
  const ringing = new Ringing();

  ringing.handle('call_end', { call_id: 'call9', channel_id: 'ch9' }, 'me', 2000);

  assert.deepEqual([...ringing.missed], []);
});
