// A channel's timeline: its root posts oldest first as the page shows them (newest at the bottom), read a
// page at a time backwards from the newest, grown by `posted` events and redrawn by `post_edited`; a
// post's thread can be open beside it. Replies stay in their thread. The API is handed in, so this is unit-tested without a browser.

export const PAGE_SIZE = 30;
const EMPTY = { channelId: null, posts: [], hasMore: false, loading: false, loaded: false };

/** The timeline with an older page (newest first, as the server sends it) put before its posts. */
export function withOlder(timeline, page) {
  const known = new Set(timeline.posts.map((p) => p.id));
  const older = page.posts.filter((p) => !known.has(p.id)).reverse();
  return { ...timeline, posts: [...older, ...timeline.posts], hasMore: page.has_more, loaded: true };
}

/** The timeline with a posted root post of its channel added at the bottom, or null when it is not one. */
export function withPosted(timeline, post) {
  if (!post || post.channel_id !== timeline.channelId || post.root_id || timeline.posts.some((p) => p.id === post.id)) {
    return null;
  }
  return { ...timeline, posts: [...timeline.posts, post] };
}

/** The thread with a posted reply added, or null when the post is not a new reply in it. */
export function threadWithPost(thread, post) {
  if (!thread || !post || post.root_id !== thread.rootId || thread.posts.some((p) => p.id === post.id)) {
    return null;
  }
  return { ...thread, posts: [...thread.posts, post] };
}

/** The posts with the edited one in its place, or null when it is not among them. */
export function withEdited(posts, post) {
  if (!post || !posts.some((p) => p.id === post.id)) {
    return null;
  }
  return posts.map((p) => (p.id === post.id ? post : p));
}

export class Timeline {
  /**
   * @param {{api: {channelPosts, createPost, thread}, failed: (e) => void, changed: () => void}} options
   */
  constructor({ api, failed, changed }) {
    this.api = api;
    this.failed = failed;
    this.changed = changed;
    this.current = EMPTY;
    /** The thread open beside the timeline: {rootId, posts}, or null. */
    this.thread = null;
  }

  /** Forgets the timeline shown (the user signed out). */
  reset() {
    this.current = EMPTY;
    this.thread = null;
  }

  /** Shows a channel's timeline, loading its newest page the first time. */
  open(channelId) {
    if (this.current.channelId === channelId) {
      return;
    }
    this.current = { ...EMPTY, channelId };
    this.thread = null;
    this.older();
  }

  /** Loads the page before the oldest post shown. */
  async older() {
    const timeline = this.current;
    if (timeline.loading || (timeline.loaded && !timeline.hasMore)) {
      return;
    }
    this.current = { ...timeline, loading: true };
    this.changed();
    const before = timeline.posts.length ? timeline.posts[0].id : '';
    try {
      const page = await this.api.channelPosts(timeline.channelId, before, PAGE_SIZE);
      if (this.current.channelId === timeline.channelId) {
        this.current = { ...withOlder(this.current, page), loading: false };
      }
    } catch (e) {
      this.current = { ...this.current, loading: false };
      this.failed(e);
    }
    this.changed();
  }

  /** Writes a root post (rootId empty) or a reply; false when it did not go (the failure is shown). */
  async send(message, rootId = '') {
    try {
      await this.api.createPost(this.current.channelId, rootId, message);
      return true;
    } catch (e) {
      this.failed(e);
      return false;
    }
  }

  /** Opens the thread of a root post beside the timeline. */
  async openThread(rootId) {
    this.thread = { rootId, posts: [] };
    this.changed();
    try {
      const thread = await this.api.thread(rootId);
      if (this.thread && this.thread.rootId === rootId) {
        this.thread = { rootId, posts: thread.posts };
      }
    } catch (e) {
      this.failed(e);
    }
    this.changed();
  }

  closeThread() {
    this.thread = null;
    this.changed();
  }

  /** A `posted` event: a new root post of the open channel, or a reply in the open thread. */
  posted(post) {
    const timeline = withPosted(this.current, post);
    const thread = threadWithPost(this.thread, post);
    if (timeline) {
      this.current = timeline;
    }
    if (thread) {
      this.thread = thread;
    }
    if (timeline || thread) {
      this.changed();
    }
  }

  /** A `post_edited` event (a call's card changed): the post is redrawn where it is shown. */
  edited(post) {
    const posts = withEdited(this.current.posts, post);
    const thread = this.thread && withEdited(this.thread.posts, post);
    if (posts) {
      this.current = { ...this.current, posts };
    }
    if (thread) {
      this.thread = { ...this.thread, posts: thread };
    }
    if (posts || thread) {
      this.changed();
    }
  }
}
