// Unit tests of a page's incoming calls (tone, timeout, notifications, Decline) with fakes: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncomingCalls } from '../../main/webapp/js/incoming.js';
import { RING_TIMEOUT_MS } from '../../main/webapp/js/ringing.js';

function setup({ hidden = false, permission = 'granted' } = {}) {
  const done = [];
  const timers = [];
  let now = 1000;
  const app = {
    me: { id: 'me' },
    call: null,
    chat: { thread: { id: null } },
    notice: '',
    names: { userName: (id) => ({ bo: 'Bo' }[id] || id), channelTitle: (c) => `@${c.id}` },
    channelById: (id) => (id === 'dm1' ? { id } : null),
    refreshChannels: () => done.push('refresh'),
    socket: { request: (action, data) => { done.push(`${action} ${data.channel_id}`); return Promise.resolve(); } },
    say(text) { this.notice = text; },
    changed() {},
  };
  const incoming = new IncomingCalls(app, {
    tone: { start: () => done.push('tone on'), stop: () => done.push('tone off') },
    notifier: { hidden: () => hidden, permission: () => permission, show: (note) => done.push(`notify ${note.title}`) },
    now: () => now,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
  });
  return { app, incoming, done, timers, later: (ms) => { now += ms; } };
}

const ring = { call_id: 'call1', channel_id: 'dm1', caller_id: 'bo' };

test('a ring starts the tone and its timeout, which silences it', () => {
  const { incoming, done, timers, later } = setup();

  incoming.handle('calls_ringing', ring);
  assert.deepEqual(done, ['tone on']);
  assert.equal(timers[0].ms, RING_TIMEOUT_MS);

  later(RING_TIMEOUT_MS);
  timers[0].fn();
  assert.equal(incoming.ringing.current(), null);
  assert.equal(done.at(-1), 'tone off');
});

test('a hidden tab with permission gets a notification; a visible one only the dialog', () => {
  const hidden = setup({ hidden: true });
  hidden.incoming.handle('calls_ringing', ring);
  assert.deepEqual(hidden.done, ['notify Bo is calling', 'tone on']);

  const visible = setup();
  visible.incoming.handle('calls_ringing', ring);
  assert.deepEqual(visible.done, ['tone on']);
});

test('Decline stops the ring at once and tells the server the channel', async () => {
  const { incoming, done } = setup();
  incoming.handle('calls_ringing', ring);

  await incoming.decline(incoming.ringing.current());

  assert.deepEqual(done, ['tone on', 'tone off', 'decline dm1']);
  assert.equal(incoming.ringing.current(), null);
});

test("another member's decline is said on the page", () => {
  const { app, incoming } = setup();

  incoming.handle('calls_declined', { call_id: 'call1', channel_id: 'dm1', user_id: 'bo' });

  assert.equal(app.notice, 'Bo declined the call.');
});

test('a ring from a conversation the page does not know yet reads the channels again', () => {
  const { incoming, done } = setup();

  incoming.handle('calls_ringing', { ...ring, channel_id: 'new1' });

  assert.deepEqual(done, ['refresh', 'tone on']);
});
