// The sign-in page; at a call link it says that signing in joins the call.

import { h } from '../dom.js';

export function signInView(app) {
  const linked = app.route.linkChannelId;
  const error = h('p', { class: 'form-error', role: 'alert', id: 'signin-error' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, linked ? 'Sign in and join' : 'Sign in');
  const form = h('form', {
    class: 'card signin',
    'aria-labelledby': 'signin-title',
    onsubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      const problem = await app.session.signIn(username.value.trim(), password.value, linked);
      submit.disabled = false;
      if (problem) {
        error.textContent = problem;
        password.select();
      }
    },
  },
  h('h2', { id: 'signin-title' }, linked ? 'Sign in to join the call' : 'Sign in'),
  app.route.expired ? h('p', { class: 'hint' }, 'Your session has ended. Please sign in again.') : null,
  h('label', { for: 'username' }, 'Username'), username,
  h('label', { for: 'password' }, 'Password'), password,
  error,
  submit);
  return h('div', { class: 'centered' }, form);
}
