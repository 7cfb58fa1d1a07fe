// The contract's negotiation of one peer connection with the server's SFU. The server is ICE-lite and
// sends its own offers when other participants' tracks come and go; this client is the polite peer of
// the W3C perfect-negotiation pattern (WebRTC 1.0's perfect negotiation example): a server offer that meets a pending
// offer of ours wins (we roll back and answer), and an offer of ours the server refused
// (negotiation_glare) is made again once stable. The peer connection and the socket are handed in, so
// this is unit-tested with stand-ins.

export class Negotiation {
  /**
   * @param pc RTCPeerConnection; @param socket Signaling (its request(action, data) promises the reply);
   * @param answered called once the server's answer to an offer of ours is applied
   */
  constructor(pc, socket, answered = () => {}) {
    this.pc = pc;
    this.socket = socket;
    this.answered = answered;
    this.ops = Promise.resolve();
    this.offerAgain = false;
  }

  /** Serializes description changes so that offers, answers and candidates apply in arrival order. */
  chain(step) {
    this.ops = this.ops.then(step).catch((e) => console.warn('calls: negotiation step failed', e));
    return this.ops;
  }

  /** Offers our tracks (on negotiationneeded); while an exchange is under way, once it is done. */
  negotiate() {
    return this.chain(async () => {
      if (this.pc.signalingState !== 'stable') {
        this.offerAgain = true;
        return;
      }
      await this.pc.setLocalDescription();
      const offer = this.pc.localDescription;
      this.socket.request('sdp', { type: 'offer', sdp: offer.sdp }).then((data) => {
        if (data && data.type === 'answer' && data.sdp) {
          this.applyAnswer(data.sdp);
        }
      }, (e) => {
        // negotiation_glare: the server's own offer is on its way; answer it, then offer again.
        this.offerAgain = true;
        if (e.id === 'disconnected' || e.id === 'timeout') {
          this.offerLost();
        } else if (e.id !== 'negotiation_glare') {
          console.warn('calls: offer refused', e.id, e.message);
        }
      });
    });
  }

  /**
   * Our offer went down with the signaling connection (an ICE restart's, when the network change that called
   * for it dropped the WebSocket too): it is rolled back and made again, and the socket sends it once the
   * call is resumed on a new connection.
   */
  offerLost() {
    return this.chain(async () => {
      if (this.pc.signalingState === 'have-local-offer') {
        await this.pc.setLocalDescription({ type: 'rollback' });
      }
    }).then(() => this.stable());
  }

  applyAnswer(sdp) {
    return this.chain(async () => {
      if (this.pc.signalingState !== 'have-local-offer') {
        return;
      }
      await this.pc.setRemoteDescription({ type: 'answer', sdp });
      this.answered();
      this.stable();
    });
  }

  /** A `signal` event of the server: an offer, an answer or a candidate. */
  signal(data) {
    if (data.type === 'offer') {
      return this.chain(async () => {
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
    }
    if (data.type === 'answer') {
      return this.applyAnswer(data.sdp);
    }
    if (data.type === 'candidate' && data.candidate) {
      return this.chain(() => this.pc.addIceCandidate(data.candidate).catch((e) => console.debug('calls: candidate ignored', e)));
    }
    return this.ops;
  }

  stable() {
    if (this.offerAgain && this.pc.signalingState === 'stable') {
      this.offerAgain = false;
      this.negotiate();
    }
  }
}
