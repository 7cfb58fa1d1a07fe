// The call's chat and reactions: the call's thread (loaded when the call is joined or starts, grown by
// posted events) and the reactions shown for a few seconds. The API and the clock are handed in, so
// this is unit-tested without a browser.

/** How many reactions show at once, and for how long each. */
const REACTIONS_SHOWN = 8;
const REACTION_MS = 5000;
const NO_THREAD = { id: null, posts: [] };

/** "1f44d" or "1f44d-1f3fb" to the emoji's characters. */
export function unifiedToText(unified) {
  try {
    return String.fromCodePoint(...unified.split('-').map((p) => parseInt(p, 16)));
  } catch (e) {
    return '';
  }
}

/** The thread with a posted reply added, or null when the post is not a new reply in it. */
export function withPost(thread, post) {
  if (!post || !post.root_id || post.root_id !== thread.id || thread.posts.some((p) => p.id === post.id)) {
    return null;
  }
  return { ...thread, posts: [...thread.posts, post] };
}

/** A user_reacted event as the reaction list shows it; key tells apart two reactions of one instant. */
export function reactionOf(data, key) {
  const emoji = data.emoji && data.emoji.unified ? unifiedToText(data.emoji.unified) : '';
  return { id: `${data.session_id}-${data.timestamp}-${key}`, sessionId: data.session_id, userId: data.user_id,
    emoji, name: data.emoji && data.emoji.name };
}

export class Chat {
  /**
   * @param {{api: {thread, createPost}, liveCall: () => object, userName: (id) => string, failed: (e) => void,
   *   changed: () => void, setTimer?: (fn, ms) => void}} options
   */
  constructor({ api, liveCall, userName, failed, changed, setTimer = (fn, ms) => setTimeout(fn, ms) }) {
    this.api = api;
    this.liveCall = liveCall;
    this.userName = userName;
    this.failed = failed;
    this.changed = changed;
    this.setTimer = setTimer;
    this.thread = NO_THREAD;
    this.reactions = [];
  }

  /** A new call: no reactions yet. */
  clearReactions() {
    this.reactions = [];
  }

  /** Loads the live call's thread (none while the call has not started one). */
  async load() {
    const live = this.liveCall();
    if (!live || !live.thread_id) {
      this.thread = NO_THREAD;
      return;
    }
    try {
      const thread = await this.api.thread(live.thread_id);
      this.thread = { id: live.thread_id, posts: thread.posts };
      thread.posts.forEach((p) => this.userName(p.user_id));
    } catch (e) {
      this.thread = { id: live.thread_id, posts: [] };
    }
  }

  /** Posts to the call's thread; false when it did not go (the failure is shown). */
  async send(message) {
    const live = this.liveCall();
    if (!live) {
      return false;
    }
    try {
      await this.api.createPost(live.channel_id, live.thread_id, message);
      return true;
    } catch (e) {
      this.failed(e);
      return false;
    }
  }

  posted(post) {
    const next = withPost(this.thread, post);
    if (next) {
      this.userName(post.user_id);
      this.thread = next;
      this.changed();
    }
  }

  react(data) {
    const entry = reactionOf(data, Math.random());
    this.reactions = [...this.reactions, entry].slice(-REACTIONS_SHOWN);
    this.changed();
    this.setTimer(() => {
      this.reactions = this.reactions.filter((r) => r !== entry);
      this.changed();
    }, REACTION_MS);
  }
}
