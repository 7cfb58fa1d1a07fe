// The call widget: while the user looks at other channels, the call goes on and stays at hand here.

import { h } from '../dom.js';
import { orderedSessions } from '../callstate.js';
import { icon } from '../icons.js';
import { channelHash } from '../routing.js';
import { connectionLabel, qualityWarning } from '../connection.js';

export function widgetContent(app) {
  const call = app.call;
  const live = app.calling.liveCall();
  const sessions = orderedSessions(live);
  const speaking = sessions.filter((s) => s.speaking).map((s) => app.names.userName(s.user_id));
  const state = connectionLabel(app.socketState, call, call.link.path).text;
  const warning = qualityWarning(call.status, call.link.warning);
  return [
    h('div', { class: 'widget-info' },
      h('p', { class: 'widget-title' }, icon('speaker'), `Call in ${app.names.channelTitle(call.channel)}`),
      h('p', { class: 'widget-state', role: 'status' }, `${state} · ${sessions.length} in the call`),
      warning ? h('p', { class: 'widget-quality', role: 'status' }, warning) : null,
      h('p', { class: 'widget-speaking' }, speaking.length ? `Speaking: ${speaking.join(', ')}` : '\u00a0')),
    h('div', { class: 'widget-actions' },
      h('button', { type: 'button', 'data-key': 'w-mute', id: 'widget-mute', 'aria-pressed': String(call.muted),
        onclick: () => call.setMuted(!call.muted).catch((e) => app.say(e.message)) }, call.muted ? 'Unmute' : 'Mute'),
      h('a', { class: 'button', href: channelHash(call.channel.id), 'data-key': 'w-open', id: 'widget-open' }, 'Open call'),
      h('button', { type: 'button', class: 'danger', 'data-key': 'w-leave', id: 'widget-leave', onclick: () => app.calling.leave() }, 'Leave')),
  ];
}
