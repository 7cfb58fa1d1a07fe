// Who is signed in: the page's start (at a call link or anywhere else), sign-in and sign-out, the
// signaling WebSocket of the signed-in user, the call link's checks, and the sign-in expiring.

import { api, ApiError } from './api.js';
import { Signaling } from './socket.js';
import { linkCheckExpired, linkRefusal, refusalRoute, signInRefusal } from './access.js';
import { callLinkChannel, channelHash } from './routing.js';

export class Session {
  constructor(app) {
    this.app = app;
  }

  /** The page opened: at a call link (join after sign-in and the permission check) or anywhere else. */
  async boot() {
    const { app } = this;
    const link = callLinkChannel(new URL(document.baseURI).pathname, location.pathname);
    try {
      app.me = await api.me();
    } catch (e) {
      app.route = { name: 'signin', linkChannelId: link };
      app.changed();
      return;
    }
    await this.signedIn(link);
  }

  /** Signs in from the form: null when signed in (or refused at the call link), else the form's error. */
  async signIn(loginId, password, linkChannelId) {
    try {
      this.app.me = await api.login(loginId, password);
    } catch (e) {
      const refusal = signInRefusal(e, linkChannelId);
      if (refusal) {
        this.refuse(refusal, e.message);
        return null;
      }
      return e instanceof ApiError ? e.message : String(e);
    }
    await this.signedIn(linkChannelId);
    return null;
  }

  async signOut() {
    const { app } = this;
    if (app.call) {
      await app.call.leave();
    }
    app.call = null;
    this.closeSocket();
    await api.logout().catch(() => {});
    app.me = null;
    app.timeline.reset();
    history.replaceState(null, '', document.baseURI);
    app.route = { name: 'signin', linkChannelId: null };
    app.changed();
  }

  async signedIn(linkChannelId) {
    const { app } = this;
    app.names.remember(app.me);
    try {
      [app.config, app.channels] = await Promise.all([api.callsConfig(), api.myChannels()]);
      await app.calling.refreshCalls();
    } catch (e) {
      this.failed(e);
      return;
    }
    this.openSocket();
    if (linkChannelId) {
      await this.openCallLink(linkChannelId);
    } else {
      app.followHash();
    }
  }

  openSocket() {
    const { app } = this;
    const url = new URL('api/v1/websocket', document.baseURI);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new Signaling(url.toString());
    app.socket = socket;
    socket.onReconnect = (previous, lostAt, send, restarted) => app.calling.reattach(previous, lostAt, send, restarted);
    socket.addEventListener('event', (e) => app.events.handle(e.detail.event, e.detail.data || {}));
    socket.addEventListener('gap', () => app.calling.refreshCalls().then(() => app.changed(), () => {}));
    socket.addEventListener('state', (e) => {
      app.socketState = e.detail;
      if (e.detail === 'unauthorized') {
        this.expired();
      }
      app.changed();
    });
    socket.start().catch((e) => console.warn('signaling:', e.message));
  }

  closeSocket() {
    if (this.app.socket) {
      this.app.socket.stop();
      this.app.socket = null;
    }
  }

  /** The call link: check membership, archive and calls switch over REST, then join. */
  async openCallLink(channelId) {
    const { app } = this;
    try {
      await api.callLink(channelId);
      const refusal = linkRefusal(await api.channelCall(channelId), app.config.max_call_participants);
      if (refusal) {
        this.refuse(refusal);
        return;
      }
    } catch (e) {
      if (linkCheckExpired(e)) {
        this.expired(channelId);
      } else {
        this.refuse(e.id, e.message);
      }
      return;
    }
    if (!app.channelById(channelId)) {
      app.channels = await api.myChannels();
    }
    history.replaceState(null, '', new URL(channelHash(channelId), document.baseURI));
    app.route = { name: 'channel', channelId };
    app.changed();
    await app.calling.join(channelId);
  }

  refuse(id, message) {
    this.app.route = refusalRoute(id, message);
    this.app.changed();
  }

  /** The sign-in is no longer valid: back to the sign-in page (at the call link, if one was opened). */
  expired(linkChannelId = null) {
    const { app } = this;
    app.me = null;
    this.closeSocket();
    app.route = { name: 'signin', linkChannelId, expired: true };
    app.changed();
  }

  /** A request failed: an expired sign-in goes back to the sign-in page, anything else is said. */
  failed(e) {
    if (e instanceof ApiError && e.status === 401) {
      this.expired();
      return;
    }
    this.app.say(e.message || String(e));
  }
}
