// The names people see: users' display names, fetched once each, and channels as people say them
// (direct and group messages by the other people's names). Fetching is handed in, so this is
// unit-tested without a server.

export class NameCache {
  /**
   * @param {{fetchUser: (id) => Promise, fetchMembers: (channelId) => Promise, me: () => object, changed: () => void}} options
   *   changed runs when a fetched name arrives, so the views show it
   */
  constructor({ fetchUser, fetchMembers, me, changed }) {
    this.fetchUser = fetchUser;
    this.fetchMembers = fetchMembers;
    this.me = me;
    this.changed = changed;
    this.users = new Map();
    this.requested = new Set();
    /** Group messages' member ids by channel id: null while being fetched. */
    this.groupMembers = new Map();
  }

  /** A user already known, such as the one who signed in. */
  remember(user) {
    this.users.set(user.id, user);
  }

  /** A user's display name; unknown users are fetched once, "Someone" until then. */
  userName(userId) {
    const user = this.users.get(userId);
    if (user) {
      return user.display_name || user.username;
    }
    if (!this.requested.has(userId)) {
      this.requested.add(userId);
      this.fetchUser(userId).then((u) => {
        this.users.set(userId, u);
        this.changed();
      }, () => {});
    }
    return 'Someone';
  }

  /** A group message's members, fetched once; null until they are known. */
  groupMemberIds(channelId) {
    if (!this.groupMembers.has(channelId)) {
      this.groupMembers.set(channelId, null);
      this.fetchMembers(channelId).then((members) => {
        this.groupMembers.set(channelId, members.map((m) => m.user_id));
        this.changed();
      }, () => {});
    }
    return this.groupMembers.get(channelId);
  }

  /** A channel as people say it: direct and group messages by the other people's display names. */
  channelTitle(channel) {
    const me = this.me();
    if (channel.type === 'D') {
      // A direct message's name is its two user ids: the other person is shown by their display name
      // once known (fetched here once), by username until then.
      const other = channel.name.split('__').find((id) => id !== me.id);
      if (other) {
        const name = this.userName(other);
        if (this.users.has(other)) {
          return name;
        }
      }
    }
    if (channel.type === 'G') {
      // The channel's display name lists usernames; the others are shown by display name, in
      // alphabetical order, once every one of them is known.
      const others = (this.groupMemberIds(channel.id) || []).filter((id) => id !== me.id);
      const names = others.map((id) => this.userName(id));
      if (others.length && others.every((id) => this.users.has(id))) {
        return names.sort((a, b) => a.localeCompare(b)).join(', ');
      }
    }
    if (channel.type === 'D' || channel.type === 'G') {
      const others = channel.display_name.split(', ').filter((n) => n !== me.username);
      return others.join(', ') || channel.display_name;
    }
    return channel.display_name;
  }
}
