// Live call state as the client keeps it: the contract's CallState, kept current by applying the
// signaling events to it. Pure functions over plain objects, so they are unit-tested without a browser.

/** The client's form of a CallState from REST or call_state: sessions keyed by session_id, plus who speaks. */
export function fromCallState(state) {
  if (!state) {
    return null;
  }
  const sessions = {};
  for (const s of state.sessions || []) {
    sessions[s.session_id] = {
      session_id: s.session_id,
      user_id: s.user_id,
      unmuted: !!s.unmuted,
      raised_hand: s.raised_hand || 0,
      screen_on: !!s.screen_on,
      speaking: false,
    };
  }
  return {
    id: state.id,
    channel_id: state.channel_id,
    start_at: state.start_at,
    owner_id: state.owner_id,
    host_id: state.host_id,
    thread_id: state.thread_id,
    screen_sharing_session_id: state.screen_sharing_session_id || '',
    sessions,
  };
}

function withSession(call, sessionId, change) {
  const current = call.sessions[sessionId];
  if (!current) {
    return call;
  }
  return { ...call, sessions: { ...call.sessions, [sessionId]: { ...current, ...change } } };
}

/**
 * The call after one event of the contract; null once the call ended. Events for another call, or for
 * sessions this state does not know, leave it unchanged; a user_joined without a known call starts one.
 */
export function applyEvent(call, name, data) {
  if (name === 'call_start') {
    const started = {
      start_at: data.start_at,
      owner_id: data.owner_id,
      host_id: data.host_id,
      thread_id: data.thread_id,
    };
    if (call && call.id === data.call_id) {
      return { ...call, ...started };
    }
    return { id: data.call_id, channel_id: data.channel_id, ...started, screen_sharing_session_id: '', sessions: {} };
  }
  if (!call && name === 'user_joined' && data.call_id) {
    // The contract promises no order among one change's events: the first join's user_joined may come
    // before the call_start it belongs to, which then fills in the rest.
    call = { id: data.call_id, channel_id: data.channel_id, start_at: null, owner_id: null, host_id: null,
      thread_id: null, screen_sharing_session_id: '', sessions: {} };
  }
  if (!call || (data.call_id && data.call_id !== call.id)) {
    return call;
  }
  const sid = data.session_id;
  switch (name) {
    case 'call_end':
      return null;
    case 'user_joined':
      if (call.sessions[sid]) {
        return call;
      }
      return {
        ...call,
        sessions: {
          ...call.sessions,
          [sid]: { session_id: sid, user_id: data.user_id, unmuted: false, raised_hand: 0, screen_on: false, speaking: false },
        },
      };
    case 'user_left':
    case 'host_removed': {
      if (!call.sessions[sid]) {
        return call;
      }
      const sessions = { ...call.sessions };
      delete sessions[sid];
      const sharing = call.screen_sharing_session_id === sid ? '' : call.screen_sharing_session_id;
      return { ...call, sessions, screen_sharing_session_id: sharing };
    }
    case 'user_muted':
      return withSession(call, sid, { unmuted: false, speaking: false });
    case 'user_unmuted':
      return withSession(call, sid, { unmuted: true });
    case 'user_voice_on':
      return withSession(call, sid, { speaking: true });
    case 'user_voice_off':
      return withSession(call, sid, { speaking: false });
    case 'user_screen_on':
      return { ...withSession(call, sid, { screen_on: true }), screen_sharing_session_id: sid };
    case 'user_screen_off':
    case 'host_screen_off': {
      const next = withSession(call, sid, { screen_on: false });
      return call.screen_sharing_session_id === sid ? { ...next, screen_sharing_session_id: '' } : next;
    }
    case 'user_raise_hand':
      return withSession(call, sid, { raised_hand: data.raised_hand || Date.now() });
    case 'user_unraise_hand':
    case 'host_lower_hand':
      return withSession(call, sid, { raised_hand: 0 });
    case 'host_mute':
      return withSession(call, sid, { unmuted: false, speaking: false });
    case 'call_host_changed':
      return { ...call, host_id: data.host_id };
    default:
      return call;
  }
}

/** Sessions in display order: raised hands first (earliest first), then by join order as given. */
export function orderedSessions(call) {
  if (!call) {
    return [];
  }
  const all = Object.values(call.sessions);
  const raised = all.filter((s) => s.raised_hand).sort((a, b) => a.raised_hand - b.raised_hand);
  return raised.concat(all.filter((s) => !s.raised_hand));
}

/** Whether a channel type starts calls muted: channels do, direct and group messages do not (as the reference product). */
export function startsMuted(channelType) {
  return channelType === 'O' || channelType === 'P';
}

/** The kind and owner of a forwarded track from its msid track id (voice_<sid>, screen_<sid>, screen-audio_<sid>). */
export function trackLabel(trackId, streamId) {
  const match = /^(voice|screen|screen-audio)_(.+)$/.exec(trackId || '');
  if (match) {
    return { kind: match[1], sessionId: match[2] };
  }
  return { kind: 'unknown', sessionId: streamId || '' };
}
