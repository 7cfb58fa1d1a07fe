// Noticing that a signaling WebSocket died without a FIN or RST (a NAT that forgot it, a cable pulled):
// such a connection looks open until TCP gives up, minutes later. The client pings every 4 s — the server
// answers each, and allows 10 actions a second — and a connection on which no frame at all arrived for
// 8 s is taken for dead: the silence is noticed within 8 s, and a live connection has a pong within 4 s of
// its last frame.

export const PING_INTERVAL_MS = 4000;
export const SILENCE_LIMIT_MS = 8000;
/**
 * After a network change the connection may be bound to an address that is gone: a ping goes out at once and
 * a frame must follow within this limit (a live path answers in far less), so that a dead connection is
 * replaced, and the call resumed on a new one, within about a second rather than 8.
 */
export const PROBE_LIMIT_MS = 1000;

/** The pings and the silence limit of one WebSocket. */
export class KeepAlive {
  /** @param {() => void} silent called once no frame arrived for the silence limit */
  constructor(silent) {
    this.silent = silent;
    this.pingTimer = 0;
    this.silenceTimer = 0;
  }

  /** A frame (or the opening) arrived: the silence limit starts again. */
  heard() {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(this.silent, SILENCE_LIMIT_MS);
  }

  /** Sends ping() every ping interval from now on. */
  ping(ping) {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(ping, PING_INTERVAL_MS);
  }

  /** The network changed: sends ping() now and allows PROBE_LIMIT_MS of silence instead of the silence limit. */
  probe(ping) {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(this.silent, PROBE_LIMIT_MS);
    ping();
  }

  stop() {
    clearInterval(this.pingTimer);
    clearTimeout(this.silenceTimer);
  }
}
