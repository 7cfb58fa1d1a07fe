// Sharing this browser's screen in a call: the contract's screen_on names the stream first, then the
// renegotiation the new tracks cause carries them. The screen's transceivers are kept and reused for
// the next share, so sharing again does not grow the session description.

export class ScreenShare {
  /** Whether this browser can share a screen: not on a phone, and only with getDisplayMedia. */
  static supported() {
    const phone = (navigator.userAgentData && navigator.userAgentData.mobile)
      || /Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent);
    return !phone && !!(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia);
  }

  /** @param socket Signaling; @param pc () => the call's RTCPeerConnection; @param changed runs when the view must update */
  constructor(socket, pc, changed) {
    this.socket = socket;
    this.pc = pc;
    this.changed = changed;
    /** The shared screen's MediaStream, null when not sharing. */
    this.stream = null;
    this.transceivers = [];
  }

  async start() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: true });
    } catch (e) {
      if (e.name === 'NotAllowedError' || e.name === 'AbortError') {
        throw e;
      }
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true });
    }
    try {
      await this.socket.request('screen_on', { stream_id: stream.id });
    } catch (e) {
      stream.getTracks().forEach((t) => t.stop());
      throw e;
    }
    this.stream = stream;
    for (const track of stream.getTracks()) {
      if (track.kind === 'video') {
        track.contentHint = 'detail';
        track.addEventListener('ended', () => this.stop());
      }
      const reusable = this.transceivers.find((t) => t.sender.track === null && t.receiver.track.kind === track.kind);
      if (reusable) {
        await reusable.sender.replaceTrack(track);
        reusable.sender.setStreams(stream);
        reusable.direction = 'sendonly';
      } else {
        this.transceivers.push(this.pc().addTransceiver(track, { direction: 'sendonly', streams: [stream] }));
      }
    }
    this.changed();
  }

  /** Stops sharing; tell = false when the host already stopped it (host_screen_off). */
  async stop(tell = true) {
    if (!this.stream) {
      return;
    }
    const stream = this.stream;
    this.stream = null;
    stream.getTracks().forEach((t) => t.stop());
    for (const transceiver of this.transceivers) {
      if (transceiver.sender.track) {
        await transceiver.sender.replaceTrack(null);
        transceiver.direction = 'inactive';
      }
    }
    this.changed();
    if (tell) {
      await this.socket.request('screen_off').catch((e) => console.warn('calls: screen_off', e.id));
    }
  }

  /** The call is over: the screen's tracks stop, without a word to the server. */
  release() {
    if (this.stream) {
      this.stream.getTracks().forEach((t) => t.stop());
    }
    this.stream = null;
  }
}
