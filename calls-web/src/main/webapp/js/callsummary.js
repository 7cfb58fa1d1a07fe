// What a call's card says, from its post (type custom_calls, props as the server keeps them) and the
// live state of the channel's call: running or ended, who is or was in it, since when, how long. Pure,
// so it is unit-tested without a browser.

export const CALL_POST_TYPE = 'custom_calls';

/** A duration as a clock reads it: "0:07", "12:03", "1:02:09". Negative spans (clock skew) read 0:00. */
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The distinct users of a live call's sessions, in the order the state holds them (the order they joined). */
function liveUsers(live) {
  return [...new Set(Object.values(live.sessions || {}).map((s) => s.user_id))];
}

/**
 * The card of a call post at `now`: {running, callId, title, startAt, endAt, durationMs, participants}.
 * While it runs, the participants are who is in it now when the live call is this one, else everyone
 * the post lists; once it ended, everyone who took part and the duration the server recorded.
 */
export function callSummary(post, live, now) {
  const props = post.props || {};
  const startAt = props.start_at || post.create_at;
  const endAt = props.end_at || 0;
  const running = !endAt;
  const thisCall = running && live && live.id === props.call_id;
  return {
    running,
    callId: props.call_id || '',
    title: props.title || '',
    startAt,
    endAt,
    durationMs: (running ? now : endAt) - startAt,
    participants: thisCall ? liveUsers(live) : [...(props.participants || [])],
  };
}
