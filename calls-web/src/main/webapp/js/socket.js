// The signaling WebSocket of the contract: actions with increasing seq and exactly one reply each,
// events with a per-connection seq counting up from 0, and automatic reconnection. After a drop the
// client opens a new WebSocket; the owner's onReconnect hook runs first (it sends the contract's
// `reconnect` action while in a call), then requests queued meanwhile go out in order.

import { KeepAlive } from './keepalive.js';

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 3000, 5000];
/** The close code of a server that is going down (RFC 6455 section 7.4.1). */
const GOING_AWAY = 1001;
const REPLY_TIMEOUT_MS = 10000;
const AUTH_FALLBACK_MS = 1500;
const QUEUE_LIMIT_MS = 30000;

/** A FAIL reply ({id, message}), or the loss of the connection before a reply (id "disconnected"). */
export class SignalingError extends Error {
  constructor(id, message) {
    super(message || id);
    this.id = id;
  }
}

export class Signaling extends EventTarget {
  /**
   * @param {string} url the ws(s) URL of /api/v1/websocket
   * @param {() => string|null} token the session token when the page knows it; the cookie authenticates otherwise
   */
  constructor(url, token = () => null) {
    super();
    this.url = url;
    this.token = token;
    this.ws = null;
    this.connectionId = null;
    /** The hello's server_started_at: a new value on a later connection means the server restarted. */
    this.serverStartedAt = null;
    /**
     * Whether a connection was closed with 1001, "going away" (RFC 6455 section 7.4.1): the server is shutting
     * down. Until a new connection says hello.
     */
    this.goingAway = false;
    this.lostAt = 0;
    this.ready = false;
    this.stopped = false;
    this.attempt = 0;
    this.nextSeq = 1;
    this.expectedEventSeq = 0;
    this.pending = new Map();
    this.waiting = [];
    /**
     * (previousConnectionId, lostAtMillis, send, serverRestarted) => Promise, run after a new hello before
     * queued requests.
     */
    this.onReconnect = async () => {};
    this.keepAlive = new KeepAlive(() => {});
    /** Counts lost connections, so that a reconnect hook outlived by its connection does not declare it open. */
    this.losses = 0;
  }

  /** Opens the connection; resolves on the first hello. */
  start() {
    this.stopped = false;
    return new Promise((resolve, reject) => {
      const onState = (e) => {
        if (e.detail === 'open') {
          this.removeEventListener('state', onState);
          resolve();
        } else if (e.detail === 'unauthorized') {
          this.removeEventListener('state', onState);
          reject(new SignalingError('unauthorized', 'The signaling connection was refused.'));
        }
      };
      this.addEventListener('state', onState);
      this.open();
    });
  }

  stop() {
    this.stopped = true;
    this.keepAlive.stop();
    if (this.ws) {
      this.ws.close(1000);
    }
    this.failAll('disconnected', 'Signed out.');
  }

  /** Sends an action; resolves with the OK reply's data, rejects with a SignalingError on FAIL. */
  request(action, data = {}, timeoutMs = REPLY_TIMEOUT_MS) {
    if (this.ready) {
      return this.send(action, data, timeoutMs);
    }
    return new Promise((resolve, reject) => {
      const entry = { run: () => this.send(action, data, timeoutMs).then(resolve, reject) };
      entry.timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        reject(new SignalingError('disconnected', 'The signaling connection is down.'));
      }, QUEUE_LIMIT_MS);
      this.waiting.push(entry);
    });
  }

  send(action, data, timeoutMs) {
    const seq = this.nextSeq++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new SignalingError('timeout', `No reply to ${action}.`));
      }, timeoutMs);
      this.pending.set(seq, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ action, seq, data }));
    });
  }

  open() {
    this.ready = false;
    this.nextSeq = 1;
    this.expectedEventSeq = 0;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    this.keepAlive.stop();
    this.keepAlive = new KeepAlive(() => this.silent(ws));
    const keepAlive = this.keepAlive;
    let authTimer = 0;
    ws.onopen = () => {
      keepAlive.heard();
      // The cookie authenticates the upgrade; a page that holds the token answers the challenge way
      // too when no hello came, e.g. behind a proxy that drops cookies on upgrades.
      authTimer = setTimeout(() => {
        const token = this.token();
        if (token && this.ws === ws && !this.ready) {
          this.sendAuth(ws, token);
        }
      }, AUTH_FALLBACK_MS);
    };
    ws.onmessage = (m) => {
      keepAlive.heard();
      this.receive(m.data);
    };
    ws.onclose = (e) => {
      clearTimeout(authTimer);
      if (this.ws === ws) {
        this.closed(e.code);
      }
    };
    ws.onerror = () => {};
  }

  sendAuth(ws, token) {
    const seq = this.nextSeq++;
    ws.send(JSON.stringify({ seq, action: 'authentication_challenge', data: { token } }));
  }

  receive(text) {
    let msg;
    try {
      msg = JSON.parse(text);
    } catch (e) {
      console.warn('signaling: unreadable frame', e);
      return;
    }
    if (msg.seq_reply !== undefined) {
      const entry = this.pending.get(msg.seq_reply);
      if (!entry) {
        return;
      }
      this.pending.delete(msg.seq_reply);
      clearTimeout(entry.timer);
      if (msg.status === 'OK') {
        entry.resolve(msg.data === undefined ? null : msg.data);
      } else {
        const error = msg.error || {};
        entry.reject(new SignalingError(error.id || 'fail', error.message));
      }
      return;
    }
    if (!msg.event) {
      return;
    }
    if (typeof msg.seq === 'number') {
      if (msg.seq !== this.expectedEventSeq) {
        console.warn(`signaling: event seq ${msg.seq}, expected ${this.expectedEventSeq}`);
        this.dispatchEvent(new CustomEvent('gap'));
      }
      this.expectedEventSeq = msg.seq + 1;
    }
    if (msg.event === 'hello') {
      this.hello(msg.data || {});
      return;
    }
    this.dispatchEvent(new CustomEvent('event', { detail: msg }));
  }

  async hello(data) {
    const previous = this.connectionId;
    this.connectionId = data.connection_id;
    this.goingAway = false;
    const restarted = this.serverStartedAt !== null && data.server_started_at !== this.serverStartedAt;
    this.serverStartedAt = data.server_started_at;
    this.attempt = 0;
    const lostAt = this.lostAt;
    const losses = this.losses;
    // A ping's reply matters only as a frame that keeps the connection alive: a FAIL or timeout is ignored.
    this.keepAlive.ping(() => this.send('ping', {}, REPLY_TIMEOUT_MS).catch(() => {}));
    if (previous) {
      try {
        // Queued requests wait until the hook has re-attached the call; the hook sends directly.
        await this.onReconnect(previous, lostAt, (action, body) => this.send(action, body, REPLY_TIMEOUT_MS), restarted);
      } catch (e) {
        console.warn('signaling: reconnect hook failed', e);
      }
      if (losses !== this.losses) {
        return;
      }
    }
    this.ready = true;
    this.lostAt = 0;
    this.dispatchEvent(new CustomEvent('state', { detail: 'open' }));
    const queued = this.waiting;
    this.waiting = [];
    for (const entry of queued) {
      clearTimeout(entry.timer);
      entry.run();
    }
  }

  /** The network changed: a connection that no longer gets through is noticed within the probe limit (keepalive.js). */
  probe() {
    if (this.ready) {
      this.keepAlive.probe(() => this.send('ping', {}, REPLY_TIMEOUT_MS).catch(() => {}));
    }
  }

  /** Nothing arrived for the silence limit: the connection is treated as lost at once rather than after TCP gives up. */
  silent(ws) {
    if (this.ws === ws && !this.stopped) {
      this.ws = null;
      ws.close();
      this.closed(4000);
    }
  }

  closed(code) {
    // The attempts that fail while the server is down close otherwise (1006): it is still going away.
    this.goingAway = this.goingAway || code === GOING_AWAY;
    this.keepAlive.stop();
    this.losses += 1;
    this.ready = false;
    this.failAll('disconnected', 'The signaling connection was lost.');
    if (this.stopped) {
      this.dispatchEvent(new CustomEvent('state', { detail: 'closed' }));
      return;
    }
    if (code === 1008) {
      this.dispatchEvent(new CustomEvent('state', { detail: 'unauthorized' }));
      return;
    }
    if (!this.lostAt) {
      this.lostAt = Date.now();
    }
    this.dispatchEvent(new CustomEvent('state', { detail: 'reconnecting' }));
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    setTimeout(() => {
      if (!this.stopped) {
        this.open();
      }
    }, delay);
  }

  failAll(id, message) {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(new SignalingError(id, message));
    }
    this.pending.clear();
  }
}
