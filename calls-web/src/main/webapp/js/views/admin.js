// The system admin's users page: create a user, find users by name, reset a password, deactivate and
// reactivate, all through the contract's admin endpoints (which refuse anyone else).

import { fill, h } from '../dom.js';
import { api } from '../api.js';
import { searchBox } from './searchbox.js';

export class AdminPage {
  constructor(app) {
    this.app = app;
    this.users = [];
    /** The user whose new password is being typed, or null. */
    this.resetting = null;
    const field = (id, label, attrs = {}) => [h('label', { for: id }, label), h('input', { id, autocomplete: 'off', ...attrs })];
    this.form = h('form', { class: 'card admin-create', 'aria-labelledby': 'create-user-title', onsubmit: (e) => { e.preventDefault(); this.create(); } },
      h('h2', { id: 'create-user-title' }, 'Create a user'),
      field('new-username', 'Username', { required: true, maxlength: 22 }),
      field('new-display-name', 'Display name', { maxlength: 64 }),
      field('new-password', 'Password', { type: 'password', required: true, autocomplete: 'new-password', minlength: 8 }),
      h('label', { for: 'new-role' }, 'Role'),
      h('select', { id: 'new-role' }, h('option', { value: 'system_user' }, 'User'), h('option', { value: 'system_guest' }, 'Guest'),
        h('option', { value: 'system_admin' }, 'System admin')),
      h('p', { class: 'form-error', role: 'alert', id: 'create-user-error' }),
      h('button', { type: 'submit', class: 'primary', id: 'create-user' }, 'Create user'));
    this.status = h('p', { role: 'status', id: 'admin-status' });
    this.search = searchBox({
      id: 'user-search',
      placeholder: 'Search users',
      ask: api.users,
      use: (users) => {
        this.users = users;
        this.update();
      },
      failed: (e) => app.session.failed(e),
    });
    this.list = h('ul', { class: 'user-list', id: 'user-list', 'aria-label': 'Users' });
    this.password = h('input', { type: 'password', id: 'reset-password', autocomplete: 'new-password', minlength: 8 });
    this.root = h('div', { class: 'page admin-page' },
      app.me.roles === 'system_admin' ? [this.form,
        h('section', { class: 'card', 'aria-labelledby': 'users-title' }, h('h2', { id: 'users-title' }, 'Users'),
          this.status, h('label', { for: 'user-search', class: 'sr-only' }, 'Search users'), this.search.input, this.list)]
        : h('p', {}, 'Only a system administrator manages users.'));
    if (app.me.roles === 'system_admin') {
      this.search.find();
    }
  }

  update() {
    fill(this.list, this.users.map((u) => h('li', { dataset: { user: u.id, username: u.username } },
      h('span', { class: 'user-name' }, `${u.display_name || u.username} (@${u.username})`, u.roles === 'system_admin' ? ' · admin' : '',
        u.roles === 'system_guest' ? ' · guest' : '', u.delete_at ? ' · deactivated' : ''),
      this.resetting === u.id ? h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); this.reset(u); } },
        h('label', { for: 'reset-password', class: 'sr-only' }, `New password for ${u.username}`), this.password,
        h('button', { type: 'submit', class: 'small', id: 'reset-save' }, 'Set password'))
        : h('button', { type: 'button', class: 'quiet small', 'data-key': `reset-${u.id}`, onclick: () => this.startReset(u) }, 'Reset password'),
      u.id === this.app.me.id ? null : h('button', { type: 'button', class: 'quiet small', 'data-key': `active-${u.id}`,
        onclick: () => this.setActive(u, !!u.delete_at) }, u.delete_at ? 'Reactivate' : 'Deactivate'))));
  }

  startReset(user) {
    this.resetting = user.id;
    this.password.value = '';
    this.update();
    this.password.focus();
  }

  async reset(user) {
    await this.act(() => api.resetPassword(user.id, this.password.value), `${user.username}'s password is set; their sign-ins ended.`);
    this.resetting = null;
    this.update();
  }

  setActive(user, active) {
    return this.act(() => api.setActive(user.id, active), `${user.username} is ${active ? 'active again' : 'deactivated'}.`);
  }

  async create() {
    const value = (id) => this.form.querySelector(`#${id}`).value.trim();
    const error = this.form.querySelector('#create-user-error');
    error.textContent = '';
    try {
      const user = await api.createUser({ username: value('new-username'), display_name: value('new-display-name') || undefined,
        password: this.form.querySelector('#new-password').value, roles: value('new-role') });
      this.form.reset();
      this.status.textContent = `Created ${user.username}.`;
      await this.search.find();
    } catch (e) {
      error.textContent = e.message;
    }
  }

  async act(request, done) {
    try {
      await request();
      this.status.textContent = done;
    } catch (e) {
      this.status.textContent = e.message;
    }
    await this.search.find();
  }
}
