// Puts the app's state on the page: the route's view, the account bar, the notice and the call widget.

import { fill, h } from '../dom.js';
import { signInView } from './signin.js';
import { refusalView } from './refusal.js';
import { homePage, sidebar } from './channels.js';
import { ChannelView } from './channelview.js';
import { PeoplePage } from './people.js';
import { BrowsePage } from './browse.js';
import { AdminPage } from './admin.js';
import { secureHint } from './securehint.js';
import { CallPanel } from './callpanel.js';
import { widgetContent } from './widget.js';
import { incomingDialog } from './incoming.js';
import { titleOf } from '../attention.js';

const PAGES = { people: PeoplePage, browse: BrowsePage, admin: AdminPage };

export class Renderer {
  constructor(app) {
    this.app = app;
    this.view = document.getElementById('view');
    this.widget = document.getElementById('widget');
    this.notice = document.getElementById('notice');
    this.account = document.getElementById('account');
    this.whoami = document.getElementById('whoami');
    this.secureHint = document.getElementById('secure-hint');
    this.incoming = document.getElementById('incoming');
    this.enableNotifications = document.getElementById('enable-notifications');
    this.shownRoute = null;
    this.shell = null;
    this.panel = null;
    /** The page built for the route shown (a channel's, the people picker…), updated in place: {key, view}. */
    this.page = null;
    document.getElementById('sign-out').addEventListener('click', () => app.session.signOut());
    // The permission prompt comes only from this click, never on load.
    this.enableNotifications.addEventListener('click', () => app.incoming.notifier.ask());
  }

  render() {
    const { app } = this;
    this.account.hidden = !app.me;
    this.whoami.textContent = app.me ? `Signed in as ${app.me.display_name || app.me.username}` : '';
    fill(this.notice, app.notice ? [h('span', {}, app.notice),
      h('button', { type: 'button', class: 'quiet', 'aria-label': 'Dismiss', 'data-key': 'dismiss-notice',
        onclick: () => app.say('') }, '×')] : null);
    fill(this.secureHint, secureHint());
    if (app.route.name === 'channel') {
      app.incoming.seen(app.route.channelId);
    }
    fill(this.incoming, app.me ? incomingDialog(app) : null);
    this.enableNotifications.hidden = !app.me || !app.incoming.notifier.mayAsk();
    document.title = titleOf({ inCall: !!app.call, missed: app.me ? app.incoming.ringing.missed.size : 0 });
    const route = app.route;
    if (route.name === 'signin' || route.name === 'refused' || route.name === 'loading') {
      if (this.shownRoute !== route) {
        this.shownRoute = route;
        this.shell = null;
        this.panel = null;
        this.page = null;
        fill(this.view, route.name === 'signin' ? signInView(app) : route.name === 'refused' ? refusalView(app)
          : h('p', { class: 'loading' }, 'Loading…'));
        const first = this.view.querySelector('[autofocus], h2');
        if (first && route.name === 'signin') {
          first.focus();
        }
      }
      this.widget.hidden = true;
      document.body.dataset.view = route.name;
      return;
    }
    this.shownRoute = route;
    this.renderShell();
  }

  renderShell() {
    const { app } = this;
    if (!this.shell) {
      this.nav = h('div', { class: 'nav-region' });
      this.content = h('section', { class: 'content', 'aria-live': 'off' });
      this.shell = h('div', { class: 'shell' }, this.nav, this.content);
      fill(this.view, this.shell);
    }
    const channel = app.route.name === 'channel' ? app.channelById(app.route.channelId) : null;
    this.shell.classList.toggle('has-channel', !!channel || !!PAGES[app.route.name]);
    fill(this.nav, sidebar(app));
    const call = app.call;
    const inCallHere = call && channel && call.channel.id === channel.id;
    document.body.dataset.view = inCallHere ? 'call' : channel ? 'channel' : PAGES[app.route.name] ? app.route.name : 'home';
    if (inCallHere) {
      if (!this.panel || this.panel.call !== call) {
        this.panel = new CallPanel(app, call);
      }
      if (this.content.firstChild !== this.panel.root) {
        this.content.replaceChildren(this.panel.root);
      }
      this.panel.update();
    } else {
      this.renderPage(channel);
    }
    this.widget.hidden = !(call && !inCallHere);
    if (!this.widget.hidden) {
      fill(this.widget, widgetContent(app));
    }
  }

  /** The route's page: built once for its channel or name, so drafts and search fields survive updates. */
  renderPage(channel) {
    const { app } = this;
    const name = app.route.name;
    if (!channel && !PAGES[name]) {
      this.page = null;
      fill(this.content, homePage(app));
      return;
    }
    const key = channel ? `channel-${channel.id}` : name;
    if (!this.page || this.page.key !== key) {
      this.page = { key, view: channel ? new ChannelView(app, channel) : new PAGES[name](app) };
    }
    if (this.content.firstChild !== this.page.view.root) {
      this.content.replaceChildren(this.page.view.root);
    }
    this.page.view.update();
  }
}
