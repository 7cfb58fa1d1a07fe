// Channels to find and make: create a public or private channel, and browse the public ones to join.

import { fill, h } from '../dom.js';
import { api } from '../api.js';
import { searchBox } from './searchbox.js';
import { channelNameOf } from '../directory.js';

export class BrowsePage {
  constructor(app) {
    this.app = app;
    this.channels = [];
    this.displayName = h('input', { id: 'new-channel-name', required: true, maxlength: 64, autocomplete: 'off' });
    this.privateBox = h('input', { type: 'checkbox', id: 'new-channel-private' });
    this.createError = h('p', { class: 'form-error', role: 'alert', id: 'new-channel-error' });
    this.search = searchBox({
      id: 'browse-search',
      placeholder: 'Search channels',
      ask: api.publicChannels,
      use: (channels) => {
        this.channels = channels;
        this.update();
      },
      failed: (e) => app.session.failed(e),
    });
    this.list = h('ul', { class: 'pick-list', id: 'browse-list', 'aria-label': 'Public channels' });
    this.root = h('div', { class: 'page browse-page' },
      h('form', { class: 'card', 'aria-labelledby': 'new-channel-title', onsubmit: (e) => { e.preventDefault(); this.create(); } },
        h('h2', { id: 'new-channel-title' }, 'Create a channel'),
        h('label', { for: 'new-channel-name' }, 'Name'), this.displayName,
        h('label', { class: 'check' }, this.privateBox, ' Private: only people added to it can see it'),
        this.createError,
        h('button', { type: 'submit', class: 'primary', id: 'new-channel-create' }, 'Create channel')),
      h('section', { class: 'card', 'aria-labelledby': 'browse-title' },
        h('h2', { id: 'browse-title' }, 'Browse public channels'),
        h('label', { for: 'browse-search', class: 'sr-only' }, 'Search channels'), this.search.input, this.list));
    this.search.find();
  }

  update() {
    const { app } = this;
    fill(this.list, this.channels.length ? this.channels.map((c) => {
      const member = !!app.channelById(c.id);
      return h('li', { dataset: { channel: c.id } }, h('span', {}, `# ${c.display_name}`),
        h('button', { type: 'button', class: member ? 'quiet small' : 'small', 'data-key': `browse-${c.id}`,
          onclick: () => (member ? app.showChannel(c.id) : this.join(c.id)) }, member ? 'Open' : 'Join'));
    }) : h('li', { class: 'hint' }, 'No public channels match.'));
  }

  async join(channelId) {
    try {
      await api.addMember(channelId, this.app.me.id);
      await this.app.showChannel(channelId);
    } catch (e) {
      this.app.session.failed(e);
    }
  }

  async create() {
    const displayName = this.displayName.value.trim();
    if (!displayName) {
      return;
    }
    try {
      const suffix = Math.random().toString(36).slice(2, 8);
      const channel = await api.createChannel(channelNameOf(displayName, suffix), displayName, this.privateBox.checked ? 'P' : 'O');
      await this.app.showChannel(channel.id);
    } catch (e) {
      this.createError.textContent = e.message;
    }
  }
}
