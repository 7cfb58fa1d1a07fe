// A list of posts as the timeline and a thread show them: who wrote it, when, and its body by type.

import { h, initials } from '../dom.js';
import { postBody } from './posts/index.js';

function when(at) {
  const date = new Date(at);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** One post; `actions` are the buttons beside it (open its thread). */
export function postItem(app, post, actions = null) {
  const author = app.names.userName(post.user_id);
  return h('li', { class: 'post', dataset: { post: post.id } },
    h('span', { class: 'avatar small', 'aria-hidden': 'true' }, initials(author)),
    h('div', { class: 'post-main' },
      h('div', { class: 'post-meta' },
        h('span', { class: 'post-author' }, author),
        h('time', { datetime: new Date(post.create_at).toISOString() }, when(post.create_at)),
        actions),
      postBody(app, post)));
}

/** A composer: a text field and Send; `send` answers whether the message went. */
export function composer({ id, label, placeholder, send }) {
  const input = h('textarea', { id, name: 'message', rows: 2, maxlength: 4000, placeholder, autocomplete: 'off' });
  const form = h('form', {
    class: 'composer',
    onsubmit: async (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (text && await send(text)) {
        input.value = '';
      }
      input.focus();
    },
  }, h('label', { for: id, class: 'sr-only' }, label), input, h('button', { type: 'submit', id: `${id}-send` }, 'Send'));
  // Enter sends, Shift+Enter starts a new line, as in chat clients.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  return form;
}
