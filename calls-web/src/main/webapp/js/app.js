// The client's state and behaviour: who is signed in, their channels and the calls in them, the call
// this browser is in, and the routes. Views read this state and call its methods; it re-renders them.

import { api, ApiError } from './api.js';
import { Signaling } from './socket.js';
import { CallSession } from './call.js';
import { applyEvent, fromCallState, startsMuted } from './callstate.js';

/** Why a join is refused, in words, by the contract's error ids. */
export const REFUSALS = {
  not_member: 'You are not a member of this channel.',
  channel_archived: 'This channel is archived, so its call link no longer works.',
  calls_disabled: 'Calls are turned off in this channel.',
  call_full: 'This call is full.',
  call_busy: 'So many people are joining this call right now that the server could not take you in; try again.',
  user_inactive: 'Your account is deactivated.',
  'api.user.login.inactive': 'Your account is deactivated.',
  'api.channel.not_found': 'This call link does not lead to any channel.',
};

const RECONNECT_WINDOW_MS = 30000;
/** How long after our session ended the event saying why may still arrive. */
const EXPLANATION_MS = 5000;
const REMOVED = { id: 'removed', message: 'The host removed you from the call.' };
const CALL_ENDED = { id: 'call_ended', message: 'The call has ended.' };

/** How little an end reason says: the server closing our session says least, the call ending more, anything else all. */
function vagueness(error) {
  return { closed: 2, call_ended: 1 }[error && error.id] || 0;
}

export class App extends EventTarget {
  constructor() {
    super();
    this.me = null;
    this.config = null;
    this.channels = [];
    this.calls = new Map();
    this.users = new Map();
    this.socket = null;
    this.socketState = 'closed';
    this.call = null;
    this.outcome = null;
    this.thread = { id: null, posts: [] };
    this.reactions = [];
    this.route = { name: 'loading' };
    this.notice = '';
    this.userRequests = new Set();
    /** Group messages' member ids by channel id: null while being fetched. */
    this.groupMembers = new Map();
  }

  changed() {
    this.dispatchEvent(new CustomEvent('change'));
  }

  say(text) {
    this.notice = text;
    this.changed();
  }

  /** The page opened: at a call link (join after sign-in and the permission check) or anywhere else. */
  async boot() {
    const link = this.callLinkChannel();
    try {
      this.me = await api.me();
    } catch (e) {
      this.route = { name: 'signin', linkChannelId: link };
      this.changed();
      return;
    }
    await this.signedIn(link);
  }

  callLinkChannel() {
    const base = new URL(document.baseURI).pathname;
    const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : '';
    const match = /^channels\/([a-z0-9]{26})\/?$/.exec(path);
    return match ? match[1] : null;
  }

  async signIn(loginId, password, linkChannelId) {
    try {
      this.me = await api.login(loginId, password);
    } catch (e) {
      if (linkChannelId && e.id === 'api.user.login.inactive') {
        this.refuse(e.id, e.message);
        return null;
      }
      return e instanceof ApiError ? e.message : String(e);
    }
    await this.signedIn(linkChannelId);
    return null;
  }

  async signOut() {
    if (this.call) {
      await this.call.leave();
    }
    this.call = null;
    if (this.socket) {
      this.socket.stop();
      this.socket = null;
    }
    await api.logout().catch(() => {});
    this.me = null;
    history.replaceState(null, '', document.baseURI);
    this.route = { name: 'signin', linkChannelId: null };
    this.changed();
  }

  async signedIn(linkChannelId) {
    this.users.set(this.me.id, this.me);
    try {
      [this.config, this.channels] = await Promise.all([api.callsConfig(), api.myChannels()]);
      await this.refreshCalls();
    } catch (e) {
      this.failed(e);
      return;
    }
    this.openSocket();
    if (linkChannelId) {
      await this.openCallLink(linkChannelId);
    } else {
      this.followHash();
    }
  }

  openSocket() {
    const url = new URL('api/v1/websocket', document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.socket = new Signaling(url.toString());
    this.socket.onReconnect = (previous, lostAt, send) => this.reattach(previous, lostAt, send);
    this.socket.addEventListener('event', (e) => this.onEvent(e.detail.event, e.detail.data || {}));
    this.socket.addEventListener('gap', () => this.refreshCalls().then(() => this.changed(), () => {}));
    this.socket.addEventListener('state', (e) => {
      this.socketState = e.detail;
      if (e.detail === 'unauthorized') {
        this.expired();
      }
      this.changed();
    });
    this.socket.start().catch((e) => console.warn('signaling:', e.message));
  }

  /** A new WebSocket after a drop: the contract's reconnect within 30 s keeps the call's media session. */
  async reattach(previous, lostAt, send) {
    const call = this.call;
    if (call && (call.status === 'joining' || call.status === 'connected' || call.status === 'reconnecting')) {
      if (Date.now() - lostAt > RECONNECT_WINDOW_MS) {
        call.ended({ id: 'signaling_lost', message: 'The connection to the server was lost for more than 30 seconds.' });
      } else {
        try {
          const reply = await send('reconnect', {
            channel_id: call.channel.id,
            original_connection_id: call.originalConnectionId,
            prev_connection_id: previous,
          });
          if (reply && reply.call) {
            this.calls.set(call.channel.id, fromCallState(reply.call));
          }
        } catch (e) {
          call.ended({ id: e.id, message: `The call could not be resumed: ${e.message}` });
        }
      }
    }
    await this.refreshCalls().catch(() => {});
    this.changed();
  }

  async refreshCalls() {
    const active = await api.activeCalls();
    const next = new Map();
    for (const entry of active) {
      if (entry.call) {
        next.set(entry.channel_id, fromCallState(entry.call));
      }
    }
    this.calls = next;
    for (const call of next.values()) {
      Object.values(call.sessions).forEach((s) => this.userName(s.user_id));
    }
  }

  followHash() {
    const match = /^#channel\/([a-z0-9]{26})$/.exec(location.hash);
    const id = match ? match[1] : null;
    const channel = id ? this.channelById(id) : null;
    this.route = channel ? { name: 'channel', channelId: channel.id } : { name: 'home' };
    this.changed();
  }

  openChannelList() {
    history.pushState(null, '', document.baseURI);
    this.route = { name: 'home' };
    this.changed();
  }

  channelById(id) {
    return this.channels.find((c) => c.id === id) || null;
  }

  /** The call link: check membership, archive and calls switch over REST, then join. */
  async openCallLink(channelId) {
    try {
      await api.callLink(channelId);
      const info = await api.channelCall(channelId);
      if (!info.enabled) {
        this.refuse('calls_disabled');
        return;
      }
      const max = this.config.max_call_participants;
      if (max > 0 && info.call && info.call.sessions.length >= max) {
        this.refuse('call_full');
        return;
      }
    } catch (e) {
      if (e.status === 401 && e.id !== 'user_inactive') {
        this.expired(channelId);
        return;
      }
      this.refuse(e.id, e.message);
      return;
    }
    if (!this.channelById(channelId)) {
      this.channels = await api.myChannels();
    }
    history.replaceState(null, '', new URL(`#channel/${channelId}`, document.baseURI));
    this.route = { name: 'channel', channelId };
    this.changed();
    await this.join(channelId);
  }

  refuse(id, message) {
    this.route = { name: 'refused', reason: REFUSALS[id] || message || 'You are not allowed to join it.', id };
    this.changed();
  }

  expired(linkChannelId = null) {
    this.me = null;
    if (this.socket) {
      this.socket.stop();
      this.socket = null;
    }
    this.route = { name: 'signin', linkChannelId, expired: true };
    this.changed();
  }

  failed(e) {
    if (e instanceof ApiError && e.status === 401) {
      this.expired();
      return;
    }
    this.say(e.message || String(e));
  }

  /** Starts or joins the channel's call; leaves the current call first if it is another one. */
  async join(channelId) {
    const channel = this.channelById(channelId);
    if (!channel) {
      return;
    }
    if (this.call && this.call.status !== 'ended' && this.call.status !== 'failed') {
      if (this.call.channel.id === channelId) {
        return;
      }
      await this.call.leave();
    }
    this.outcome = null;
    const call = new CallSession({
      socket: this.socket,
      channel,
      iceServers: this.config.ice_servers,
      audioSink: document.getElementById('audio-sink'),
      muted: startsMuted(channel.type),
    });
    this.call = call;
    this.reactions = [];
    call.addEventListener('change', () => this.callChanged(call));
    call.addEventListener('notice', (e) => this.say(e.detail));
    this.changed();
    try {
      await call.join();
    } catch (e) {
      call.ended();
      this.call = null;
      if (REFUSALS[e.id]) {
        this.refuse(e.id, e.message);
      } else {
        this.say(`Could not join the call: ${e.message}`);
      }
      return;
    }
    try {
      const state = await this.socket.request('call_state', { channel_id: channelId });
      if (state) {
        this.calls.set(channelId, fromCallState(state));
      }
    } catch (e) {
      console.warn('calls: call_state', e.id);
    }
    await this.loadThread();
    this.changed();
  }

  callChanged(call) {
    if (call !== this.call) {
      return;
    }
    if (call.status === 'ended' || call.status === 'failed') {
      this.outcome = { channelId: call.channel.id, callId: call.callId, sessionId: call.sessionId, error: call.error, status: call.status, at: Date.now() };
      this.call = null;
      this.describeMedia(this.outcome);
    }
    this.changed();
  }

  /** For a media failure, what the ping says about the media server (its UDP port and address), for the admin's checklist. */
  describeMedia(outcome) {
    const id = outcome.error && outcome.error.id;
    if (outcome.status === 'failed' && (id === 'rtc_timeout' || id === 'rtc_failed' || id === 'rtc_consent_lost')) {
      api.ping().then((ping) => {
        outcome.media = ping.media;
        this.changed();
      }, () => {});
    }
  }

  /**
   * The event saying why our session ended may come just after the user_left that ended it (a call ends
   * with its last user_left, then call_end; the contract promises no order among one change's events):
   * a reason that says more replaces the one the call ended with, for a few seconds.
   */
  explainEnd(matches, error, status) {
    const outcome = this.outcome;
    if (outcome && matches(outcome) && Date.now() - outcome.at < EXPLANATION_MS
        && vagueness(outcome.error) > vagueness(error)) {
      outcome.error = error;
      outcome.status = status;
      this.describeMedia(outcome);
    }
  }

  async leave() {
    if (this.call) {
      const call = this.call;
      await call.leave();
      this.outcome = null;
      this.changed();
    }
  }

  /** The live state of the call this browser is in. */
  liveCall() {
    return this.call ? this.calls.get(this.call.channel.id) || null : null;
  }

  mySession() {
    const live = this.liveCall();
    return live && this.call ? live.sessions[this.call.sessionId] || null : null;
  }

  isHost() {
    const live = this.liveCall();
    return !!live && (live.host_id === this.me.id || this.me.roles === 'system_admin');
  }

  async loadThread() {
    const live = this.liveCall();
    if (!live || !live.thread_id) {
      this.thread = { id: null, posts: [] };
      return;
    }
    try {
      const thread = await api.thread(live.thread_id);
      this.thread = { id: live.thread_id, posts: thread.posts };
      thread.posts.forEach((p) => this.userName(p.user_id));
    } catch (e) {
      this.thread = { id: live.thread_id, posts: [] };
    }
  }

  async sendChat(message) {
    const live = this.liveCall();
    if (!live) {
      return false;
    }
    try {
      await api.createPost(live.channel_id, live.thread_id, message);
      return true;
    } catch (e) {
      this.failed(e);
      return false;
    }
  }

  async host(action, body) {
    const live = this.liveCall();
    if (!live) {
      return;
    }
    try {
      await api.host(live.id, action, body);
    } catch (e) {
      this.failed(e);
    }
  }

  async copyLink(channelId) {
    let url;
    try {
      url = (await api.callLink(channelId)).url;
    } catch (e) {
      this.failed(e);
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      this.say(`Call link copied: ${url}`);
    } catch (e) {
      // No clipboard (an insecure origin, or no permission): show it so it can be copied by hand.
      this.say(`Call link: ${url}`);
    }
  }

  /** A user's display name; unknown users are fetched once and the views re-rendered. */
  userName(userId) {
    const user = this.users.get(userId);
    if (user) {
      return user.display_name || user.username;
    }
    if (!this.userRequests.has(userId)) {
      this.userRequests.add(userId);
      api.user(userId).then((u) => {
        this.users.set(userId, u);
        this.changed();
      }, () => {});
    }
    return 'Someone';
  }

  /** A group message's members, fetched once; null until they are known. */
  groupMemberIds(channelId) {
    if (!this.groupMembers.has(channelId)) {
      this.groupMembers.set(channelId, null);
      api.channelMembers(channelId).then((members) => {
        this.groupMembers.set(channelId, members.map((m) => m.user_id));
        this.changed();
      }, () => {});
    }
    return this.groupMembers.get(channelId);
  }

  /** A channel as people say it: direct and group messages by the other people's display names. */
  channelTitle(channel) {
    if (channel.type === 'D') {
      // A direct message's name is its two user ids: the other person is shown by their display name
      // once known (fetched here once), by username until then.
      const other = channel.name.split('__').find((id) => id !== this.me.id);
      if (other) {
        const name = this.userName(other);
        if (this.users.has(other)) {
          return name;
        }
      }
    }
    if (channel.type === 'G') {
      // The channel's display name lists usernames; the others are shown by display name, in
      // alphabetical order, once every one of them is known.
      const others = (this.groupMemberIds(channel.id) || []).filter((id) => id !== this.me.id);
      const names = others.map((id) => this.userName(id));
      if (others.length && others.every((id) => this.users.has(id))) {
        return names.sort((a, b) => a.localeCompare(b)).join(', ');
      }
    }
    if (channel.type === 'D' || channel.type === 'G') {
      const others = channel.display_name.split(', ').filter((n) => n !== this.me.username);
      return others.join(', ') || channel.display_name;
    }
    return channel.display_name;
  }

  onEvent(name, data) {
    const call = this.call;
    const mine = call && data.session_id && data.session_id === call.sessionId;
    switch (name) {
      case 'signal':
        if (call) {
          call.signal(data);
        }
        return;
      case 'error':
        if (call) {
          call.fail({ id: data.id, message: data.message });
        } else {
          this.explainEnd(() => true, { id: data.id, message: data.message }, 'failed');
          this.changed();
        }
        return;
      case 'posted':
        if (data.post && data.post.root_id && data.post.root_id === this.thread.id
            && !this.thread.posts.some((p) => p.id === data.post.id)) {
          this.userName(data.post.user_id);
          this.thread = { ...this.thread, posts: [...this.thread.posts, data.post] };
          this.changed();
        }
        return;
      case 'user_reacted':
        this.react(data);
        return;
      case 'host_mute':
        if (mine) {
          call.applyMute(true);
          this.say('The host muted you.');
        }
        break;
      case 'host_screen_off':
        if (mine) {
          call.stopScreen(false);
          this.say('The host stopped your screen share.');
        }
        break;
      case 'host_lower_hand':
        if (mine) {
          this.say('The host lowered your hand.');
        }
        break;
      case 'host_removed':
        if (mine) {
          call.ended(REMOVED);
        } else {
          this.explainEnd((o) => o.sessionId === data.session_id, REMOVED, 'ended');
        }
        break;
      case 'call_end':
        if (call && call.callId === data.call_id) {
          call.ended(CALL_ENDED);
        } else {
          this.explainEnd((o) => o.callId === data.call_id, CALL_ENDED, 'ended');
        }
        break;
      case 'user_left':
        if (mine && call.status !== 'ended' && call.status !== 'failed') {
          call.ended({ id: 'closed', message: 'The server closed your session in this call.' });
        }
        break;
      default:
        break;
    }
    if (data.channel_id) {
      const before = this.calls.get(data.channel_id) || null;
      const after = applyEvent(before, name, data);
      if (after) {
        this.calls.set(data.channel_id, after);
      } else {
        this.calls.delete(data.channel_id);
      }
      if (data.user_id) {
        this.userName(data.user_id);
      }
      if (name === 'call_start' && call && call.channel.id === data.channel_id) {
        this.loadThread().then(() => this.changed());
      }
    }
    this.changed();
  }

  react(data) {
    const emoji = data.emoji && data.emoji.unified ? unifiedToText(data.emoji.unified) : '';
    const entry = { id: `${data.session_id}-${data.timestamp}-${Math.random()}`, sessionId: data.session_id,
      userId: data.user_id, emoji, name: data.emoji && data.emoji.name };
    this.reactions = [...this.reactions, entry].slice(-8);
    this.changed();
    setTimeout(() => {
      this.reactions = this.reactions.filter((r) => r !== entry);
      this.changed();
    }, 5000);
  }
}

/** "1f44d" or "1f44d-1f3fb" to the emoji's characters. */
export function unifiedToText(unified) {
  try {
    return String.fromCodePoint(...unified.split('-').map((p) => parseInt(p, 16)));
  } catch (e) {
    return '';
  }
}
