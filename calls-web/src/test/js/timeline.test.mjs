// Unit tests of a channel's timeline: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGE_SIZE, Timeline, threadWithPost, withEdited, withOlder, withPosted } from '../../main/webapp/js/timeline.js';

const post = (id, at, extra = {}) => ({ id, channel_id: 'c', root_id: '', user_id: 'u', message: id, create_at: at, ...extra });

function fakeApi(pages) {
  const asked = [];
  return {
    asked,
    sent: [],
    channelPosts(channelId, before, perPage) {
      asked.push({ channelId, before, perPage });
      return Promise.resolve(pages.shift());
    },
    createPost(channelId, rootId, message) {
      this.sent.push({ channelId, rootId, message });
      return Promise.resolve(post('n', 9));
    },
    thread: (rootId) => Promise.resolve({ posts: [post(rootId, 1), post('r', 2, { root_id: rootId })] }),
  };
}

test('pages arrive newest first and show oldest first, older ones above', () => {
  let timeline = { channelId: 'c', posts: [], hasMore: false };
  timeline = withOlder(timeline, { posts: [post('p3', 3), post('p2', 2)], has_more: true });
  timeline = withOlder(timeline, { posts: [post('p2', 2), post('p1', 1)], has_more: false });
  assert.deepEqual(timeline.posts.map((p) => p.id), ['p1', 'p2', 'p3']);
  assert.equal(timeline.hasMore, false);
});

test('a posted root post of the channel goes at the bottom, once; replies and other channels do not', () => {
  const timeline = { channelId: 'c', posts: [post('p1', 1)] };
  assert.deepEqual(withPosted(timeline, post('p2', 2)).posts.map((p) => p.id), ['p1', 'p2']);
  assert.equal(withPosted(timeline, post('p1', 1)), null);
  assert.equal(withPosted(timeline, post('r', 2, { root_id: 'p1' })), null);
  assert.equal(withPosted(timeline, post('o', 2, { channel_id: 'other' })), null);
});

test('a reply joins the open thread it belongs to', () => {
  const thread = { rootId: 'p1', posts: [post('p1', 1)] };
  assert.equal(threadWithPost(thread, post('r', 2, { root_id: 'p1' })).posts.length, 2);
  assert.equal(threadWithPost(thread, post('r', 2, { root_id: 'p9' })), null);
  assert.equal(threadWithPost(null, post('r', 2, { root_id: 'p1' })), null);
});

test('opening a channel loads its newest page; older asks before the oldest shown until there are no more', async () => {
  const api = fakeApi([{ posts: [post('p2', 2)], has_more: true }, { posts: [post('p1', 1)], has_more: false }]);
  let changes = 0;
  const timeline = new Timeline({ api, failed: assert.fail, changed: () => { changes++; } });
  timeline.open('c');
  await new Promise((r) => setImmediate(r));
  await timeline.older();
  await timeline.older();
  assert.deepEqual(api.asked, [{ channelId: 'c', before: '', perPage: PAGE_SIZE }, { channelId: 'c', before: 'p2', perPage: PAGE_SIZE }]);
  assert.deepEqual(timeline.current.posts.map((p) => p.id), ['p1', 'p2']);
  assert.ok(changes > 0);
});

test('a failed page is said and can be asked again', async () => {
  const failures = [];
  const api = { channelPosts: () => Promise.reject(new Error('down')) };
  const timeline = new Timeline({ api, failed: (e) => failures.push(e.message), changed: () => {} });
  timeline.open('c');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(failures, ['down']);
  assert.equal(timeline.current.loading, false);
});

test('a thread opens beside the timeline and grows with its replies', async () => {
  const api = fakeApi([{ posts: [], has_more: false }]);
  const timeline = new Timeline({ api, failed: assert.fail, changed: () => {} });
  timeline.open('c');
  await timeline.openThread('p1');
  assert.deepEqual(timeline.thread.posts.map((p) => p.id), ['p1', 'r']);
  timeline.posted(post('r2', 3, { root_id: 'p1' }));
  assert.equal(timeline.thread.posts.length, 3);
  assert.equal(timeline.current.posts.length, 0, 'replies stay in their thread');
  await timeline.send('hi', 'p1');
  assert.deepEqual(api.sent, [{ channelId: 'c', rootId: 'p1', message: 'hi' }]);
});

test('an edited post is redrawn in the timeline and the open thread, and others are ignored', () => {
  const changes = [];
  const timeline = new Timeline({ api: fakeApi([]), failed: () => {}, changed: () => changes.push(1) });
  timeline.current = { ...timeline.current, channelId: 'c', posts: [post('a', 1), post('b', 2)] };
  timeline.thread = { rootId: 'b', posts: [post('b', 2)] };

  timeline.edited(post('b', 2, { message: 'edited' }));
  timeline.edited(post('z', 3));

  assert.equal(timeline.current.posts[1].message, 'edited');
  assert.equal(timeline.thread.posts[0].message, 'edited');
  assert.equal(changes.length, 1);
  assert.equal(withEdited([post('a', 1)], null), null);
});
