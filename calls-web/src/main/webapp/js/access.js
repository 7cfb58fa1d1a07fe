// Who may go where: why a call link refuses someone, and which failures mean the sign-in has expired.
// Pure, so it is unit-tested without a browser.

/** Why a join is refused, in words, by the contract's error ids. */
export const REFUSALS = {
  not_member: 'You are not a member of this channel.',
  channel_archived: 'This channel is archived, so its call link no longer works.',
  calls_disabled: 'Calls are turned off in this channel.',
  call_full: 'This call is full.',
  call_busy: 'So many people are joining this call right now that the server could not take you in; try again.',
  user_inactive: 'Your account is deactivated.',
  'api.user.login.inactive': 'Your account is deactivated.',
  'api.channel.not_found': 'This call link does not lead to any channel.',
};

/** The refusal page's route for an error id, with the server's message when the id has no words here. */
export function refusalRoute(id, message) {
  return { name: 'refused', reason: REFUSALS[id] || message || 'You are not allowed to join it.', id };
}

/** Whether a failed join is a refusal (shown as the refusal page) rather than a passing problem. */
export function isRefusal(error) {
  return Object.hasOwn(REFUSALS, error.id);
}

/** At a call link, a deactivated account's failed sign-in is a refusal; elsewhere it is a form error. */
export function signInRefusal(error, linkChannelId) {
  return linkChannelId && error.id === 'api.user.login.inactive' ? error.id : null;
}

/** Whether a call link's check failed because the sign-in expired (a deactivated account is refused instead). */
export function linkCheckExpired(error) {
  return error.status === 401 && error.id !== 'user_inactive';
}

/**
 * Why the call link's channel call cannot be joined, before trying: calls switched off, or the call
 * already holding the server's maximum (0: no maximum); null when it can.
 */
export function linkRefusal(channelCall, maxParticipants) {
  if (!channelCall.enabled) {
    return 'calls_disabled';
  }
  if (maxParticipants > 0 && channelCall.call && channelCall.call.sessions.length >= maxParticipants) {
    return 'call_full';
  }
  return null;
}
