// Whether the call's media is in a poor state: packet loss and round-trip time over each polling
// interval, from the peer connection's statistics, and a warning with hysteresis so that it does not
// flicker. Pure, so it is unit-tested with plain objects shaped like an RTCStatsReport.

import { selectedPair } from './mediapath.js';

/**
 * Above 5 % of the packets lost, Opus' loss concealment and in-band FEC no longer hide the gaps: speech
 * audibly breaks up (RFC 6716 §2.1.7: the in-band FEC covers occasional single losses).
 */
export const LOSS_LIMIT = 0.05;
/**
 * Above 500 ms round trip (about 250 ms one way) people talk over each other: ITU-T G.114 puts one-way
 * delay above 150 ms beyond comfortable conversation, and above 400 ms beyond acceptable.
 */
export const RTT_LIMIT_S = 0.5;
/** Samples in a row that must be bad before the warning shows, and good before it goes: one bad interval is a blip. */
export const BAD_TO_WARN = 2;
export const GOOD_TO_CLEAR = 2;

/** The warning's state before any sample. */
export const NO_WARNING = Object.freeze({ warning: null, bad: 0, good: 0 });

/**
 * The cumulative counters and latest round-trip time of a report: packets received and lost by every
 * inbound RTP stream, and the round-trip time the server's receiver reports give for what we send
 * (remote-inbound-rtp), else the selected candidate pair's (its STUN consent checks).
 * @param {Map<string, object>} report an RTCStatsReport
 * @returns {{received: number, lost: number, rtt: number|null}}
 */
export function countersOf(report) {
  let received = 0;
  let lost = 0;
  let rtt = null;
  report.forEach((s) => {
    if (s.type === 'inbound-rtp') {
      received += s.packetsReceived || 0;
      lost += Math.max(0, s.packetsLost || 0);
    } else if (s.type === 'remote-inbound-rtp' && typeof s.roundTripTime === 'number') {
      rtt = Math.max(rtt || 0, s.roundTripTime);
    }
  });
  if (rtt === null) {
    const selected = selectedPair(report);
    const pairRtt = selected && selected.pair.currentRoundTripTime;
    rtt = typeof pairRtt === 'number' ? pairRtt : null;
  }
  return { received, lost, rtt };
}

/**
 * One interval's sample, from the counters at its start and its end: the share of packets lost (null when
 * none were expected, as while nobody speaks) and the round-trip time. Streams that went away make the
 * counters fall: that interval's loss is unknown.
 */
export function sampleOf(before, after) {
  const received = after.received - before.received;
  const lost = after.lost - before.lost;
  const expected = received + lost;
  return { loss: expected > 0 && received >= 0 && lost >= 0 ? lost / expected : null, rtt: after.rtt };
}

/** Why a sample is bad: 'loss', 'delay', or null when it is good. */
export function problemOf(sample) {
  if (sample.loss !== null && sample.loss > LOSS_LIMIT) {
    return 'loss';
  }
  return sample.rtt !== null && sample.rtt > RTT_LIMIT_S ? 'delay' : null;
}

/**
 * The warning after one more sample: it shows (with the reason of the sample that raised it) after
 * BAD_TO_WARN bad samples in a row and goes after GOOD_TO_CLEAR good ones in a row.
 * @param {{warning: string|null, bad: number, good: number}} state
 */
export function nextWarning(state, sample) {
  const problem = problemOf(sample);
  const bad = problem ? state.bad + 1 : 0;
  const good = problem ? 0 : state.good + 1;
  let warning = state.warning;
  if (problem && bad >= BAD_TO_WARN && !warning) {
    warning = problem;
  } else if (!problem && good >= GOOD_TO_CLEAR) {
    warning = null;
  }
  return { warning, bad, good };
}
