// What the channel page says about a call that ended for everyone: who ended it (the call_end event's
// ended_by, an extension), or why. Pure, so it is unit-tested without a browser.

const REASONS = {
  calls_disabled: 'Calls were switched off in this channel.',
  channel_archived: 'The channel was archived.',
};

/** The ending a call_end event tells, kept by call id until the page shows it. */
export function endingOfEvent(data) {
  return { callId: data.call_id, reason: data.reason || '', endedBy: data.ended_by || '' };
}

/** The sentence after "The call has ended." for this ending, or ''. */
export function endedBySentence(ending, meId, userName) {
  if (!ending) {
    return '';
  }
  if (ending.reason === 'host_ended' && ending.endedBy) {
    return ending.endedBy === meId ? 'You ended it for everyone.' : `${userName(ending.endedBy)} ended it for everyone.`;
  }
  return REASONS[ending.reason] || '';
}

/** Whether the call is over for everyone, so there is nothing to join again (a new call can be started). */
export function overForEveryone(outcome) {
  return !!outcome && !!outcome.error && outcome.error.id === 'call_ended';
}
