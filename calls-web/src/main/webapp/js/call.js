// One call's media: the RTCPeerConnection to the server's SFU and the microphone, with the session's
// lifecycle (join, connected, reconnecting, failed, ended). The contract's negotiation, the others'
// forwarded tracks, the screen share, the path and quality read from the statistics and the ICE restart
// after a network change each have their own part (negotiation.js, remotemedia.js, screenshare.js,
// linkmonitor.js, icerestart.js).

import { Negotiation } from './negotiation.js';
import { RemoteMedia } from './remotemedia.js';
import { ScreenShare } from './screenshare.js';
import { LinkMonitor } from './linkmonitor.js';
import { IceRestart, watchNetwork } from './icerestart.js';
import { mediaError, mediaFailure } from './ending.js';

/** The contract's RTC timeout: ICE and DTLS must complete within 10 s of the server's answer. */
const RTC_TIMEOUT_MS = 10000;
/** Margin for the server's answer to arrive before the timeout starts. */
const ANSWER_MARGIN_MS = 2000;
/** A join refused with call_busy (a burst of joins to the call) is tried again this often, this long apart. */
const BUSY_RETRIES = 5;
const BUSY_RETRY_MS = 1000;

export class CallSession extends EventTarget {
  /**
   * @param {object} options socket (Signaling), channel (channel object), rtcConfig (RTCConfiguration, from
   *                 rtcconfig.js), audioSink (element holding the remote audio elements), muted (initial mute state),
   *                 rejoining (whether it replaces a session of the same call that could not be resumed)
   */
  constructor({ socket, channel, rtcConfig, audioSink, muted, rejoining = false }) {
    super();
    this.rejoining = rejoining;
    this.socket = socket;
    this.channel = channel;
    this.rtcConfig = rtcConfig;
    this.muted = muted;
    this.status = 'idle';
    this.error = null;
    this.sessionId = null;
    this.callId = null;
    this.originalConnectionId = null;
    this.pc = null;
    this.mic = null;
    this.micSender = null;
    this.negotiation = null;
    const changed = () => this.dispatchEvent(new CustomEvent('change'));
    this.remote = new RemoteMedia(audioSink, changed);
    this.share = new ScreenShare(socket, () => this.pc, changed);
    this.link = new LinkMonitor(() => this.pc, changed);
    this.restart = new IceRestart({
      restart: () => {
        // The signaling connection may have died with the path (same network): it is checked at once.
        this.socket.probe();
        console.log('rtc: restarting ICE');
        this.pc.restartIce();
      },
      reconnecting: () => this.setStatus('reconnecting'),
      recovered: () => {
        console.log('rtc: ICE restarted');
        this.setStatus('connected');
      },
      gaveUp: () => this.pathLost(),
    });
    this.unwatchNetwork = () => {};
    this.rtcTimer = 0;
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
    this.negotiation = new Negotiation(this.pc, this.socket, () => this.restart.answered(this.pc.connectionState));
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
    this.link.start();
    this.unwatchNetwork = watchNetwork(() => this.restart.networkChanged());
    this.dispatchEvent(new CustomEvent('change'));
  }

  createPeerConnection() {
    const config = this.rtcConfig;
    let pc;
    try {
      pc = new RTCPeerConnection(config);
    } catch (e) {
      console.warn('calls: ICE servers refused by the browser, using none', e);
      pc = new RTCPeerConnection({ ...config, iceServers: [] });
    }
    pc.onnegotiationneeded = () => this.negotiation.negotiate();
    pc.onicecandidate = ({ candidate }) => {
      const data = candidate
        ? { candidate: candidate.candidate, sdp_mid: candidate.sdpMid, sdp_mline_index: candidate.sdpMLineIndex,
            username_fragment: candidate.usernameFragment }
        : { candidate: '', sdp_mid: '', sdp_mline_index: 0 };
      this.socket.request('ice', data).catch((e) => console.debug('calls: ice not delivered', e.id));
    };
    pc.onconnectionstatechange = () => this.connectionChanged();
    pc.ontrack = (e) => this.remote.added(e);
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
    } else if (state === 'failed' && !this.connectedAt) {
      this.fail(mediaFailure(this.socket.ready, this.socket.goingAway));
    }
    // A path that worked and broke is restarted (icerestart.js) rather than given up.
    this.restart.changed(state);
  }

  /**
   * The ICE restart did not bring the path back in time. With the signaling connection up, the call is
   * joined again as a new session ('pathlost', for the controller); with it down too, the server went away.
   */
  pathLost() {
    if (this.socket.ready) {
      this.dispatchEvent(new CustomEvent('pathlost'));
    } else {
      this.fail(mediaFailure(false, this.socket.goingAway));
    }
  }

  rtcTimedOut() {
    if (this.pc && this.pc.connectionState !== 'connected' && this.status !== 'ended') {
      this.fail(mediaError('rtc_timeout'));
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

  /** A `signal` event of the server: an offer, an answer or a candidate. */
  signal(data) {
    if (this.negotiation) {
      this.negotiation.signal(data);
    }
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
    this.link.stop();
    this.restart.stop();
    this.unwatchNetwork();
    if (this.pc) {
      this.pc.onconnectionstatechange = null;
      this.pc.close();
    }
    if (this.mic) {
      this.mic.getTracks().forEach((t) => t.stop());
    }
    this.share.release();
    this.remote.clear();
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
          lastPacketReceivedTimestamp: s.lastPacketReceivedTimestamp || 0,
        });
      }
    });
    return out;
  }
}
