// Unit tests of the call-quality warning: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BAD_TO_WARN, GOOD_TO_CLEAR, LOSS_LIMIT, NO_WARNING, RTT_LIMIT_S, countersOf, nextWarning, problemOf, sampleOf,
} from '../../main/webapp/js/callquality.js';

const map = (...stats) => new Map(stats.map((s) => [s.id, s]));
const inbound = (id, packetsReceived, packetsLost) => ({ id, type: 'inbound-rtp', kind: 'audio', packetsReceived, packetsLost });
const pairWithRtt = (currentRoundTripTime) => [
  { id: 'T01', type: 'transport', selectedCandidatePairId: 'CP1' },
  { id: 'CP1', type: 'candidate-pair', localCandidateId: 'L1', remoteCandidateId: 'R1', currentRoundTripTime },
  { id: 'L1', type: 'local-candidate', candidateType: 'host', protocol: 'udp' },
  { id: 'R1', type: 'remote-candidate', candidateType: 'host', protocol: 'udp' },
];

test('the counters add every inbound stream; negative loss (duplicates) counts as none', () => {
  assert.deepEqual(countersOf(map(inbound('IA', 100, 4), inbound('IB', 50, -2), { id: 'O', type: 'outbound-rtp', packetsSent: 9 })),
    { received: 150, lost: 4, rtt: null });
  assert.deepEqual(countersOf(new Map()), { received: 0, lost: 0, rtt: null });
});

test('the round trip comes from the receiver reports, else from the selected pair', () => {
  assert.equal(countersOf(map(...pairWithRtt(0.03))).rtt, 0.03);
  assert.equal(countersOf(map(...pairWithRtt(0.03), { id: 'RI', type: 'remote-inbound-rtp', roundTripTime: 0.2 })).rtt, 0.2);
  assert.equal(countersOf(map(...pairWithRtt(undefined))).rtt, null);
});

test('a sample is the loss over the interval, not since the call began', () => {
  const before = { received: 1000, lost: 0, rtt: 0.02 };
  assert.deepEqual(sampleOf(before, { received: 1090, lost: 10, rtt: 0.04 }), { loss: 0.1, rtt: 0.04 });
  assert.deepEqual(sampleOf(before, { received: 1100, lost: 0, rtt: null }), { loss: 0, rtt: null });
});

test('an interval without packets, or with streams gone, has no loss', () => {
  assert.equal(sampleOf({ received: 10, lost: 1, rtt: null }, { received: 10, lost: 1, rtt: null }).loss, null);
  assert.equal(sampleOf({ received: 500, lost: 5, rtt: null }, { received: 20, lost: 0, rtt: null }).loss, null);
});

test('a sample is bad above the loss or the round-trip limit, and says which', () => {
  assert.equal(problemOf({ loss: LOSS_LIMIT, rtt: RTT_LIMIT_S }), null);
  assert.equal(problemOf({ loss: LOSS_LIMIT + 0.01, rtt: 0.01 }), 'loss');
  assert.equal(problemOf({ loss: 0, rtt: RTT_LIMIT_S + 0.1 }), 'delay');
  assert.equal(problemOf({ loss: null, rtt: null }), null);
});

const BAD = { loss: 0.2, rtt: 0.05 };
const SLOW = { loss: 0, rtt: 0.9 };
const GOOD = { loss: 0, rtt: 0.05 };
const run = (samples, state = NO_WARNING) => samples.reduce(nextWarning, state);

test('the warning shows after enough bad samples in a row, not after one', () => {
  assert.equal(BAD_TO_WARN, 2);
  assert.equal(run([BAD]).warning, null);
  assert.equal(run([BAD, GOOD, BAD]).warning, null);
  assert.equal(run([BAD, BAD]).warning, 'loss');
  assert.equal(run([SLOW, SLOW]).warning, 'delay');
});

test('the warning keeps the reason that raised it and goes after enough good samples in a row', () => {
  assert.equal(GOOD_TO_CLEAR, 2);
  const warned = run([BAD, BAD]);
  assert.equal(run([SLOW, SLOW], warned).warning, 'loss');
  assert.equal(run([GOOD], warned).warning, 'loss');
  assert.equal(run([GOOD, BAD, GOOD], warned).warning, 'loss');
  assert.equal(run([GOOD, GOOD], warned).warning, null);
});
