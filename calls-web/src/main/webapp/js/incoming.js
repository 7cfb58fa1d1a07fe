// This page's incoming calls: the ringing state fed by the signaling events, the ring tone and the ring's
// timeout, the notifications the events deserve, who declined, and the person's Join and Decline.

import { RING_TIMEOUT_MS, Ringing } from './ringing.js';
import { notificationFor } from './attention.js';
import { channelHash } from './routing.js';

export class IncomingCalls {
  /**
   * @param {{tone: {start, stop, blocked}, notifier: {show, permission, hidden}, now?: () => number,
   *   setTimer?: (fn, ms) => void}} parts
   */
  constructor(app, { tone, notifier, now = () => Date.now(), setTimer = (fn, ms) => setTimeout(fn, ms) }) {
    this.app = app;
    this.tone = tone;
    this.notifier = notifier;
    this.now = now;
    this.setTimer = setTimer;
    this.ringing = new Ringing();
  }

  handle(name, data) {
    const { app } = this;
    const me = app.me ? app.me.id : null;
    if (this.ringing.handle(name, data, me, this.now()) && name === 'calls_ringing') {
      this.setTimer(() => this.timeout(), RING_TIMEOUT_MS);
      if (!app.channelById(data.channel_id)) {
        app.refreshChannels();
      }
    }
    if (name === 'calls_declined' && data.user_id !== me) {
      app.say(`${app.names.userName(data.user_id)} declined the call.`);
    }
    const note = notificationFor(name, data, {
      me,
      hidden: this.notifier.hidden(),
      permission: this.notifier.permission(),
      callThreadId: app.call ? app.chat.thread.id : null,
      userName: (id) => app.names.userName(id),
      channelTitle: (id) => {
        const channel = app.channelById(id);
        return channel ? app.names.channelTitle(channel) : '';
      },
    });
    if (note) {
      this.notifier.show(note);
    }
    this.sync();
  }

  timeout() {
    if (this.ringing.tick(this.now())) {
      this.sync();
      this.app.changed();
    }
  }

  sync() {
    if (this.ringing.current()) {
      this.tone.start();
    } else {
      this.tone.stop();
    }
  }

  /** Answers: the channel opens and its call is joined. */
  async join(rang) {
    const { app } = this;
    this.ringing.stop(rang.callId);
    this.sync();
    if (!app.channelById(rang.channelId)) {
      await app.refreshChannels();
    }
    location.hash = channelHash(rang.channelId);
    app.changed();
    await app.calling.join(rang.channelId);
  }

  /** Declines: the ring stops here at once; the server tells the other members and this user's other pages. */
  async decline(rang) {
    const { app } = this;
    this.ringing.stop(rang.callId);
    this.sync();
    app.changed();
    try {
      await app.socket.request('decline', { channel_id: rang.channelId });
    } catch (e) {
      app.say(`Could not decline the call: ${e.message}`);
    }
  }

  /** The channel is on screen: its missed call is seen. */
  seen(channelId) {
    this.ringing.seen(channelId);
  }
}
