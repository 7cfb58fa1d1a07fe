// Incoming calls (the calls_ringing extension): which call rings here now, which rang and were missed, and
// who declined a call. A ring stops when this user joins the call (from any of their pages: user_joined
// carries their id), declines it (calls_declined of theirs reaches every page of theirs), the call ends,
// or after RING_TIMEOUT_MS. A call that rang and ended without this user joining or declining is missed:
// its channel is marked until the user opens it. Pure state over events and a clock, unit-tested in node.

/** How long an incoming call rings before the dialog closes by itself (the call may still be joined). */
export const RING_TIMEOUT_MS = 30000;

export class Ringing {
  constructor() {
    /** Calls that rang here, by call id: {callId, channelId, callerId, since, status}; status is ringing or silenced. */
    this.rung = new Map();
    /** Channels with a missed call, not opened since. */
    this.missed = new Set();
    /** Who declined, by call id, for the caller's and the other members' pages. */
    this.declines = new Map();
  }

  /** Applies a signaling event for the user {@code me} at time {@code now}; true when anything changed. */
  handle(name, data, me, now) {
    switch (name) {
      case 'calls_ringing':
        if (data.caller_id === me || this.rung.has(data.call_id)) {
          return false;
        }
        this.rung.set(data.call_id, { callId: data.call_id, channelId: data.channel_id, callerId: data.caller_id,
          since: now, status: 'ringing' });
        return true;
      case 'user_joined':
        return data.user_id === me && this.rung.delete(data.call_id);
      case 'calls_declined':
        this.declines.set(data.call_id, [...new Set([...(this.declines.get(data.call_id) || []), data.user_id])]);
        if (data.user_id === me) {
          this.rung.delete(data.call_id);
        }
        return true;
      case 'call_end': {
        const rang = this.rung.get(data.call_id);
        this.declines.delete(data.call_id);
        if (rang) {
          this.rung.delete(data.call_id);
          this.missed.add(rang.channelId);
        }
        return true;
      }
      default:
        return false;
    }
  }

  /** Silences the rings that lasted RING_TIMEOUT_MS; true when one did. Silenced calls can still be missed. */
  tick(now) {
    let changed = false;
    for (const rang of this.rung.values()) {
      if (rang.status === 'ringing' && now - rang.since >= RING_TIMEOUT_MS) {
        rang.status = 'silenced';
        changed = true;
      }
    }
    return changed;
  }

  /** The call that rings now (the first to have rung), or null. */
  current() {
    return [...this.rung.values()].find((r) => r.status === 'ringing') || null;
  }

  /** The user answers or declines on this page: no ring, and not missed, whatever the server says next. */
  stop(callId) {
    return this.rung.delete(callId);
  }

  /** The user opened the channel: its missed call is seen. */
  seen(channelId) {
    return this.missed.delete(channelId);
  }
}
