// How the call this browser is in ends, and what the page then says about it: which events end it and
// with what reason, the outcome kept for the channel page, and whether a new WebSocket may resume it.
// Pure functions over plain objects, so they are unit-tested without a browser.

/** The contract's reconnect window: a session whose WebSocket is back within it keeps its media. */
export const RECONNECT_WINDOW_MS = 30000;

export const REMOVED = { id: 'removed', message: 'The host removed you from the call.' };
export const CALL_ENDED = { id: 'call_ended', message: 'The call has ended.' };
export const CLOSED = { id: 'closed', message: 'The server closed your session in this call.' };
export const SIGNALING_LOST = { id: 'signaling_lost', message: 'The connection to the server was lost for more than 30 seconds.' };

const MEDIA_FAILURES = new Set(['rtc_timeout', 'rtc_failed', 'rtc_consent_lost']);

/** Whether the call is over for this browser (left, ended or failed). */
export function isOver(call) {
  return call.status === 'ended' || call.status === 'failed';
}

/** Whether an end reason is a media failure: the UDP path to the media server failed, which the admin can fix. */
export function isMediaFailure(error) {
  return !!error && MEDIA_FAILURES.has(error.id);
}

/**
 * What an event does to our call: null, or how it ends it ({status: 'failed'|'ended', error}). The server
 * sends our session's error or host_removed before the user_left that takes it out of the call, so
 * the user_left ends it only when nothing said why first.
 */
export function endingOf(call, name, data) {
  const mine = !!data.session_id && data.session_id === call.sessionId;
  switch (name) {
    case 'error':
      return { status: 'failed', error: { id: data.id, message: data.message } };
    case 'host_removed':
      return mine ? { status: 'ended', error: REMOVED } : null;
    case 'call_end':
      return call.callId === data.call_id ? { status: 'ended', error: CALL_ENDED } : null;
    case 'user_left':
      return mine && !isOver(call) ? { status: 'ended', error: CLOSED } : null;
    default:
      return null;
  }
}

/** What the channel page shows once our call is over. */
export function outcomeOf(call) {
  return { channelId: call.channel.id, callId: call.callId, sessionId: call.sessionId, error: call.error, status: call.status };
}

/**
 * The outcome after a later event of its call. A call that ends with our session in it sends our
 * user_left first, then the other sessions' user_left, then call_end: that call_end says better than
 * "closed" why we are out. After our user_left we hear only the call's channel events (user_joined,
 * user_left, call_end), so a user_joined in between means the call went on without us and the outcome stays.
 */
export function explained(outcome, name, data) {
  if (!outcome || outcome.callId !== data.call_id || !outcome.error || outcome.error.id !== CLOSED.id || outcome.settled) {
    return outcome;
  }
  if (name === 'call_end') {
    return { ...outcome, error: CALL_ENDED, status: 'ended' };
  }
  return name === 'user_joined' ? { ...outcome, settled: true } : outcome;
}

/**
 * What a new WebSocket does for our call: nothing when there is no call going on, 'lost' when the old
 * one went more than the reconnect window ago, else 'resume' (the contract's reconnect).
 */
export function reconnectPlan(call, lostAt, now) {
  if (!call || !['joining', 'connected', 'reconnecting'].includes(call.status)) {
    return 'none';
  }
  return now - lostAt > RECONNECT_WINDOW_MS ? 'lost' : 'resume';
}
