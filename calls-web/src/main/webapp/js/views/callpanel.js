// The call view: the shared screen large, participants with speaking, mute and hand, reactions, the
// call's thread as a chat, and the controls (with the host's). Built once per call and updated in
// place, so the chat draft, the screen's video element and keyboard focus survive live updates.

import { fill, h, initials } from '../dom.js';
import { orderedSessions } from '../callstate.js';
import { ScreenShare } from '../screenshare.js';
import { channelHead } from './channels.js';
import { icon } from '../icons.js';
import { connectionLabel, qualityWarning } from '../connection.js';

export const REACTIONS = [
  { name: '+1', unified: '1f44d', text: '👍', label: 'thumbs up' },
  { name: 'clap', unified: '1f44f', text: '👏', label: 'clapping' },
  { name: 'joy', unified: '1f602', text: '😂', label: 'laughing' },
  { name: 'heart', unified: '2764-fe0f', text: '❤️', label: 'heart' },
  { name: 'tada', unified: '1f389', text: '🎉', label: 'party' },
  { name: 'open_mouth', unified: '1f62e', text: '😮', label: 'surprised' },
];

export class CallPanel {
  constructor(app, call) {
    this.app = app;
    this.call = call;
    this.chatOpen = false;
    this.head = h('div');
    this.pill = h('span', { class: 'conn-pill', id: 'call-status', role: 'status', 'aria-live': 'polite' });
    this.quality = h('p', { class: 'quality-warning', id: 'call-quality', role: 'status', 'aria-live': 'polite' });
    this.alert = h('div', { class: 'call-alert' });
    this.video = h('video', { autoplay: true, playsinline: true, muted: true, id: 'screen-video' });
    this.video.muted = true;
    this.caption = h('figcaption');
    this.stopShare = h('div', { class: 'screen-actions' });
    this.screen = h('figure', { class: 'screen', hidden: true, 'aria-label': 'Shared screen' }, this.video, this.caption, this.stopShare);
    this.people = h('ul', { class: 'participants', id: 'participants', 'aria-label': 'Participants' });
    this.reactions = h('ul', { class: 'reactions', 'aria-live': 'polite', 'aria-label': 'Reactions' });
    this.posts = h('ol', { class: 'posts', id: 'chat-posts', 'aria-live': 'polite' });
    this.input = h('input', { id: 'chat-input', name: 'message', autocomplete: 'off', maxlength: 4000, placeholder: 'Write to the call…' });
    const form = h('form', {
      class: 'chat-form',
      onsubmit: async (e) => {
        e.preventDefault();
        const text = this.input.value.trim();
        if (text && await app.chat.send(text)) {
          this.input.value = '';
        }
      },
    }, h('label', { for: 'chat-input', class: 'sr-only' }, 'Message to the call'), this.input,
    h('button', { type: 'submit', id: 'chat-send' }, 'Send'));
    this.chat = h('aside', { class: 'chat', 'aria-labelledby': 'chat-title' },
      h('h3', { id: 'chat-title' }, 'Call chat'), this.posts, form);
    this.controls = h('div', { class: 'controls', role: 'toolbar', 'aria-label': 'Call controls' });
    this.root = h('section', { class: 'call-panel', 'aria-labelledby': 'call-title', id: 'call-panel' },
      this.head,
      h('div', { class: 'call-top' }, h('h3', { id: 'call-title' }, 'Call'), this.pill, this.quality),
      this.alert,
      h('div', { class: 'call-main' },
        h('div', { class: 'stage' }, this.screen, this.people, this.reactions),
        this.chat),
      this.controls);
    this.shownStream = null;
    this.renderedPosts = 0;
  }

  update() {
    const { app, call } = this;
    const live = app.calling.liveCall();
    const me = app.calling.mySession();
    const host = app.calling.isHost();
    fill(this.head, channelHead(app, call.channel));
    const connection = connectionLabel(app.socketState, call, call.link.path);
    this.pill.textContent = connection.text;
    this.pill.dataset.state = connection.state;
    this.quality.textContent = qualityWarning(call.status, call.link.warning);
    fill(this.alert, call.remote.autoplayBlocked
      ? h('button', { type: 'button', class: 'primary', 'data-key': 'resume-audio', onclick: () => call.remote.resume() },
        'Your browser held back the call\u2019s sound: turn it on')
      : null);
    this.updateScreen(live, host);
    fill(this.people, orderedSessions(live).map((s) => this.tile(s, live, host)));
    fill(this.reactions, app.chat.reactions.map((r) => h('li', { class: 'reaction' },
      h('span', { class: 'reaction-emoji', 'aria-hidden': 'true' }, r.emoji), `${app.names.userName(r.userId)} reacted ${r.name ? `:${r.name}:` : ''}`)));
    this.updatePosts();
    this.root.classList.toggle('chat-open', this.chatOpen);
    this.updateControls(me, host);
  }

  updateScreen(live, host) {
    const { call, app } = this;
    const sharer = live && live.screen_sharing_session_id;
    const local = call.share.stream && sharer === call.sessionId;
    const stream = local ? call.share.stream : (sharer ? call.remote.screens.get(sharer) : null);
    this.screen.hidden = !sharer;
    this.root.classList.toggle('sharing', !!sharer);
    if (this.shownStream !== stream) {
      this.shownStream = stream;
      this.video.srcObject = stream || null;
      if (stream) {
        this.video.play().catch(() => {});
      }
    }
    const session = sharer && live.sessions[sharer];
    this.caption.textContent = !sharer ? '' : local ? 'You are sharing your screen'
      : `${session ? app.names.userName(session.user_id) : 'Someone'} is sharing their screen${stream ? '' : ' (starting…)'}`;
    fill(this.stopShare, sharer && host && !local
      ? h('button', { type: 'button', 'data-key': 'host-stop-share', onclick: () => app.calling.host('screen-off', { session_id: sharer }) }, 'Stop their share')
      : null);
  }

  tile(s, live, host) {
    const { app, call } = this;
    const name = app.names.userName(s.user_id);
    const you = s.session_id === call.sessionId;
    const isHost = live.host_id === s.user_id;
    const states = [
      s.unmuted ? 'unmuted' : 'muted',
      s.speaking ? 'speaking' : null,
      s.raised_hand ? 'hand raised' : null,
      s.screen_on ? 'sharing the screen' : null,
      isHost ? 'host' : null,
    ].filter(Boolean);
    const classes = ['tile', s.speaking ? 'speaking' : '', s.unmuted ? '' : 'muted', s.raised_hand ? 'hand' : ''].join(' ');
    return h('li', { class: classes, dataset: { session: s.session_id, user: s.user_id } },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name)),
      h('span', { class: 'tile-name' }, you ? `${name} (you)` : name),
      h('span', { class: 'sr-only' }, `: ${states.join(', ')}`),
      h('span', { class: 'tile-icons', 'aria-hidden': 'true' },
        isHost ? h('span', { class: 'badge', title: 'host' }, 'host') : null,
        s.raised_hand ? h('span', { class: 'hand-icon', title: 'hand raised' }, icon('hand')) : null,
        s.screen_on ? h('span', { title: 'sharing' }, icon('screen')) : null,
        h('span', { class: `mic-icon${s.unmuted ? '' : ' off'}`, title: s.unmuted ? 'unmuted' : 'muted' }, icon(s.unmuted ? 'mic' : 'micOff'))),
      host && !you ? this.hostMenu(s, name) : null);
  }

  hostMenu(s, name) {
    const { app } = this;
    const sid = s.session_id;
    const item = (key, label, action, body) => h('button', {
      type: 'button', 'data-key': `${key}-${sid}`, role: 'menuitem',
      onclick: (e) => { e.target.closest('details').open = false; app.calling.host(action, body); },
    }, label);
    return h('details', { class: 'host-menu', 'data-key': `menu-${sid}` },
      h('summary', { 'aria-label': `Host controls for ${name}`, 'data-key': `summary-${sid}` }, '⋯'),
      h('div', { class: 'menu', role: 'menu' },
        s.unmuted ? item('mute', 'Mute', 'mute', { session_id: sid }) : null,
        s.screen_on ? item('screen', 'Stop screen share', 'screen-off', { session_id: sid }) : null,
        s.raised_hand ? item('hand', 'Lower hand', 'lower-hand', { session_id: sid }) : null,
        item('host', 'Make host', 'make', { new_host_id: s.user_id }),
        item('remove', 'Remove from call', 'remove', { session_id: sid })));
  }

  updatePosts() {
    const posts = this.app.chat.thread.posts;
    const atBottom = this.posts.scrollHeight - this.posts.scrollTop - this.posts.clientHeight < 40;
    fill(this.posts, posts.length ? posts.map((p) => h('li', { class: 'post', dataset: { post: p.id } },
      h('span', { class: 'post-author' }, this.app.names.userName(p.user_id)),
      h('time', { datetime: new Date(p.create_at).toISOString() }, new Date(p.create_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })),
      h('p', { class: 'post-text' }, p.message))) : h('li', { class: 'hint' }, 'No messages yet.'));
    if (atBottom || posts.length !== this.renderedPosts) {
      this.posts.scrollTop = this.posts.scrollHeight;
    }
    this.renderedPosts = posts.length;
  }

  /** Who shares their screen when it is someone else (the call has one sharer), else null. */
  otherSharer() {
    const live = this.app.calling.liveCall();
    const sharer = live && live.screen_sharing_session_id;
    if (!sharer || sharer === this.call.sessionId) {
      return null;
    }
    const session = live.sessions[sharer];
    return session ? this.app.names.userName(session.user_id) : 'Someone';
  }

  updateControls(me, host) {
    const { app, call } = this;
    const raised = !!(me && me.raised_hand);
    const active = call.status !== 'ended' && call.status !== 'failed';
    const button = (key, label, onclick, options = {}) => h('button', {
      type: 'button', 'data-key': key, id: `ctl-${key}`, onclick, class: options.class,
      'aria-pressed': options.pressed === undefined ? null : String(options.pressed), disabled: !active,
    }, options.icon ? icon(options.icon) : null, h('span', { class: 'label' }, label));
    fill(this.controls,
      button('mute', call.muted ? 'Unmute' : 'Mute', () => call.setMuted(!call.muted).catch((e) => app.say(e.message)),
        { icon: call.muted ? 'micOff' : 'mic', pressed: call.muted }),
      button('hand', raised ? 'Lower hand' : 'Raise hand', () => call.socket.request(raised ? 'unraise_hand' : 'raise_hand').catch((e) => app.say(e.message)),
        { icon: 'hand', pressed: raised }),
      h('details', { class: 'react-menu', 'data-key': 'react' },
        h('summary', { 'data-key': 'react-summary', id: 'ctl-react' }, icon('smile'), h('span', { class: 'label' }, 'React')),
        h('div', { class: 'menu', role: 'menu', 'aria-label': 'Reactions' }, REACTIONS.map((r) => h('button', {
          type: 'button', role: 'menuitem', 'data-key': `react-${r.name}`, 'aria-label': r.label,
          onclick: (e) => {
            e.target.closest('details').open = false;
            call.socket.request('react', { emoji: { name: r.name, unified: r.unified } }).catch((err) => app.say(err.message));
          },
        }, r.text)))),
      this.otherSharer() ? h('span', { class: 'sharing-note', id: 'ctl-share-note', role: 'status' },
        icon('screen'), h('span', { class: 'label' }, `${this.otherSharer()} is sharing`))
        : ScreenShare.supported() && app.config.allow_screen_sharing
        ? button('share', call.share.stream ? 'Stop sharing' : 'Share screen', () => (call.share.stream ? call.share.stop() : call.share.start())
          .catch((e) => app.say(`Screen share: ${e.message}`)), { icon: 'screen', pressed: !!call.share.stream })
        : null,
      button('chat', 'Chat', () => { this.chatOpen = !this.chatOpen; this.update(); }, { icon: 'chat', pressed: this.chatOpen, class: 'phone-only' }),
      button('copy', 'Copy link', () => app.calling.copyLink(call.channel.id), { icon: 'link' }),
      host ? button('mute-others', 'Mute others', () => app.calling.host('mute-others'), { icon: 'hush' }) : null,
      host ? button('end', 'End call', () => app.calling.host('end'), { icon: 'stop', class: 'danger' }) : null,
      button('leave', 'Leave', () => app.calling.leave(), { icon: 'leave', class: 'danger' }));
  }
}
