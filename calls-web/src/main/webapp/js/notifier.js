// Browser notifications: permission is asked only from the person's click on "Enable notifications",
// never on load; a notification shown focuses the window and opens the channel of its call when clicked.
// What deserves a notification is decided in attention.js.

import { mayAskPermission } from './attention.js';
import { channelHash } from './routing.js';

export class Notifier {
  /** @param {() => void} changed  called once the person answered the permission prompt */
  constructor(changed, win = window) {
    this.changed = changed;
    this.win = win;
  }

  /** The browser's Notification, read each time (a test may wrap it after the page loaded). */
  api() {
    return this.win.Notification || null;
  }

  permission() {
    const api = this.api();
    return api ? api.permission : 'unsupported';
  }

  mayAsk() {
    return mayAskPermission(this.api());
  }

  /** From a click: the browser's prompt. */
  async ask() {
    const api = this.api();
    if (api) {
      await api.requestPermission();
    }
    this.changed();
  }

  hidden() {
    return this.win.document.visibilityState === 'hidden';
  }

  /** Shows {title, body, tag, channelId}. */
  show(note) {
    const api = this.api();
    if (!api) {
      return;
    }
    const shown = new api(note.title, { body: note.body, tag: note.tag });
    shown.onclick = () => {
      this.win.focus();
      this.win.location.hash = channelHash(note.channelId);
      shown.close();
    };
  }
}
