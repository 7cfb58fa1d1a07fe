// People and channels as the pickers choose them: which conversation a set of picked people opens (a
// direct message for one other person, a group message for two to seven), and a channel's URL name made
// from the name people give it. Pure, so it is unit-tested without a browser.

/** The contract's group message: 3 to 8 people, the one who opens it included. */
export const GROUP_MAX_OTHERS = 7;

/**
 * What opening a conversation with the picked people asks the server: {kind: 'direct'|'group', userIds},
 * or {error} saying why it cannot be opened.
 */
export function conversationOf(meId, pickedIds) {
  const others = [...new Set(pickedIds)].filter((id) => id !== meId);
  if (!others.length) {
    return { error: 'Pick at least one person.' };
  }
  if (others.length > GROUP_MAX_OTHERS) {
    return { error: `A group message has at most ${GROUP_MAX_OTHERS} other people.` };
  }
  return { kind: others.length === 1 ? 'direct' : 'group', userIds: [meId, ...others] };
}

/**
 * A channel name (2 to 64 characters of a-z, 0-9, _ and -, no "__") from its display name; a suffix keeps
 * it unique, since names are taken once.
 */
export function channelNameOf(displayName, suffix) {
  const base = String(displayName || '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'channel';
  return `${base}-${suffix}`.replace(/_{2,}/g, '_');
}

/** The people a search shows in the picker: not the one picking, not deactivated. */
export function pickable(users, meId) {
  return users.filter((u) => u.id !== meId && !u.delete_at);
}
