// Unit tests of the call's chat and reactions: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chat, reactionOf, unifiedToText, withPost } from '../../main/webapp/js/chat.js';

const live = { id: 'call1', channel_id: 'ch1', thread_id: 'root' };

function chat({ thread = () => Promise.resolve({ posts: [] }), createPost = () => Promise.resolve({}), call = live } = {}) {
  const seen = { names: [], failures: [], changes: 0, timers: [] };
  const c = new Chat({
    api: { thread, createPost },
    liveCall: () => call,
    userName: (id) => seen.names.push(id),
    failed: (e) => seen.failures.push(e),
    changed: () => { seen.changes += 1; },
    setTimer: (fn, ms) => seen.timers.push({ fn, ms }),
  });
  return { c, seen };
}

test('emoji code points become their characters; nonsense becomes nothing', () => {
  assert.equal(unifiedToText('1f44d'), '👍');
  assert.equal(unifiedToText('1f44d-1f3fb'), '👍🏻');
  assert.equal(unifiedToText('zz'), '');
});

test('a posted reply joins its thread once; other posts do not', () => {
  const thread = { id: 'root', posts: [{ id: 'p1' }] };
  assert.deepEqual(withPost(thread, { id: 'p2', root_id: 'root' }).posts.map((p) => p.id), ['p1', 'p2']);
  assert.equal(withPost(thread, { id: 'p1', root_id: 'root' }), null);
  assert.equal(withPost(thread, { id: 'p3', root_id: 'other' }), null);
  assert.equal(withPost(thread, { id: 'p4', root_id: '' }), null);
  assert.equal(withPost(thread, undefined), null);
});

test('a reaction shows who reacted with what', () => {
  const r = reactionOf({ session_id: 's1', user_id: 'u1', timestamp: 5, emoji: { name: '+1', unified: '1f44d' } }, 'k');
  assert.deepEqual(r, { id: 's1-5-k', sessionId: 's1', userId: 'u1', emoji: '👍', name: '+1' });
  assert.equal(reactionOf({ session_id: 's1', timestamp: 5 }, 'k').emoji, '');
});

test('the live call\'s thread is loaded and its authors named; no thread, no posts', async () => {
  const { c, seen } = chat({ thread: (id) => Promise.resolve({ posts: [{ id: 'p1', user_id: 'u2', root_id: id }] }) });
  await c.load();
  assert.equal(c.thread.id, 'root');
  assert.deepEqual(seen.names, ['u2']);
  const none = chat({ call: { ...live, thread_id: '' } }).c;
  await none.load();
  assert.deepEqual(none.thread, { id: null, posts: [] });
});

test('a thread that cannot be read is shown empty', async () => {
  const { c } = chat({ thread: () => Promise.reject(new Error('gone')) });
  await c.load();
  assert.deepEqual(c.thread, { id: 'root', posts: [] });
});

test('posted replies grow the thread and re-render', async () => {
  const { c, seen } = chat();
  await c.load();
  c.posted({ id: 'p1', root_id: 'root', user_id: 'u3' });
  c.posted({ id: 'p1', root_id: 'root', user_id: 'u3' });
  assert.equal(c.thread.posts.length, 1);
  assert.equal(seen.changes, 1);
});

test('a message goes to the live call\'s thread; a failure is shown and reported', async () => {
  const sent = [];
  const { c } = chat({ createPost: (...args) => { sent.push(args); return Promise.resolve({}); } });
  assert.equal(await c.send('hello'), true);
  assert.deepEqual(sent, [['ch1', 'root', 'hello']]);
  const failing = chat({ createPost: () => Promise.reject(new Error('no')) });
  assert.equal(await failing.c.send('hello'), false);
  assert.equal(failing.seen.failures.length, 1);
  assert.equal(await chat({ call: null }).c.send('hello'), false);
});

test('reactions show for five seconds, at most eight at once', () => {
  const { c, seen } = chat();
  for (let i = 0; i < 10; i += 1) {
    c.react({ session_id: 's1', user_id: 'u1', timestamp: i, emoji: { name: 'tada', unified: '1f389' } });
  }
  assert.equal(c.reactions.length, 8);
  assert.equal(seen.timers[0].ms, 5000);
  seen.timers.forEach((t) => t.fn());
  assert.deepEqual(c.reactions, []);
  c.react({ session_id: 's1', timestamp: 11 });
  c.clearReactions();
  assert.deepEqual(c.reactions, []);
});
