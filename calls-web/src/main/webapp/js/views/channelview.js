// A channel's page for someone not in its call: its heading with the members, the call card, and the
// timeline with its composer and a thread beside it. Built once per channel and updated in place.

import { fill, h } from '../dom.js';
import { channelHead } from './channels.js';
import { callArea } from './callcard.js';
import { MembersPanel } from './members.js';
import { TimelineView } from './timelineview.js';

export class ChannelView {
  constructor(app, channel) {
    this.app = app;
    this.channel = channel;
    this.head = h('div', { class: 'channel-top' });
    this.call = h('div', { class: 'call-area' });
    this.members = null;
    this.membersRegion = h('div');
    this.timeline = new TimelineView(app, channel);
    this.root = h('div', { class: 'page channel-page' }, this.head, this.call, this.membersRegion, this.timeline.root);
  }

  update() {
    const { app, channel } = this;
    fill(this.head, channelHead(app, channel), h('button', {
      type: 'button', class: 'quiet small', id: 'members-toggle', 'data-key': 'members', 'aria-expanded': String(!!this.members),
      onclick: () => this.toggleMembers(),
    }, 'Members'));
    fill(this.call, callArea(app, channel));
    if (this.members) {
      this.members.update();
    }
    this.timeline.update();
  }

  toggleMembers() {
    this.members = this.members ? null : new MembersPanel(this.app, this.channel);
    fill(this.membersRegion, this.members ? this.members.root : null);
    this.update();
  }
}
