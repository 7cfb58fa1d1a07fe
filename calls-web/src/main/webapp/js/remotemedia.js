// The others' forwarded tracks in one call: their voices (and screens' sound) play in audio elements
// under the page's audio sink, their screens are kept by session for the view. Tracks are told apart by
// their msid (see trackLabel).

import { trackLabel } from './callstate.js';

export class RemoteMedia {
  /** @param audioSink the element holding the audio elements; @param changed runs when the view must update */
  constructor(audioSink, changed) {
    this.audioSink = audioSink;
    this.changed = changed;
    /** Audio elements by track id. */
    this.audio = new Map();
    /** Screen streams by the sharer's session id. */
    this.screens = new Map();
    /** The browser's autoplay policy held back a voice: a user gesture must resume it. */
    this.autoplayBlocked = false;
  }

  /** A track event of the peer connection. */
  added({ track, streams }) {
    const label = trackLabel(track.id, streams[0] && streams[0].id);
    const stream = streams[0] || new MediaStream([track]);
    stream.onremovetrack = (e) => this.gone(e.track);
    track.addEventListener('ended', () => this.gone(track));
    if (label.kind === 'voice' || label.kind === 'screen-audio') {
      const element = document.createElement('audio');
      element.autoplay = true;
      element.dataset.session = label.sessionId;
      element.dataset.track = track.id;
      element.srcObject = new MediaStream([track]);
      this.audioSink.append(element);
      this.audio.set(track.id, element);
      element.play().catch(() => {
        this.autoplayBlocked = true;
        this.changed();
      });
    } else if (label.kind === 'screen') {
      this.screens.set(label.sessionId, new MediaStream([track]));
      this.changed();
    }
  }

  gone(track) {
    const element = this.audio.get(track.id);
    if (element) {
      element.srcObject = null;
      element.remove();
      this.audio.delete(track.id);
    }
    const label = trackLabel(track.id, '');
    if (label.kind === 'screen') {
      this.screens.delete(label.sessionId);
      this.changed();
    }
  }

  /** After a user gesture: plays remote audio the browser's autoplay policy held back. */
  resume() {
    this.autoplayBlocked = false;
    for (const element of this.audio.values()) {
      element.play().catch(() => {
        this.autoplayBlocked = true;
      });
    }
    this.changed();
  }

  /** The call is over: no more sound, no screens. */
  clear() {
    for (const element of this.audio.values()) {
      element.srcObject = null;
      element.remove();
    }
    this.audio.clear();
    this.screens.clear();
  }
}
