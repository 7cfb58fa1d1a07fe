// Keeping the call when the network under it changes (a laptop moving from Wi-Fi to cable, a VPN coming up):
// the browser restarts ICE (RFC 8445 §9, W3C webrtc-pc restartIce()) and finds a new path to the server,
// while the session, its DTLS association, its mute, hand and screen go on. A path that stays
// disconnected for a short grace (it often comes back by itself), a failed one, or a network change
// restarts it; a restart that does not bring the path back within a bound gives up, and the call falls
// back to rejoining. Pure state over stand-in timers, so it is unit-tested without a browser.

/** How long a disconnected path may come back by itself before a restart (consent checks miss for ~2 s first). */
export const DISCONNECTED_GRACE_MS = 2000;
/** How long a restart may take before the call rejoins instead: a new path is found within a few seconds or not at all. */
export const RESTART_LIMIT_MS = 10000;

export class IceRestart {
  /**
   * @param {object} hooks restart() asks the peer connection for an ICE restart (its negotiationneeded sends
   *   the offer); reconnecting() the path is being restored; recovered() it is back; gaveUp() the restart did
   *   not complete within the limit
   * @param {{setTimeout: Function, clearTimeout: Function}} timers
   */
  constructor(hooks, timers = globalThis) {
    this.hooks = hooks;
    this.timers = timers;
    this.graceTimer = 0;
    this.limitTimer = 0;
    this.restarting = false;
    /** The restart's offer was answered: the path counts as back once it is also connected. */
    this.answeredRestart = false;
    this.connectedOnce = false;
    this.stopped = false;
  }

  /**
   * The peer connection's connection state changed. Before the first connection nothing is restarted: a
   * path that never worked is the connect timeout's to report.
   */
  changed(state) {
    if (this.stopped) {
      return;
    }
    if (state === 'connected' || state === 'completed') {
      this.connectedOnce = true;
      this.clearGrace();
      if (this.restarting && this.answeredRestart) {
        this.done();
      }
    } else if (state === 'disconnected' && this.connectedOnce && !this.restarting && !this.graceTimer) {
      this.graceTimer = this.timers.setTimeout(() => {
        this.graceTimer = 0;
        this.start();
      }, DISCONNECTED_GRACE_MS);
    } else if (state === 'failed' && this.connectedOnce) {
      this.start();
    }
  }

  /**
   * The server answered an offer of ours; during a restart that is the restart's offer (made after
   * restartIce()). {@code state} is the connection state now: a path still connected is back at once.
   */
  answered(state) {
    if (this.restarting) {
      this.answeredRestart = true;
      this.changed(state);
    }
  }

  /** The browser says its network changed (online again, another connection type): the path may be gone. */
  networkChanged() {
    if (!this.stopped && this.connectedOnce) {
      this.start();
    }
  }

  /** Restarts ICE; the limit runs from the first restart of a series, so repeated changes cannot prolong it. */
  start() {
    this.clearGrace();
    this.answeredRestart = false;
    this.hooks.restart();
    if (!this.restarting) {
      this.restarting = true;
      this.hooks.reconnecting();
      this.limitTimer = this.timers.setTimeout(() => this.giveUp(), RESTART_LIMIT_MS);
    }
  }

  done() {
    this.timers.clearTimeout(this.limitTimer);
    this.restarting = false;
    this.answeredRestart = false;
    this.hooks.recovered();
  }

  giveUp() {
    this.stop();
    this.hooks.gaveUp();
  }

  stop() {
    this.stopped = true;
    this.clearGrace();
    this.timers.clearTimeout(this.limitTimer);
  }

  clearGrace() {
    this.timers.clearTimeout(this.graceTimer);
    this.graceTimer = 0;
  }
}

/**
 * Calls onChange when the browser reports a network change: the `online` event (back from no network at all),
 * or another connection type (Network Information API, where the browser exposes the type). Changes of the
 * bandwidth and round-trip estimates the same API reports are not network changes and are ignored.
 * @param {() => void} onChange
 * @param {{window: EventTarget, connection?: EventTarget & {type?: string}}} env the page's window and navigator.connection
 * @returns {() => void} stops watching
 */
export function watchNetwork(onChange, env = { window: globalThis, connection: globalThis.navigator && globalThis.navigator.connection }) {
  const { window, connection } = env;
  let type = connection && connection.type;
  const typeChanged = () => {
    if (connection.type !== type) {
      type = connection.type;
      onChange();
    }
  };
  window.addEventListener('online', onChange);
  if (connection) {
    connection.addEventListener('change', typeChanged);
  }
  return () => {
    window.removeEventListener('online', onChange);
    if (connection) {
      connection.removeEventListener('change', typeChanged);
    }
  };
}
