// A channel's members on its page: who they are, removing them (oneself, or anyone for a channel or
// system admin) and adding people found by name. The server decides; the page offers only what the access
// rules allow. Direct and group messages' members cannot change.

import { fill, h } from '../dom.js';
import { pickable } from '../directory.js';
import { api } from '../api.js';
import { searchBox } from './searchbox.js';

export class MembersPanel {
  constructor(app, channel) {
    this.app = app;
    this.channel = channel;
    this.members = [];
    this.found = [];
    this.list = h('ul', { class: 'member-list', id: 'member-list' });
    this.results = h('ul', { class: 'pick-list', id: 'member-results' });
    this.search = searchBox({
      id: 'member-search',
      placeholder: 'Add people: search by name',
      ask: (term) => (term ? api.users(term) : Promise.resolve([])),
      use: (users) => {
        this.found = pickable(users, app.me.id);
        this.update();
      },
      failed: (e) => app.session.failed(e),
    });
    // Guests may not add people to a public channel; anyone may try in a private one (the server decides).
    const addable = channel.type === 'P' || (channel.type === 'O' && app.me.roles !== 'system_guest');
    this.root = h('section', { class: 'card members', id: 'members', 'aria-labelledby': 'members-title' },
      h('h3', { id: 'members-title' }, 'Members'), this.list,
      addable ? [h('label', { for: 'member-search', class: 'sr-only' }, 'Add people'), this.search.input, this.results] : null);
    this.load();
  }

  async load() {
    try {
      this.members = await api.channelMembers(this.channel.id);
    } catch (e) {
      this.app.session.failed(e);
    }
    this.update();
  }

  update() {
    const { app, channel } = this;
    const mine = this.members.find((m) => m.user_id === app.me.id);
    const admin = (mine && mine.scheme_admin) || app.me.roles === 'system_admin';
    const editable = channel.type === 'O' || channel.type === 'P';
    fill(this.list, this.members.map((m) => {
      const self = m.user_id === app.me.id;
      return h('li', { dataset: { user: m.user_id } },
        h('span', {}, app.names.userName(m.user_id), m.scheme_admin ? ' (channel admin)' : '', self ? ' (you)' : ''),
        editable && (self || admin) ? h('button', { type: 'button', class: 'quiet small', 'data-key': `remove-${m.user_id}`,
          onclick: () => this.remove(m.user_id) }, self ? 'Leave channel' : 'Remove') : null);
    }));
    const memberIds = new Set(this.members.map((m) => m.user_id));
    fill(this.results, this.found.filter((u) => !memberIds.has(u.id)).map((u) => h('li', {},
      h('span', {}, `${u.display_name || u.username} (@${u.username})`),
      h('button', { type: 'button', class: 'small', 'data-key': `add-${u.id}`, onclick: () => this.add(u.id) }, 'Add'))));
  }

  async add(userId) {
    try {
      await api.addMember(this.channel.id, userId);
      this.search.input.value = '';
      this.found = [];
    } catch (e) {
      this.app.session.failed(e);
    }
    await this.load();
  }

  async remove(userId) {
    try {
      await api.removeMember(this.channel.id, userId);
    } catch (e) {
      this.app.session.failed(e);
      return;
    }
    if (userId === this.app.me.id) {
      await this.app.refreshChannels();
      this.app.openChannelList();
      return;
    }
    await this.load();
  }
}
