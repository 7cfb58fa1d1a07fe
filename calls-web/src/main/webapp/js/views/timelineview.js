// A channel's timeline on its page: its posts (newest at the bottom; scrolling to the top or "Older
// messages" reads the page before), the composer, and a post's thread opened beside it. Built once per
// channel and updated in place, so a draft and the reading position survive live updates.

import { fill, h } from '../dom.js';
import { CALL_POST_TYPE } from '../callsummary.js';
import { composer, postItem } from './postlist.js';

/** How near the top (in pixels) scrolling reads older posts, and near the bottom it follows new ones. */
const EDGE_PX = 40;

export class TimelineView {
  constructor(app, channel) {
    this.app = app;
    this.channel = channel;
    this.older = h('div', { class: 'older' });
    this.list = h('ol', { class: 'timeline-posts', id: 'timeline-posts', 'aria-label': 'Messages', 'aria-live': 'polite' });
    this.scroller = h('div', { class: 'timeline-scroll', tabindex: '0', 'aria-label': 'Messages in the channel' }, this.older, this.list);
    // Reading upwards to near the top reads the page before; the page's own scrolling to the newest post does not.
    let lastTop = 0;
    this.scroller.addEventListener('scroll', () => {
      const top = this.scroller.scrollTop;
      if (top < EDGE_PX && top < lastTop) {
        app.timeline.older();
      }
      lastTop = top;
    });
    this.threadRegion = h('aside', { class: 'thread-pane', id: 'thread-pane', 'aria-labelledby': 'thread-title', hidden: true });
    this.threadList = h('ol', { class: 'posts', 'aria-live': 'polite' });
    this.threadHead = h('div', { class: 'thread-head' });
    this.threadRegion.append(this.threadHead, this.threadList, composer({
      id: 'thread-input', label: 'Reply in the thread', placeholder: 'Reply…',
      send: (text) => app.timeline.send(text, app.timeline.thread.rootId),
    }));
    this.root = h('div', { class: 'timeline-area' },
      h('section', { class: 'timeline', 'aria-label': 'Channel messages' }, this.scroller, composer({
        id: 'post-input', label: `Message to ${app.names.channelTitle(channel)}`, placeholder: 'Write a message…',
        send: (text) => app.timeline.send(text),
      })),
      this.threadRegion);
    this.shown = { first: null, last: null, count: 0 };
  }

  update() {
    const { app } = this;
    app.timeline.open(this.channel.id);
    const timeline = app.timeline.current;
    fill(this.older, timeline.loading ? h('p', { class: 'hint' }, 'Loading…')
      : timeline.hasMore ? h('button', { type: 'button', class: 'quiet', id: 'older-posts', 'data-key': 'older', onclick: () => app.timeline.older() }, 'Older messages')
        : timeline.loaded ? h('p', { class: 'hint', id: 'timeline-start' }, `This is the start of ${app.names.channelTitle(this.channel)}.`) : null);
    this.updatePosts(timeline.posts);
    this.updateThread();
  }

  /** Redraws the posts, keeping the reader where they were: at the bottom when they were, else at the same post. */
  updatePosts(posts) {
    const { scroller } = this;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < EDGE_PX;
    const heightBefore = scroller.scrollHeight;
    const first = posts.length ? posts[0].id : null;
    const last = posts.length ? posts[posts.length - 1].id : null;
    const grewAbove = this.shown.first && first !== this.shown.first && last === this.shown.last;
    fill(this.list, posts.length ? posts.map((p) => postItem(this.app, p, this.threadButton(p)))
      : h('li', { class: 'hint' }, 'No messages yet. Write the first one below.'));
    if (grewAbove) {
      scroller.scrollTop += scroller.scrollHeight - heightBefore;
    } else if (atBottom || last !== this.shown.last) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    this.shown = { first, last, count: posts.length };
  }

  threadButton(post) {
    const live = this.app.calls.get(this.channel.id);
    const callThread = post.type === CALL_POST_TYPE || (live && live.thread_id === post.id);
    return h('span', { class: 'post-actions' }, h('button', {
      type: 'button', class: 'quiet small', 'data-key': `thread-${post.id}`,
      onclick: () => this.app.timeline.openThread(post.id),
    }, callThread ? 'Open the call\u2019s thread' : 'Reply'));
  }

  updateThread() {
    const { app } = this;
    const thread = app.timeline.thread;
    this.threadRegion.hidden = !thread;
    this.root.classList.toggle('thread-open', !!thread);
    if (!thread) {
      return;
    }
    fill(this.threadHead, h('h3', { id: 'thread-title' }, 'Thread'),
      h('button', { type: 'button', class: 'quiet', 'aria-label': 'Close the thread', 'data-key': 'close-thread',
        onclick: () => app.timeline.closeThread() }, '×'));
    fill(this.threadList, thread.posts.map((p) => postItem(app, p)));
  }
}
