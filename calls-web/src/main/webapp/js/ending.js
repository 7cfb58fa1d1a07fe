// How the call this browser is in ends, and what the page then says about it: which events end it and
// with what reason, the outcome kept for the channel page, and whether a new WebSocket may resume it.
// Pure functions over plain objects, so they are unit-tested without a browser.

/** The contract's reconnect window: a session whose WebSocket is back within it keeps its media. */
export const RECONNECT_WINDOW_MS = 30000;

export const REMOVED = { id: 'removed', message: 'The host removed you from the call.' };
export const CALL_ENDED = { id: 'call_ended', message: 'The call has ended.' };
export const CLOSED = { id: 'closed', message: 'The server closed your session in this call.' };
/** Our media failed while the signaling connection was down too: the server went away (restarted, crashed, unreachable). */
export const SERVER_GONE = { id: 'server_gone', message: 'The server went away: the connection to it was lost, so your call stopped. This page rejoins the call by itself once the server is back.' };
/** The server ended our call because it was shutting down cleanly (call_end reason server_shutdown): it is rejoined once the server is back. */
export const SERVER_RESTARTING = { id: 'server_restarting', message: 'Server restarting — rejoining…' };
/** The call stopped while this browser could not resume it: it ended meanwhile. */
export const CALL_GONE = { id: 'call_gone', message: 'The call ended while you were disconnected from the server.' };

/**
 * What the page says for each way the media path fails. Only rtc_timeout means no UDP ever got through,
 * which the admin's checklist (firewall, port, advertised address) is for; the others happened to a path
 * that worked, so the server's wording, written for logs, is replaced by words for the user.
 */
const MEDIA_FAILURES = {
  rtc_timeout: 'The media connection could not be established.',
  rtc_failed: 'The media connection to the server broke off after it had worked: your network changed or stopped passing the call\'s traffic. Join again to reconnect.',
  rtc_consent_lost: 'The server stopped hearing from your browser for 30 seconds (your network changed, or something on the way stopped passing the call\'s traffic), so it closed your place in the call. Join again to reconnect.',
};

/**
 * With the relay-only policy every media path goes through a TURN server, so whichever way the media failed,
 * that relay could not be used: the page says so rather than pointing at the media server's UDP port.
 */
const RELAY_FAILURE = 'Your calls go through a relay (TURN) server, and your browser could not use it: the relay refused the credentials it was given, could not be reached, or stopped passing the call\'s traffic. Join again to try once more; if it keeps failing, an administrator should check the TURN servers (turnServers) and their shared secret (turnSecret).';

/** The network changed and the ICE restart found no new path in time: the call is joined again as a new session. */
export const PATH_LOST = { id: 'path_lost', message: 'Your network changed and the call could not find a new way to the server within 10 seconds: rejoining the call…' };

/** Our call is being replaced by a new session in the same call, after its resume failed. */
export const REJOINING = { id: 'rejoining', message: 'Rejoining the call…' };

/** Error ids a failed request reports when the new socket, not the call, is the trouble: the next socket tries again. */
const PASSING_FAILURES = new Set(['disconnected', 'timeout']);

/** Whether the call is over for this browser (left, ended or failed). */
export function isOver(call) {
  return call.status === 'ended' || call.status === 'failed';
}

/** Whether an end reason is that no UDP reached the media server at all, which the admin can fix. */
export function isUdpUnreachable(error) {
  return !!error && error.id === 'rtc_timeout' && !error.relay;
}

/** Whether an end reason is that the relay-only call's TURN server could not be used. */
export function isRelayUnusable(error) {
  return !!error && !!error.relay;
}

/** A media failure (rtc_timeout, rtc_failed, rtc_consent_lost) with the page's words for it. */
export function mediaError(id) {
  return { id, message: MEDIA_FAILURES[id] };
}

/**
 * The media path of a connected call failed: with the signaling connection down too, the server itself went
 * away; restarting, when it closed that connection as going away (the servlet container closes the
 * WebSockets of a shutdown, which may be before the call_end of its drain is sent).
 */
export function mediaFailure(signalingUp, serverGoingAway = false) {
  if (signalingUp) {
    return mediaError('rtc_failed');
  }
  return serverGoingAway ? SERVER_RESTARTING : SERVER_GONE;
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
      return { status: 'failed', error: { id: data.id, message: MEDIA_FAILURES[data.id] || data.message } };
    case 'host_removed':
      return mine ? { status: 'ended', error: REMOVED } : null;
    case 'call_end':
      return call.callId === data.call_id ? { status: 'ended', error: endedBy(data) } : null;
    case 'user_left':
      return mine && !isOver(call) ? { status: 'ended', error: CLOSED } : null;
    default:
      return null;
  }
}

/** Why a call_end ended the call, in the page's words: a clean shutdown of the server is rejoined after it. */
function endedBy(data) {
  return data.reason === 'server_shutdown' ? SERVER_RESTARTING : CALL_ENDED;
}

/**
 * What the channel page shows once our call is over.
 * @param {boolean} relayOnly whether the call's peer connection was relay-only (iceTransportPolicy "relay")
 */
export function outcomeOf(call, relayOnly = false) {
  const error = relayOnly && call.error && MEDIA_FAILURES[call.error.id]
    ? { id: call.error.id, message: RELAY_FAILURE, relay: true }
    : call.error;
  return { channelId: call.channel.id, callId: call.callId, sessionId: call.sessionId, error, status: call.status,
    muted: call.muted };
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
    return { ...outcome, error: endedBy(data), status: 'ended' };
  }
  return name === 'user_joined' ? { ...outcome, settled: true } : outcome;
}

/**
 * What a new WebSocket does for our call: nothing when there is no call going on, 'lost' when the old
 * one went more than the reconnect window ago (the server has let our session go), else 'resume' (the
 * contract's reconnect).
 */
export function reconnectPlan(call, lostAt, now) {
  if (!call || !['joining', 'connected', 'reconnecting'].includes(call.status)) {
    return 'none';
  }
  return now - lostAt > RECONNECT_WINDOW_MS ? 'lost' : 'resume';
}

/** Whether a failed resume is the new socket's failure rather than the call's: the next socket tries again. */
export function resumeRetries(error) {
  return !!error && PASSING_FAILURES.has(error.id);
}

/**
 * After our session in a call was lost: 'rejoin' when the channel's call still runs (its CallState), or when
 * only the server's clean shutdown or its restart (a crash, a kill: {@code serverRestarted}, the hello's
 * server_started_at changed) ended it (the join starts it again); else 'gone': the call ended while we were away.
 */
export function afterLostSession(channelCall, outcome = null, serverRestarted = false) {
  return channelCall || serverRestarted || endedByShutdown(outcome) ? 'rejoin' : 'gone';
}

/** Whether the outcome of a call is waiting for the server to come back, to rejoin the call. */
export function awaitsServer(outcome) {
  return !!outcome && !!outcome.error && (outcome.error.id === SERVER_GONE.id || endedByShutdown(outcome));
}

function endedByShutdown(outcome) {
  return !!outcome && !!outcome.error && outcome.error.id === SERVER_RESTARTING.id;
}
