// The client's state: who is signed in, their channels and the calls in them, the call this browser is
// in, and the route. Views read it and call its parts — the session (sign-in), the call controller, the
// chat and the names — which change it and say so; the page re-renders on each change.

import { api } from './api.js';
import { Session } from './session.js';
import { CallController } from './callcontroller.js';
import { EventDispatch } from './events.js';
import { NameCache } from './names.js';
import { Chat } from './chat.js';
import { Timeline } from './timeline.js';
import { IncomingCalls } from './incoming.js';
import { RingTone } from './ringtone.js';
import { Notifier } from './notifier.js';
import { channelHash, routeOfHash } from './routing.js';

export class App extends EventTarget {
  constructor() {
    super();
    this.me = null;
    this.config = null;
    this.channels = [];
    /** The live state of the calls in the user's channels, by channel id. */
    this.calls = new Map();
    this.socket = null;
    this.socketState = 'closed';
    /** The call this browser is in (a CallSession), and once it is over what the page says about it. */
    this.call = null;
    this.outcome = null;
    this.route = { name: 'loading' };
    this.notice = '';
    const changed = () => this.changed();
    this.session = new Session(this);
    this.calling = new CallController(this);
    this.events = new EventDispatch(this);
    this.names = new NameCache({ fetchUser: api.user, fetchMembers: api.channelMembers, me: () => this.me, changed });
    this.timeline = new Timeline({ api, failed: (e) => this.session.failed(e), changed });
    /** Calls ringing here and missed, the ring tone and the browser notifications. */
    this.incoming = new IncomingCalls(this, { tone: new RingTone(), notifier: new Notifier(changed) });
    /** How calls ended for everyone (call_end's reason and ended_by), by call id, for the channel page. */
    this.endings = new Map();
    this.chat = new Chat({
      api,
      liveCall: () => this.calling.liveCall(),
      userName: (id) => this.names.userName(id),
      failed: (e) => this.session.failed(e),
      changed,
    });
  }

  changed() {
    this.dispatchEvent(new CustomEvent('change'));
  }

  say(text) {
    this.notice = text;
    this.changed();
  }

  /** Shows the channel the hash names, or home. */
  followHash() {
    this.route = routeOfHash(location.hash, this.channels);
    this.changed();
  }

  openChannelList() {
    history.pushState(null, '', document.baseURI);
    this.route = { name: 'home' };
    this.changed();
  }

  /** Reads the user's channels again (one was created, joined or left) and shows the given one. */
  async showChannel(channelId) {
    await this.refreshChannels();
    location.hash = channelHash(channelId);
    this.followHash();
  }

  /** Reads the user's channels again: someone added the user to one (a post arrived from it), or they left one. */
  async refreshChannels() {
    try {
      this.channels = await api.myChannels();
    } catch (e) {
      this.session.failed(e);
    }
    this.changed();
  }

  channelById(id) {
    return this.channels.find((c) => c.id === id) || null;
  }

  /** The outcome of the last call is read: the channel page no longer shows it. */
  dismissOutcome() {
    this.outcome = null;
    this.changed();
  }
}
