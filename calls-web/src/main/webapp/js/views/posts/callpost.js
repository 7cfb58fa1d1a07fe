// A call's root post drawn as its card: while the call runs, who is in it, how long it has run (a clock
// that ticks) and Join; once it ended, "Call ended", when it started, how long it lasted and who took
// part. The call's chat is its thread, which the card opens. What it says comes from callsummary.js.

import { h, initials } from '../../dom.js';
import { callSummary, formatDuration } from '../../callsummary.js';
import { canCall } from '../../securecontext.js';

/**
 * A clock for the running call: it ticks each second while it is on the page and stops once a redraw
 * has replaced it (the timeline puts each post on the page as soon as it is drawn).
 */
function runningClock(startAt) {
  const clock = h('span', { class: 'call-post-duration' }, formatDuration(Date.now() - startAt));
  const timer = setInterval(() => {
    if (!clock.isConnected) {
      clearInterval(timer);
      return;
    }
    clock.textContent = formatDuration(Date.now() - startAt);
  }, 1000);
  return clock;
}

function people(app, ids, label) {
  return h('ul', { class: 'people call-post-people', 'aria-label': label },
    ids.map((id) => h('li', {}, h('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(app.names.userName(id))),
      app.names.userName(id))));
}

export function callPost(app, post) {
  const call = callSummary(post, app.calls.get(post.channel_id), Date.now());
  const started = new Date(call.startAt);
  const startedText = started.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  const openChat = h('button', { type: 'button', class: 'quiet small', 'data-key': `call-chat-${post.id}`,
    onclick: () => app.timeline.openThread(post.id) }, 'Open the call\u2019s chat');
  if (!call.running) {
    return h('div', { class: 'call-post ended', dataset: { callState: 'ended' } },
      h('p', { class: 'call-post-title' }, 'Call ended'),
      h('p', { class: 'call-post-facts' },
        'Started ', h('time', { datetime: started.toISOString() }, startedText), ' \u00b7 lasted ',
        h('span', { class: 'call-post-duration' }, formatDuration(call.durationMs))),
      people(app, call.participants, 'Took part'),
      h('div', { class: 'actions' }, openChat));
  }
  const inIt = app.call && app.call.channel.id === post.channel_id;
  return h('div', { class: 'call-post running', dataset: { callState: 'running' } },
    h('p', { class: 'call-post-title' }, call.title || 'Call in progress', ' \u00b7 ', runningClock(call.startAt)),
    people(app, call.participants, 'In the call'),
    h('div', { class: 'actions' },
      inIt ? h('span', { class: 'hint' }, 'You are in this call.')
        : h('button', { type: 'button', class: 'primary small', 'data-key': `call-join-${post.id}`, disabled: !canCall(window),
          onclick: () => app.calling.join(post.channel_id) }, 'Join'),
      openChat));
}
