// The call this browser is in: joining (leaving another call first), leaving, the host's controls, the
// call link, resuming after a new WebSocket, and the outcome kept once the call is over.

import { api } from './api.js';
import { CallSession } from './call.js';
import { peerConnectionConfig } from './rtcconfig.js';
import { fromCallState, startsMuted } from './callstate.js';
import { isRefusal } from './access.js';
import { canCall } from './securecontext.js';
import {
  CALL_GONE, PATH_LOST, REJOINING, afterLostSession, awaitsServer, isOver, isUdpUnreachable, outcomeOf, reconnectPlan, resumeRetries,
} from './ending.js';

/** Said instead of asking for a microphone the browser cannot give this page (the page's note links to HTTPS). */
const NEEDS_HTTPS = 'Calls need a secure connection: open this page over HTTPS (see the note at the top).';

/** How long the refresh of the channels' calls after a resume may take: a keep-alive HTTP connection may be as dead as the old socket. */
const RESUME_REFRESH_MS = 5000;

export class CallController {
  constructor(app) {
    this.app = app;
  }

  /** The live state of the call this browser is in. */
  liveCall() {
    const { app } = this;
    return app.call ? app.calls.get(app.call.channel.id) || null : null;
  }

  mySession() {
    const live = this.liveCall();
    return live ? live.sessions[this.app.call.sessionId] || null : null;
  }

  isHost() {
    const live = this.liveCall();
    const { me } = this.app;
    return !!live && (live.host_id === me.id || me.roles === 'system_admin');
  }

  /**
   * Starts or joins the channel's call; leaves the current call first if it is another one. A rejoin
   * (after a resume failed) keeps the mute state the user had; a join takes the channel type's.
   */
  async join(channelId, { muted, rejoining = false } = {}) {
    const { app } = this;
    const channel = app.channelById(channelId);
    if (!channel) {
      return;
    }
    if (!canCall(window)) {
      app.say(NEEDS_HTTPS);
      return;
    }
    if (app.call && !isOver(app.call)) {
      if (app.call.channel.id === channelId) {
        return;
      }
      await app.call.leave();
    }
    app.outcome = null;
    const call = new CallSession({
      socket: app.socket,
      channel,
      rtcConfig: peerConnectionConfig(app.config),
      audioSink: document.getElementById('audio-sink'),
      muted: muted === undefined ? startsMuted(channel.type) : muted,
      rejoining,
    });
    app.call = call;
    app.chat.clearReactions();
    call.addEventListener('change', () => this.callChanged(call));
    call.addEventListener('notice', (e) => app.say(e.detail));
    call.addEventListener('pathlost', () => this.rejoinAfterLostPath(call));
    app.changed();
    try {
      await call.join();
    } catch (e) {
      call.ended();
      app.call = null;
      if (isRefusal(e)) {
        app.session.refuse(e.id, e.message);
      } else {
        app.say(`Could not join the call: ${e.message}`);
      }
      return;
    }
    try {
      const state = await app.socket.request('call_state', { channel_id: channelId });
      if (state) {
        app.calls.set(channelId, fromCallState(state));
      }
    } catch (e) {
      console.warn('calls: call_state', e.id);
    }
    await app.chat.load();
    app.changed();
  }

  callChanged(call) {
    const { app } = this;
    if (call !== app.call) {
      return;
    }
    if (isOver(call)) {
      app.outcome = outcomeOf(call, call.rtcConfig.iceTransportPolicy === 'relay');
      app.call = null;
      this.describeMedia(app.outcome);
    }
    app.changed();
  }

  /** For a media failure, what the ping says about the media server (its UDP port and address), for the admin's checklist. */
  describeMedia(outcome) {
    if (outcome.status === 'failed' && isUdpUnreachable(outcome.error)) {
      api.ping().then((ping) => {
        outcome.media = ping.media;
        this.app.changed();
      }, () => {});
    }
  }

  /**
   * The call's ICE restart found no new path in time (icerestart.js): the session is left and the call joined
   * again with the mute state the user had, as after a failed resume, and the page says why.
   */
  async rejoinAfterLostPath(call) {
    const { app } = this;
    if (call !== app.call || isOver(call)) {
      return;
    }
    app.say(PATH_LOST.message);
    call.ended(PATH_LOST);
    await app.socket.request('leave').catch(() => {});
    await this.join(call.channel.id, { muted: call.muted, rejoining: true });
  }

  async leave() {
    const { app } = this;
    if (app.call) {
      await app.call.leave();
      app.outcome = null;
      app.changed();
    }
  }

  /**
   * A new WebSocket after a drop: the contract's reconnect within 30 s keeps the call's media session.
   * Runs before the socket takes queued requests, so it never waits on them, nor on REST: the page is
   * connected again as soon as the reconnect succeeds, and the refresh of the other calls follows.
   */
  async reattach(previous, lostAt, send, restarted = false) {
    const { app } = this;
    const call = app.call;
    const plan = reconnectPlan(call, lostAt, Date.now());
    if (plan === 'resume') {
      await this.resume(call, previous, send, restarted);
    } else if (plan === 'lost') {
      await this.recover(call.channel.id, call.muted, send, { restarted });
    } else if (awaitsServer(app.outcome)) {
      await this.recover(app.outcome.channelId, app.outcome.muted, send, { outcome: app.outcome, restarted });
    }
    this.refreshCalls(RESUME_REFRESH_MS).then(() => app.changed(), (e) => console.warn('calls: refresh after resume', e.message));
    app.changed();
  }

  async resume(call, previous, send, restarted) {
    try {
      const reply = await send('reconnect', {
        channel_id: call.channel.id,
        original_connection_id: call.originalConnectionId,
        prev_connection_id: previous,
      });
      if (reply && reply.call) {
        this.app.calls.set(call.channel.id, fromCallState(reply.call));
      }
    } catch (e) {
      if (!resumeRetries(e)) {
        await this.recover(call.channel.id, call.muted, send, { restarted });
      }
    }
  }

  /**
   * Our session in the channel's call is lost: a new session in the same call, with the mute state the user
   * had, when the call still runs, or only the server's shutdown ({@code outcome}) or restart
   * ({@code restarted}) ended it; else the page says it ended. The join is queued, not awaited: it goes out
   * once this socket takes requests.
   */
  async recover(channelId, muted, send, { outcome = null, restarted = false } = {}) {
    const { app } = this;
    let state = null;
    try {
      state = await send('call_state', { channel_id: channelId });
    } catch (e) {
      // The new socket failed too: the next one tries again. Any other refusal (the channel archived, the
      // user no longer a member) means there is no call to rejoin.
      if (resumeRetries(e)) {
        return;
      }
    }
    const rejoin = afterLostSession(state, outcome, restarted) === 'rejoin';
    if (app.call && !isOver(app.call)) {
      app.call.ended(rejoin ? REJOINING : CALL_GONE);
    } else if (!rejoin) {
      app.outcome = { ...app.outcome, status: 'ended', error: CALL_GONE };
    }
    if (rejoin) {
      this.join(channelId, { muted, rejoining: true });
    }
  }

  /** The calls running in the user's channels, from REST (at sign-in and after missed events). */
  async refreshCalls(timeoutMs) {
    const active = await api.activeCalls(timeoutMs);
    const next = new Map();
    for (const entry of active) {
      if (entry.call) {
        next.set(entry.channel_id, fromCallState(entry.call));
      }
    }
    this.app.calls = next;
    for (const call of next.values()) {
      Object.values(call.sessions).forEach((s) => this.app.names.userName(s.user_id));
    }
  }

  /** A host control on the live call (see api.host). */
  async host(action, body) {
    const live = this.liveCall();
    if (!live) {
      return;
    }
    try {
      await api.host(live.id, action, body);
    } catch (e) {
      this.app.session.failed(e);
    }
  }

  async copyLink(channelId) {
    const { app } = this;
    let url;
    try {
      url = (await api.callLink(channelId)).url;
    } catch (e) {
      app.session.failed(e);
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      app.say(`Call link copied: ${url}`);
    } catch (e) {
      // No clipboard (an insecure origin, or no permission): show it so it can be copied by hand.
      app.say(`Call link: ${url}`);
    }
  }
}
