// The signaling events, applied: to the call this browser is in (media, host actions, how it ends), to
// the live state of every call in the user's channels, and to the chat. Everything it touches is
// handed in as the app, so it is unit-tested with plain objects.

import { applyEvent } from './callstate.js';
import { endingOf, explained } from './ending.js';
import { endingOfEvent } from './callend.js';

/** What a host action does to our call, and what the page says about it. */
const HOST_ACTIONS = {
  host_mute: (call) => {
    call.applyMute(true);
    return 'The host muted you.';
  },
  host_screen_off: (call) => {
    call.share.stop(false);
    return 'The host stopped your screen share.';
  },
  host_lower_hand: () => 'The host lowered your hand.',
};

export class EventDispatch {
  constructor(app) {
    this.app = app;
  }

  handle(name, data) {
    const { app } = this;
    const call = app.call;
    app.incoming.handle(name, data);
    switch (name) {
      case 'signal':
        if (call) {
          call.signal(data);
        }
        return;
      case 'posted':
        app.chat.posted(data.post);
        app.timeline.posted(data.post);
        if (data.post && !app.channelById(data.post.channel_id)) {
          app.refreshChannels();
        }
        return;
      case 'post_edited':
        app.timeline.edited(data.post);
        return;
      case 'user_reacted':
        app.chat.react(data);
        return;
      default:
        break;
    }
    if (name === 'call_end') {
      app.endings.set(data.call_id, endingOfEvent(data));
    }
    app.outcome = explained(app.outcome, name, data);
    if (call) {
      this.toOurCall(call, name, data);
    }
    if (data.channel_id) {
      this.toLiveState(name, data);
    }
    app.changed();
  }

  toOurCall(call, name, data) {
    const ending = endingOf(call, name, data);
    if (ending && ending.status === 'failed') {
      call.fail(ending.error);
    } else if (ending) {
      call.ended(ending.error);
    } else if (HOST_ACTIONS[name] && data.session_id === call.sessionId) {
      this.app.say(HOST_ACTIONS[name](call));
    }
  }

  toLiveState(name, data) {
    const { app } = this;
    const after = applyEvent(app.calls.get(data.channel_id) || null, name, data);
    if (after) {
      app.calls.set(data.channel_id, after);
    } else {
      app.calls.delete(data.channel_id);
    }
    if (data.user_id) {
      app.names.userName(data.user_id);
    }
    if (name === 'call_start' && app.call && app.call.channel.id === data.channel_id) {
      app.chat.load().then(() => app.changed());
    }
  }
}
