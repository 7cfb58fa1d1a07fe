// One call's media: the RTCPeerConnection to the server's SFU, the microphone and screen tracks, the
// forwarded tracks of the others, and the contract's negotiation. The server is ICE-lite and sends its
// own offers when other participants' tracks come and go; this client is the polite peer of the W3C
// perfect-negotiation pattern: a server offer that meets a pending offer of ours wins (we roll back and
// answer), and an offer of ours the server refused (negotiation_glare) is made again once stable.

import { trackLabel } from './callstate.js';

/** The contract's RTC timeout: ICE and DTLS must complete within 10 s of the server's answer. */
const RTC_TIMEOUT_MS = 10000;
/** Margin for the server's answer to arrive before the timeout starts. */
const ANSWER_MARGIN_MS = 2000;
/** A join refused with call_busy (a burst of joins to the call) is tried again this often, this long apart. */
const BUSY_RETRIES = 5;
const BUSY_RETRY_MS = 1000;

export class CallSession extends EventTarget {
  /**
   * @param {object} options socket (Signaling), channel (channel object), iceServers (RTCIceServer[]),
   *                 audioSink (element holding the remote audio elements), muted (initial mute state)
   */
  constructor({ socket, channel, iceServers, audioSink, muted }) {
    super();
    this.socket = socket;
    this.channel = channel;
    this.iceServers = iceServers || [];
    this.audioSink = audioSink;
    this.muted = muted;
    this.status = 'idle';
    this.error = null;
    this.sessionId = null;
    this.callId = null;
    this.originalConnectionId = null;
    this.pc = null;
    this.mic = null;
    this.micSender = null;
    this.screen = null;
    this.screenTransceivers = [];
    this.remoteScreens = new Map();
    this.remoteAudio = new Map();
    this.ops = Promise.resolve();
    this.makingOffer = false;
    this.offerAgain = false;
    this.rtcTimer = 0;
    this.autoplayBlocked = false;
    this.joinedAt = 0;
    this.connectedAt = 0;
  }

  setStatus(status, error = null) {
    this.status = status;
    this.error = error;
    this.dispatchEvent(new CustomEvent('change'));
  }

  /** The join action, tried again while the server answers call_busy; other refusals reject at once. */
  async requestJoin() {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.socket.request('join', { channel_id: this.channel.id });
      } catch (e) {
        if (e.id !== 'call_busy' || attempt > BUSY_RETRIES) {
          throw e;
        }
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
  }

  /** Joins: the join action (refusals reject with the server's error id), then the microphone and the first offer. */
  async join() {
    this.setStatus('joining');
    const reply = await this.requestJoin();
    this.joinedAt = Date.now();
    this.sessionId = reply.session_id;
    this.callId = reply.call_id;
    this.originalConnectionId = this.socket.connectionId;
    try {
      this.mic = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (e) {
      this.dispatchEvent(new CustomEvent('notice', { detail: `No microphone: ${e.message}. You can listen but not speak.` }));
    }
    this.pc = this.createPeerConnection();
    const track = this.mic && this.mic.getAudioTracks()[0];
    if (track) {
      track.enabled = !this.muted;
      this.micSender = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [this.mic] }).sender;
    } else {
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
    }
    if (!this.muted) {
      this.socket.request('unmute').catch((e) => console.warn('calls: unmute refused', e));
    }
    this.rtcTimer = setTimeout(() => this.rtcTimedOut(), RTC_TIMEOUT_MS + ANSWER_MARGIN_MS);
    this.dispatchEvent(new CustomEvent('change'));
  }

  createPeerConnection() {
    const config = { iceServers: this.iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };
    let pc;
    try {
      pc = new RTCPeerConnection(config);
    } catch (e) {
      console.warn('calls: ICE servers refused by the browser, using none', e);
      pc = new RTCPeerConnection({ ...config, iceServers: [] });
    }
    pc.onnegotiationneeded = () => this.negotiate();
    pc.onicecandidate = ({ candidate }) => {
      const data = candidate
        ? { candidate: candidate.candidate, sdp_mid: candidate.sdpMid, sdp_mline_index: candidate.sdpMLineIndex,
            username_fragment: candidate.usernameFragment }
        : { candidate: '', sdp_mid: '', sdp_mline_index: 0 };
      this.socket.request('ice', data).catch((e) => console.debug('calls: ice not delivered', e.id));
    };
    pc.onconnectionstatechange = () => this.connectionChanged();
    pc.ontrack = (e) => this.remoteTrack(e);
    return pc;
  }

  connectionChanged() {
    const state = this.pc.connectionState;
    if (state === 'connected') {
      clearTimeout(this.rtcTimer);
      this.connectedAt = this.connectedAt || Date.now();
      console.log('rtc: connected');
      this.setStatus('connected');
    } else if (state === 'disconnected') {
      this.setStatus('reconnecting');
    } else if (state === 'failed') {
      this.fail({ id: 'rtc_failed', message: 'The media connection failed.' });
    }
  }

  rtcTimedOut() {
    if (this.pc && this.pc.connectionState !== 'connected' && this.status !== 'ended') {
      this.fail({ id: 'rtc_timeout', message: 'The media connection could not be established.' });
    }
  }

  /** The call cannot carry media any more: close it locally and keep the error for the view. */
  fail(error) {
    if (this.status === 'ended' || this.status === 'failed') {
      return;
    }
    this.socket.request('leave').catch(() => {});
    this.cleanup();
    this.setStatus('failed', error);
  }

  /** Serializes description changes so that offers, answers and candidates apply in arrival order. */
  chain(step) {
    this.ops = this.ops.then(step).catch((e) => console.warn('calls: negotiation step failed', e));
    return this.ops;
  }

  negotiate() {
    return this.chain(async () => {
      if (!this.pc || this.pc.signalingState !== 'stable') {
        this.offerAgain = true;
        return;
      }
      this.makingOffer = true;
      try {
        await this.pc.setLocalDescription();
      } finally {
        this.makingOffer = false;
      }
      const offer = this.pc.localDescription;
      this.socket.request('sdp', { type: 'offer', sdp: offer.sdp }).then((data) => {
        if (data && data.type === 'answer' && data.sdp) {
          this.applyAnswer(data.sdp);
        }
      }, (e) => {
        // negotiation_glare: the server's own offer is on its way; answer it, then offer again.
        this.offerAgain = true;
        if (e.id !== 'negotiation_glare') {
          console.warn('calls: offer refused', e.id, e.message);
        }
      });
    });
  }

  applyAnswer(sdp) {
    return this.chain(async () => {
      if (!this.pc || this.pc.signalingState !== 'have-local-offer') {
        return;
      }
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
      this.stable();
    });
  }

  /** A `signal` event of the server: an offer, an answer or a candidate. */
  signal(data) {
    if (!this.pc) {
      return;
    }
    if (data.type === 'offer') {
      this.chain(async () => {
        if (this.pc.signalingState !== 'stable') {
          // Polite peer: our pending offer yields to the server's.
          await this.pc.setLocalDescription({ type: 'rollback' });
          this.offerAgain = true;
        }
        await this.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
        await this.pc.setLocalDescription();
        await this.socket.request('sdp', { type: 'answer', sdp: this.pc.localDescription.sdp });
        this.stable();
      });
    } else if (data.type === 'answer') {
      this.applyAnswer(data.sdp);
    } else if (data.type === 'candidate' && data.candidate) {
      this.chain(() => this.pc.addIceCandidate(data.candidate).catch((e) => console.debug('calls: candidate ignored', e)));
    }
  }

  stable() {
    if (this.offerAgain && this.pc && this.pc.signalingState === 'stable') {
      this.offerAgain = false;
      this.negotiate();
    }
  }

  remoteTrack({ track, streams }) {
    const label = trackLabel(track.id, streams[0] && streams[0].id);
    const stream = streams[0] || new MediaStream([track]);
    stream.onremovetrack = (e) => this.remoteTrackGone(e.track);
    track.addEventListener('ended', () => this.remoteTrackGone(track));
    if (label.kind === 'voice' || label.kind === 'screen-audio') {
      const element = document.createElement('audio');
      element.autoplay = true;
      element.dataset.session = label.sessionId;
      element.dataset.track = track.id;
      element.srcObject = new MediaStream([track]);
      this.audioSink.append(element);
      this.remoteAudio.set(track.id, element);
      element.play().catch(() => {
        this.autoplayBlocked = true;
        this.dispatchEvent(new CustomEvent('change'));
      });
    } else if (label.kind === 'screen') {
      this.remoteScreens.set(label.sessionId, new MediaStream([track]));
      this.dispatchEvent(new CustomEvent('change'));
    }
  }

  remoteTrackGone(track) {
    const element = this.remoteAudio.get(track.id);
    if (element) {
      element.srcObject = null;
      element.remove();
      this.remoteAudio.delete(track.id);
    }
    const label = trackLabel(track.id, '');
    if (label.kind === 'screen') {
      this.remoteScreens.delete(label.sessionId);
      this.dispatchEvent(new CustomEvent('change'));
    }
  }

  /** After a user gesture: plays remote audio the browser's autoplay policy held back. */
  resumeAudio() {
    this.autoplayBlocked = false;
    for (const element of this.remoteAudio.values()) {
      element.play().catch(() => {
        this.autoplayBlocked = true;
      });
    }
    this.dispatchEvent(new CustomEvent('change'));
  }

  async setMuted(muted) {
    this.applyMute(muted);
    await this.socket.request(muted ? 'mute' : 'unmute');
  }

  /** Mutes or unmutes the microphone without telling the server (it told us: host_mute). */
  applyMute(muted) {
    this.muted = muted;
    const track = this.mic && this.mic.getAudioTracks()[0];
    if (track) {
      track.enabled = !muted;
    }
    this.dispatchEvent(new CustomEvent('change'));
  }

  static screenShareSupported() {
    const phone = (navigator.userAgentData && navigator.userAgentData.mobile)
      || /Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent);
    return !phone && !!(navigator.mediaDevices && navigator.mediaDevices.getDisplayMedia);
  }

  /** Shares the screen: screen_on names the stream first, then the new offer carries its tracks. */
  async startScreen() {
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
    this.screen = stream;
    for (const track of stream.getTracks()) {
      if (track.kind === 'video') {
        track.contentHint = 'detail';
        track.addEventListener('ended', () => this.stopScreen());
      }
      const reusable = this.screenTransceivers.find((t) => t.sender.track === null && t.receiver.track.kind === track.kind);
      if (reusable) {
        await reusable.sender.replaceTrack(track);
        reusable.sender.setStreams(stream);
        reusable.direction = 'sendonly';
      } else {
        this.screenTransceivers.push(this.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] }));
      }
    }
    this.dispatchEvent(new CustomEvent('change'));
  }

  /** Stops sharing; tell = false when the host already stopped it (host_screen_off). */
  async stopScreen(tell = true) {
    if (!this.screen) {
      return;
    }
    const stream = this.screen;
    this.screen = null;
    stream.getTracks().forEach((t) => t.stop());
    for (const transceiver of this.screenTransceivers) {
      if (transceiver.sender.track) {
        await transceiver.sender.replaceTrack(null);
        transceiver.direction = 'inactive';
      }
    }
    this.dispatchEvent(new CustomEvent('change'));
    if (tell) {
      await this.socket.request('screen_off').catch((e) => console.warn('calls: screen_off', e.id));
    }
  }

  async leave() {
    if (this.status === 'ended') {
      return;
    }
    const socket = this.socket;
    this.cleanup();
    this.setStatus('ended');
    await socket.request('leave').catch(() => {});
  }

  /** The call ended for us (call_end, host_removed, lost signaling): release media, say nothing more to the server. */
  ended(reason) {
    if (this.status === 'ended') {
      return;
    }
    this.cleanup();
    this.setStatus('ended', reason || null);
  }

  cleanup() {
    clearTimeout(this.rtcTimer);
    if (this.pc) {
      this.pc.onconnectionstatechange = null;
      this.pc.close();
    }
    for (const stream of [this.mic, this.screen]) {
      if (stream) {
        stream.getTracks().forEach((t) => t.stop());
      }
    }
    this.screen = null;
    for (const element of this.remoteAudio.values()) {
      element.srcObject = null;
      element.remove();
    }
    this.remoteAudio.clear();
    this.remoteScreens.clear();
  }

  /** Receive statistics of the forwarded tracks, for the connection panel and the end-to-end tests. */
  async inboundStats() {
    if (!this.pc) {
      return [];
    }
    const report = await this.pc.getStats();
    const out = [];
    report.forEach((s) => {
      if (s.type === 'inbound-rtp') {
        out.push({
          kind: s.kind,
          trackIdentifier: s.trackIdentifier || '',
          mid: s.mid,
          packetsReceived: s.packetsReceived || 0,
          bytesReceived: s.bytesReceived || 0,
          totalAudioEnergy: s.totalAudioEnergy || 0,
          audioLevel: s.audioLevel || 0,
          framesDecoded: s.framesDecoded || 0,
        });
      }
    });
    return out;
  }
}
