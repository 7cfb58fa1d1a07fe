// The page a call link shows to someone who may not join: no call, no microphone, no media.

import { h } from '../dom.js';
import { icon } from '../icons.js';

export function refusalView(app) {
  return h('div', { class: 'centered' },
    h('section', { class: 'card refusal', 'aria-labelledby': 'refusal-title', id: 'refusal' },
      h('div', { class: 'refusal-icon', 'aria-hidden': 'true' }, icon('blocked')),
      h('h2', { id: 'refusal-title' }, 'You can\u2019t join this call'),
      h('p', { class: 'refusal-reason', id: 'refusal-reason' }, app.route.reason),
      app.route.id === 'not_member'
        ? h('p', { class: 'hint' }, 'Ask someone in the channel to add you, or check that you opened the right link.') : null,
      h('div', { class: 'actions' },
        app.me ? h('a', { class: 'button', href: '#', onclick: (e) => { e.preventDefault(); app.openChannelList(); } }, 'Go to your channels') : null,
        app.me ? h('button', { type: 'button', class: 'quiet', onclick: () => app.session.signOut() }, 'Sign in as someone else')
          : h('a', { class: 'button', href: document.baseURI }, 'Sign in'))));
}
