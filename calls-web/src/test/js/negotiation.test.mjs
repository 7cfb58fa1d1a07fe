// Unit tests of the contract's negotiation, the client as the polite peer: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Negotiation } from '../../main/webapp/js/negotiation.js';
import { SignalingError } from '../../main/webapp/js/socket.js';

/** A peer connection's signaling states (WebRTC 1.0), without media; what happens to it is logged. */
class PeerStandIn {
  constructor(log) {
    this.log = log;
    this.signalingState = 'stable';
    this.localDescription = null;
  }

  async setLocalDescription(description) {
    if (description && description.type === 'rollback') {
      this.signalingState = 'stable';
      this.log.push('rollback');
    } else if (this.signalingState === 'stable') {
      this.localDescription = { type: 'offer', sdp: 'our offer' };
      this.signalingState = 'have-local-offer';
    } else {
      this.localDescription = { type: 'answer', sdp: 'our answer' };
      this.signalingState = 'stable';
    }
  }

  async setRemoteDescription({ type, sdp }) {
    this.signalingState = type === 'offer' ? 'have-remote-offer' : 'stable';
    this.log.push(`remote ${sdp}`);
  }

  async addIceCandidate(candidate) {
    this.log.push(`candidate ${candidate.candidate}`);
  }
}

/**
 * The server's side of the sdp action: answers each offer, or refuses the first one with negotiation_glare,
 * or loses the first one with the connection (lost).
 */
function setup({ glare = false, lost = false } = {}) {
  const log = [];
  let offers = 0;
  const socket = {
    request(action, data) {
      log.push(`sent ${data.type}`);
      if (data.type === 'answer') {
        return Promise.resolve(null);
      }
      offers += 1;
      if (glare && offers === 1) {
        return Promise.reject(new SignalingError('negotiation_glare', 'an offer of the server is pending'));
      }
      if (lost && offers === 1) {
        return Promise.reject(new SignalingError('disconnected', 'The signaling connection was lost.'));
      }
      return Promise.resolve({ type: 'answer', sdp: `answer ${offers}` });
    },
  };
  const pc = new PeerStandIn(log);
  return { log, pc, negotiation: new Negotiation(pc, socket, () => log.push('answered')) };
}

const settle = async () => {
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

test('our offer goes to the server and its answer is applied', async () => {
  const { log, pc, negotiation } = setup();
  negotiation.negotiate();
  await settle();
  assert.deepEqual(log, ['sent offer', 'remote answer 1', 'answered']);
  assert.equal(pc.signalingState, 'stable');
});

test('a server offer meeting ours wins: we roll back, answer, and offer again once stable', async () => {
  const { log, pc, negotiation } = setup();
  pc.signalingState = 'have-local-offer';
  negotiation.signal({ type: 'offer', sdp: 'server offer' });
  await settle();
  assert.deepEqual(log, ['rollback', 'remote server offer', 'sent answer', 'sent offer', 'remote answer 1', 'answered']);
  assert.equal(pc.signalingState, 'stable');
});

test('an offer refused with negotiation_glare is made again after answering the server\'s', async () => {
  const { log, negotiation } = setup({ glare: true });
  negotiation.negotiate();
  await settle();
  negotiation.signal({ type: 'offer', sdp: 'server offer' });
  await settle();
  assert.deepEqual(log, ['sent offer', 'rollback', 'remote server offer', 'sent answer', 'sent offer', 'remote answer 2', 'answered']);
});

test('a change while our offer waits for its answer is offered once the answer is in', async () => {
  const { log, pc, negotiation } = setup();
  pc.signalingState = 'have-local-offer';
  negotiation.negotiate();
  await settle();
  assert.deepEqual(log, []);
  negotiation.signal({ type: 'answer', sdp: 'late answer' });
  await settle();
  assert.deepEqual(log, ['remote late answer', 'answered', 'sent offer', 'remote answer 1', 'answered']);
});

test('an answer without an offer of ours is ignored; candidates apply in order, empty ones not at all', async () => {
  const { log, negotiation } = setup();
  negotiation.signal({ type: 'answer', sdp: 'stray answer' });
  negotiation.signal({ type: 'candidate', candidate: { candidate: 'a' } });
  negotiation.signal({ type: 'candidate', candidate: null });
  negotiation.signal({ type: 'candidate', candidate: { candidate: 'b' } });
  await settle();
  assert.deepEqual(log, ['candidate a', 'candidate b']);
});

test('an offer lost with the connection is rolled back and made again, to go out on the resumed connection', async () => {
  const { log, pc, negotiation } = setup({ lost: true });
  negotiation.negotiate();
  await settle();
  assert.deepEqual(log, ['sent offer', 'rollback', 'sent offer', 'remote answer 2', 'answered']);
  assert.equal(pc.signalingState, 'stable');
});
