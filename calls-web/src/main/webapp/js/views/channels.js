// The channel list (channels, group and direct messages, with their running calls, and the pages that find
// more), the home page and a channel's heading.

import { h } from '../dom.js';
import { orderedSessions } from '../callstate.js';
import { icon } from '../icons.js';
import { channelHash } from '../routing.js';

const SECTIONS = [
  { title: 'Channels', types: ['O', 'P'] },
  { title: 'Group messages', types: ['G'] },
  { title: 'Direct messages', types: ['D'] },
];

function channelIcon(channel) {
  if (channel.type === 'P') {
    return icon('lock');
  }
  return channel.type === 'G' ? icon('group') : channel.type === 'D' ? '@' : '#';
}

export function sidebar(app) {
  const current = app.route.name === 'channel' ? app.route.channelId : null;
  const sections = SECTIONS.map(({ title, types }) => {
    const channels = app.channels.filter((c) => types.includes(c.type) && !c.delete_at);
    if (!channels.length) {
      return null;
    }
    const headingId = `nav-${types[0]}`;
    return h('section', { class: 'nav-section', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, title),
      h('ul', {}, channels.map((c) => channelItem(app, c, c.id === current))));
  });
  return h('nav', { class: 'sidebar', 'aria-label': 'Channels' }, sections, pageLinks(app));
}

/** Where to find more: channels to browse or create, people to message, and for an admin the users page. */
function pageLinks(app) {
  const guest = app.me.roles === 'system_guest';
  const link = (hash, key, text) => h('li', {}, h('a', { href: hash, 'data-key': key, id: key,
    'aria-current': app.route.name === hash.slice(1) ? 'page' : null }, text));
  return h('ul', { class: 'nav-pages' },
    guest ? null : link('#browse', 'nav-browse', '+ Browse or create channels'),
    guest ? null : link('#people', 'nav-people', '+ New message'),
    app.me.roles === 'system_admin' ? link('#admin', 'nav-admin', 'Users') : null);
}

function channelItem(app, channel, selected) {
  const live = app.calls.get(channel.id);
  const sessions = live ? orderedSessions(live) : [];
  const inThisCall = app.call && app.call.channel.id === channel.id;
  const names = [...new Set(sessions.map((s) => app.names.userName(s.user_id)))];
  const missed = app.incoming.ringing.missed.has(channel.id);
  const callText = [live ? `call in progress, ${sessions.length} in it${names.length ? `: ${names.join(', ')}` : ''}` : '',
    missed ? 'missed call' : ''].filter(Boolean).join(', ');
  return h('li', { class: `channel-item${live ? ' has-call' : ''}${missed ? ' missed' : ''}`, dataset: { channel: channel.id } },
    h('a', {
      href: channelHash(channel.id),
      'data-key': `nav-${channel.id}`,
      'aria-current': selected ? 'page' : null,
      'aria-label': `${app.names.channelTitle(channel)}${callText ? `, ${callText}` : ''}`,
    },
    h('span', { class: 'channel-icon', 'aria-hidden': 'true' }, channelIcon(channel)),
    h('span', { class: 'channel-name' }, app.names.channelTitle(channel)),
    live ? h('span', { class: `call-badge${inThisCall ? ' mine' : ''}`, 'aria-hidden': 'true', title: callText }, icon('speaker'), String(sessions.length)) : null,
    missed ? h('span', { class: 'missed-badge', 'aria-hidden': 'true', title: 'Missed call' }, 'Missed') : null),
    live && names.length ? h('p', { class: 'call-people', 'aria-hidden': 'true' }, names.join(', ')) : null);
}

export function homePage(app) {
  const running = app.channels.filter((c) => app.calls.has(c.id));
  return h('div', { class: 'page home' },
    h('h2', {}, `Welcome, ${app.me.display_name || app.me.username}`),
    running.length
      ? h('p', {}, `${running.length === 1 ? 'A call is' : `${running.length} calls are`} running in your channels: `,
        running.map((c, i) => [i ? ', ' : '', h('a', { href: channelHash(c.id) }, app.names.channelTitle(c))]), '.')
      : h('p', {}, 'No calls are running in your channels. Pick a channel to start one.'),
    app.channels.length ? null : h('p', { class: 'hint' }, app.me.roles === 'system_admin'
      ? 'You are in no channels yet: create users on the Users page, then create a channel and add them.'
      : 'You are in no channels yet: browse the public channels, or start a conversation with New message.'));
}

export function channelHead(app, channel) {
  const kind = { O: 'Public channel', P: 'Private channel', D: 'Direct message', G: 'Group message' }[channel.type];
  return h('header', { class: 'channel-head' },
    h('a', { class: 'back phone-only', href: '#', 'aria-label': 'Back to channels',
      onclick: (e) => { e.preventDefault(); app.openChannelList(); } }, '‹'),
    h('h2', { id: 'channel-title' }, h('span', { class: 'channel-icon', 'aria-hidden': 'true' }, channelIcon(channel)), app.names.channelTitle(channel)),
    h('span', { class: 'channel-kind' }, kind));
}
