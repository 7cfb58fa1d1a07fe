// Unit tests of the signaling events applied to the client's state: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventDispatch } from '../../main/webapp/js/events.js';
import { fromCallState } from '../../main/webapp/js/callstate.js';
import { CALL_ENDED, CLOSED, REMOVED, outcomeOf } from '../../main/webapp/js/ending.js';

const ids = { call_id: 'call1', channel_id: 'ch1' };

/** The app's state with our call (session s1) and Bo's (s2) in call1 of ch1; what it is asked to do is recorded. */
function setup({ inCall = true } = {}) {
  const done = [];
  const app = {
    call: null,
    outcome: null,
    calls: new Map([['ch1', fromCallState({ id: 'call1', channel_id: 'ch1', host_id: 'u1', thread_id: 't1',
      sessions: [{ session_id: 's1', user_id: 'u1', unmuted: true }, { session_id: 's2', user_id: 'u2' }] })]]),
    notice: '',
    names: { userName: (id) => done.push(['name', id]) },
    endings: new Map(),
    incoming: { heard: [], handle(name) { this.heard.push(name); } },
    channelById: (id) => (id === 'ch1' ? { id } : null),
    refreshChannels: () => done.push(['refresh']),
    timeline: {
      posted: (post) => done.push(['timeline', post.id]),
      edited: (post) => done.push(['edited', post.id]),
    },
    chat: {
      posted: (post) => done.push(['posted', post.id]),
      react: (data) => done.push(['react', data.session_id]),
      load: () => { done.push(['load']); return Promise.resolve(); },
    },
    say(text) { this.notice = text; },
    changed() {},
  };
  if (inCall) {
    app.call = {
      channel: { id: 'ch1' }, callId: 'call1', sessionId: 's1', status: 'connected', error: null,
      // What the call controller does when a call is over: keep its outcome, forget the call.
      over(status, error) {
        this.status = status;
        this.error = error;
        app.outcome = outcomeOf(this);
        app.call = null;
      },
      ended(error) { done.push(['ended', error.id]); this.over('ended', error); },
      fail(error) { done.push(['fail', error.id]); this.over('failed', error); },
      signal(data) { done.push(['signal', data.type]); },
      applyMute(muted) { done.push(['mute', muted]); },
      share: { stop: (tell) => done.push(['stopScreen', tell]) },
    };
  }
  return { app, done, events: new EventDispatch(app) };
}

test('signal events go to our call, and nowhere without one', () => {
  const { events, done } = setup();
  events.handle('signal', { type: 'offer', sdp: 'v=0' });
  assert.deepEqual(done, [['signal', 'offer']]);
  setup({ inCall: false }).events.handle('signal', { type: 'offer' });
});

test('host actions on our session act on the call and say so; on another session they do not', () => {
  const { app, events, done } = setup();
  events.handle('host_mute', { ...ids, session_id: 's2' });
  assert.deepEqual(done, []);
  events.handle('host_mute', { ...ids, session_id: 's1' });
  assert.deepEqual(done, [['mute', true]]);
  assert.equal(app.notice, 'The host muted you.');
  assert.equal(app.calls.get('ch1').sessions.s1.unmuted, false);
  events.handle('host_screen_off', { ...ids, session_id: 's1' });
  assert.deepEqual(done.at(-1), ['stopScreen', false]);
  assert.equal(app.notice, 'The host stopped your screen share.');
  events.handle('host_lower_hand', { ...ids, session_id: 's1' });
  assert.equal(app.notice, 'The host lowered your hand.');
});

test('removed by the host: host_removed ends our call with that reason, the user_left after it changes nothing more', () => {
  const { app, events, done } = setup();
  events.handle('host_removed', { ...ids, session_id: 's1' });
  events.handle('user_left', { ...ids, session_id: 's1', user_id: 'u1' });
  assert.deepEqual(done.filter((d) => d[0] === 'ended'), [['ended', 'removed']]);
  assert.equal(app.outcome.error, REMOVED);
  assert.equal(app.calls.get('ch1').sessions.s1, undefined);
});

test('the host ends the call: our user_left, the others\', then call_end; the page says the call ended', () => {
  const { app, events } = setup();
  events.handle('user_left', { ...ids, session_id: 's1', user_id: 'u1' });
  assert.equal(app.outcome.error, CLOSED);
  events.handle('user_left', { ...ids, session_id: 's2', user_id: 'u2' });
  events.handle('call_end', { ...ids, end_at: 9 });
  assert.equal(app.outcome.error, CALL_ENDED);
  assert.equal(app.calls.has('ch1'), false);
});

test('the server closes our session and the call goes on: its later end does not change why we are out', () => {
  const { app, events } = setup();
  events.handle('user_left', { ...ids, session_id: 's1', user_id: 'u1' });
  events.handle('user_joined', { ...ids, session_id: 's3', user_id: 'u3' });
  events.handle('call_end', { ...ids, end_at: 9 });
  assert.equal(app.outcome.error, CLOSED);
});

test('a media error fails our call with its reason', () => {
  const { app, events, done } = setup();
  events.handle('error', { id: 'rtc_timeout', message: 'The UDP path failed.' });
  assert.deepEqual(done, [['fail', 'rtc_timeout']]);
  assert.equal(app.outcome.status, 'failed');
  assert.equal(app.outcome.error.id, 'rtc_timeout');
  const idle = setup({ inCall: false });
  idle.events.handle('error', { id: 'rtc_timeout', message: 'late' });
  assert.equal(idle.app.outcome, null);
});

test('channel events keep every call\'s live state and name the users in it', () => {
  const { app, events, done } = setup({ inCall: false });
  events.handle('call_start', { call_id: 'call2', channel_id: 'ch2', host_id: 'u5', thread_id: 't2' });
  events.handle('user_joined', { call_id: 'call2', channel_id: 'ch2', session_id: 's5', user_id: 'u5' });
  assert.deepEqual(Object.keys(app.calls.get('ch2').sessions), ['s5']);
  assert.deepEqual(done, [['name', 'u5']]);
  events.handle('call_end', { call_id: 'call2', channel_id: 'ch2' });
  assert.equal(app.calls.has('ch2'), false);
});

test('our channel\'s call_start loads the call\'s thread; posts and reactions go to the chat', () => {
  const { events, done } = setup();
  events.handle('call_start', { ...ids, host_id: 'u1', thread_id: 't1' });
  events.handle('call_start', { call_id: 'call2', channel_id: 'ch2', host_id: 'u1', thread_id: 't2' });
  events.handle('posted', { post: { id: 'p1', root_id: 't1', channel_id: 'ch1' } });
  events.handle('user_reacted', { ...ids, session_id: 's2', user_id: 'u2' });
  assert.deepEqual(done, [['load'], ['posted', 'p1'], ['timeline', 'p1'], ['react', 's2']]);
});

test('a post goes to the call chat and the timeline; one from an unknown channel reads the channels again', () => {
  const { app, done } = setup({ inCall: false });
  new EventDispatch(app).handle('posted', { post: { id: 'p1', channel_id: 'ch1' } });
  new EventDispatch(app).handle('posted', { post: { id: 'p2', channel_id: 'new' } });
  assert.deepEqual(done, [['posted', 'p1'], ['timeline', 'p1'], ['posted', 'p2'], ['timeline', 'p2'], ['refresh']]);
});

test('a call_end is kept with who ended it', () => {
  const { app } = setup({ inCall: false });
  new EventDispatch(app).handle('call_end', { ...ids, end_at: 5, reason: 'host_ended', ended_by: 'u2' });
  assert.deepEqual(app.endings.get('call1'), { callId: 'call1', reason: 'host_ended', endedBy: 'u2' });
});

test('an edited post (a call\'s card) goes to the timeline only', () => {
  const { app, done } = setup({ inCall: false });
  new EventDispatch(app).handle('post_edited', { post: { id: 'p1', channel_id: 'ch1', type: 'custom_calls' } });
  assert.deepEqual(done, [['edited', 'p1']]);
});

test('every event reaches the incoming calls, posted ones too', () => {
  const { app, events } = setup();

  events.handle('calls_ringing', { ...ids, caller_id: 'u2' });
  events.handle('posted', { post: { id: 'p1', channel_id: 'ch1' } });

  assert.deepEqual(app.incoming.heard, ['calls_ringing', 'posted']);
});
