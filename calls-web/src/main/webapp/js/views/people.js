// The people picker: find people by name and open a direct message with one of them or a group message
// with several, through the contract's direct and group endpoints.

import { fill, h } from '../dom.js';
import { api } from '../api.js';
import { searchBox } from './searchbox.js';
import { conversationOf, pickable } from '../directory.js';

export class PeoplePage {
  constructor(app) {
    this.app = app;
    this.found = [];
    /** Picked people by id, in the order they were picked. */
    this.picked = new Map();
    this.search = searchBox({
      id: 'people-search',
      placeholder: 'Search by name',
      ask: api.users,
      use: (users) => {
        this.found = pickable(users, app.me.id);
        this.update();
      },
      failed: (e) => app.session.failed(e),
    });
    this.chosen = h('ul', { class: 'chips', id: 'people-picked', 'aria-label': 'Picked' });
    this.results = h('ul', { class: 'pick-list', id: 'people-results', 'aria-label': 'People' });
    this.error = h('p', { class: 'form-error', role: 'alert' });
    this.open = h('button', { type: 'button', class: 'primary', id: 'people-open', onclick: () => this.openConversation() }, 'Open conversation');
    this.root = h('div', { class: 'page people-page' },
      h('h2', {}, 'New message'),
      h('p', { class: 'hint' }, 'Pick one person for a direct message, or up to seven for a group message.'),
      h('label', { for: 'people-search' }, 'People'), this.search.input, this.chosen, this.results, this.error, this.open);
    this.search.find();
  }

  update() {
    fill(this.chosen, [...this.picked.values()].map((u) => h('li', {},
      u.display_name || u.username,
      h('button', { type: 'button', class: 'quiet small', 'aria-label': `Remove ${u.display_name || u.username}`,
        'data-key': `unpick-${u.id}`, onclick: () => this.toggle(u) }, '×'))));
    fill(this.results, this.found.map((u) => h('li', {},
      h('label', {}, h('input', { type: 'checkbox', checked: this.picked.has(u.id), 'data-key': `pick-${u.id}`,
        dataset: { user: u.id }, onchange: () => this.toggle(u) }),
      ` ${u.display_name || u.username} `, h('span', { class: 'hint' }, `@${u.username}`)))));
    this.open.disabled = !this.picked.size;
  }

  toggle(user) {
    if (this.picked.has(user.id)) {
      this.picked.delete(user.id);
    } else {
      this.picked.set(user.id, user);
    }
    this.error.textContent = '';
    this.update();
  }

  async openConversation() {
    const conversation = conversationOf(this.app.me.id, [...this.picked.keys()]);
    if (conversation.error) {
      this.error.textContent = conversation.error;
      return;
    }
    try {
      const channel = await (conversation.kind === 'direct' ? api.direct(conversation.userIds) : api.group(conversation.userIds));
      await this.app.showChannel(channel.id);
    } catch (e) {
      this.error.textContent = e.message;
    }
  }
}
