// The incoming-call dialog: who calls and where, Join and Decline; and the sound's refusal by the browser.

import { h } from '../dom.js';

export function incomingDialog(app) {
  const rang = app.incoming.ringing.current();
  if (!rang) {
    return null;
  }
  const channel = app.channelById(rang.channelId);
  const caller = app.names.userName(rang.callerId);
  return h('div', { class: 'incoming', id: 'incoming-call', role: 'alertdialog', 'aria-labelledby': 'incoming-title',
    'aria-describedby': 'incoming-where', dataset: { call: rang.callId, channel: rang.channelId } },
  h('h2', { id: 'incoming-title' }, `${caller} is calling`),
  h('p', { id: 'incoming-where' }, channel ? app.names.channelTitle(channel) : 'A new conversation'),
  app.incoming.tone.blocked
    ? h('p', { class: 'incoming-muted' }, 'The browser blocked the ring sound: click anywhere on the page to allow it.')
    : null,
  h('div', { class: 'incoming-actions' },
    h('button', { type: 'button', class: 'primary', id: 'incoming-join', 'data-key': 'incoming-join',
      onclick: () => app.incoming.join(rang) }, 'Join'),
    h('button', { type: 'button', class: 'danger', id: 'incoming-decline', 'data-key': 'incoming-decline',
      onclick: () => app.incoming.decline(rang) }, 'Decline')));
}
