// The channel list (channels, group and direct messages, with their running calls) and a channel's page.

import { h, initials } from '../dom.js';
import { orderedSessions } from '../callstate.js';
import { icon } from '../icons.js';
import { channelHash } from '../routing.js';
import { isRelayUnusable, isUdpUnreachable } from '../ending.js';

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
  return h('nav', { class: 'sidebar', 'aria-label': 'Channels' }, sections);
}

function channelItem(app, channel, selected) {
  const live = app.calls.get(channel.id);
  const sessions = live ? orderedSessions(live) : [];
  const inThisCall = app.call && app.call.channel.id === channel.id;
  const names = [...new Set(sessions.map((s) => app.names.userName(s.user_id)))];
  const callText = live ? `call in progress, ${sessions.length} in it${names.length ? `: ${names.join(', ')}` : ''}` : '';
  return h('li', { class: `channel-item${live ? ' has-call' : ''}`, dataset: { channel: channel.id } },
    h('a', {
      href: channelHash(channel.id),
      'data-key': `nav-${channel.id}`,
      'aria-current': selected ? 'page' : null,
      'aria-label': `${app.names.channelTitle(channel)}${callText ? `, ${callText}` : ''}`,
    },
    h('span', { class: 'channel-icon', 'aria-hidden': 'true' }, channelIcon(channel)),
    h('span', { class: 'channel-name' }, app.names.channelTitle(channel)),
    live ? h('span', { class: `call-badge${inThisCall ? ' mine' : ''}`, 'aria-hidden': 'true', title: callText }, icon('speaker'), String(sessions.length)) : null),
    live && names.length ? h('p', { class: 'call-people', 'aria-hidden': 'true' }, names.join(', ')) : null);
}

export function homePage(app) {
  const running = app.channels.filter((c) => app.calls.has(c.id));
  return h('div', { class: 'page home' },
    h('h2', {}, `Welcome, ${app.me.display_name || app.me.username}`),
    running.length
      ? h('p', {}, `${running.length === 1 ? 'A call is' : `${running.length} calls are`} running in your channels: `,
        running.map((c, i) => [i ? ', ' : '', h('a', { href: channelHash(c.id) }, app.names.channelTitle(c))]), '.')
      : h('p', {}, 'No calls are running in your channels. Pick a channel to start one.'));
}

export function channelPage(app, channel) {
  const live = app.calls.get(channel.id);
  const busyElsewhere = app.call && app.call.channel.id !== channel.id;
  const outcome = app.outcome && app.outcome.channelId === channel.id ? app.outcome : null;
  const sessions = live ? orderedSessions(live) : [];
  const joinLabel = live ? (busyElsewhere ? 'Leave your call and join this one' : 'Join call')
    : (busyElsewhere ? 'Leave your call and start one here' : 'Start call');
  return h('div', { class: 'page channel-page' },
    channelHead(app, channel),
    outcome ? outcomeCard(app, outcome, channel) : null,
    h('section', { class: 'card call-card', 'aria-labelledby': 'call-card-title' },
      h('h3', { id: 'call-card-title' }, live ? 'A call is in progress' : 'No call right now'),
      live ? h('ul', { class: 'people', 'aria-label': 'In the call' },
        sessions.map((s) => h('li', {}, h('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(app.names.userName(s.user_id))),
          app.names.userName(s.user_id)))) : h('p', { class: 'hint' }, 'Start a call and others in this channel can join.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'join-call', 'data-key': 'join', onclick: () => app.calling.join(channel.id) }, joinLabel),
        h('button', { type: 'button', class: 'quiet', 'data-key': 'copy-link', onclick: () => app.calling.copyLink(channel.id) }, 'Copy call link'))));
}

export function channelHead(app, channel) {
  const kind = { O: 'Public channel', P: 'Private channel', D: 'Direct message', G: 'Group message' }[channel.type];
  return h('header', { class: 'channel-head' },
    h('a', { class: 'back phone-only', href: '#', 'aria-label': 'Back to channels',
      onclick: (e) => { e.preventDefault(); app.openChannelList(); } }, '‹'),
    h('h2', { id: 'channel-title' }, h('span', { class: 'channel-icon', 'aria-hidden': 'true' }, channelIcon(channel)), app.names.channelTitle(channel)),
    h('span', { class: 'channel-kind' }, kind));
}

function outcomeCard(app, outcome, channel) {
  const error = outcome.error || {};
  const udp = isUdpUnreachable(error);
  const relay = isRelayUnusable(error);
  const media = outcome.media || {};
  const port = media.udp_port || 'the media port';
  return h('section', { class: `card outcome${udp || relay ? ' problem' : ''}`, role: 'alert', id: 'call-outcome' },
    relay ? [h('h3', {}, 'Could not use the relay (TURN) server'), h('p', {}, error.message)] : udp ? [
      h('h3', {}, 'Could not reach the media server over UDP'),
      h('p', {}, `Your browser reached the server, but no media got through on UDP port ${port} within 10 seconds, so the call was closed.`),
      h('p', {}, 'An administrator should check:'),
      h('ul', {},
        h('li', {}, `UDP port ${port} is open in every firewall between you and the server;`),
        h('li', {}, `the address the server advertises${media.advertised_address ? ` (${media.advertised_address})` : ''} is reachable from your network — behind NAT, set the resource adapter property iceHostOverride to the public address;`),
        h('li', {}, 'nothing else holds that port on the server (the server log says so at start).')),
    ] : h('p', {}, error.message || 'You left the call.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'data-key': 'rejoin', onclick: () => app.calling.join(channel.id) }, 'Join again'),
      h('button', { type: 'button', class: 'quiet', 'data-key': 'dismiss', onclick: () => app.dismissOutcome() }, 'Dismiss')));
}
