// A channel's call as its page shows it to someone not in it: the call card (who is in it, Start or Join,
// the call link) and, once this browser's call is over, what happened to it.

import { h, initials } from '../dom.js';
import { orderedSessions } from '../callstate.js';
import { isRelayUnusable, isUdpUnreachable } from '../ending.js';
import { endedBySentence, overForEveryone } from '../callend.js';
import { canCall } from '../securecontext.js';

/** The outcome of this browser's last call in the channel (if any) and the channel's call card. */
export function callArea(app, channel) {
  const outcome = app.outcome && app.outcome.channelId === channel.id ? app.outcome : null;
  return [outcome ? outcomeCard(app, outcome) : null, callCard(app, channel, outcome)];
}

function callCard(app, channel, outcome) {
  const live = app.calls.get(channel.id);
  const busyElsewhere = app.call && app.call.channel.id !== channel.id;
  const sessions = live ? orderedSessions(live) : [];
  const again = outcome && live && live.id === outcome.callId;
  const joinLabel = live ? (busyElsewhere ? 'Leave your call and join this one' : again ? 'Join again' : 'Join call')
    : (busyElsewhere ? 'Leave your call and start one here' : 'Start call');
  const secure = canCall(window);
  return h('section', { class: 'card call-card', 'aria-labelledby': 'call-card-title' },
    h('h3', { id: 'call-card-title' }, live ? 'A call is in progress' : 'No call right now'),
    live ? h('ul', { class: 'people', 'aria-label': 'In the call' },
      sessions.map((s) => h('li', {}, h('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(app.names.userName(s.user_id))),
        app.names.userName(s.user_id)))) : h('p', { class: 'hint' }, 'Start a call and others in this channel can join.'),
    secure ? null : h('p', { class: 'hint' }, 'Calls need a secure (HTTPS) connection: see the note at the top of the page.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'join-call', 'data-key': 'join', disabled: !secure,
        onclick: () => app.calling.join(channel.id) }, joinLabel),
      h('button', { type: 'button', class: 'quiet', 'data-key': 'copy-link', onclick: () => app.calling.copyLink(channel.id) }, 'Copy call link')));
}

/**
 * What happened to this browser's call. Joining again is the call card's one button (Join again while the
 * call runs, Start call once it is over), so this card only explains and can be dismissed.
 */
function outcomeCard(app, outcome) {
  const error = outcome.error || {};
  const udp = isUdpUnreachable(error);
  const relay = isRelayUnusable(error);
  const media = outcome.media || {};
  const port = media.udp_port || 'the media port';
  const ended = overForEveryone(outcome)
    ? [error.message, endedBySentence(app.endings.get(outcome.callId), app.me.id, (id) => app.names.userName(id))].filter(Boolean).join(' ')
    : null;
  return h('section', { class: `card outcome${udp || relay ? ' problem' : ''}`, role: 'alert', id: 'call-outcome' },
    relay ? [h('h3', {}, 'Could not use the relay (TURN) server'), h('p', {}, error.message)] : udp ? [
      h('h3', {}, 'Could not reach the media server over UDP'),
      h('p', {}, `Your browser reached the server, but no media got through on UDP port ${port} within 10 seconds, so the call was closed.`),
      h('p', {}, 'An administrator should check:'),
      h('ul', {},
        h('li', {}, `UDP port ${port} is open in every firewall between you and the server;`),
        h('li', {}, `the address the server advertises${media.advertised_address ? ` (${media.advertised_address})` : ''} is reachable from your network — behind NAT, set the resource adapter property iceHostOverride to the public address;`),
        h('li', {}, 'nothing else holds that port on the server (the server log says so at start).')),
    ] : h('p', {}, ended || error.message || 'You left the call.'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', 'data-key': 'dismiss', onclick: () => app.dismissOutcome() }, 'Dismiss')));
}
