// What the page says about the connection of the call this browser is in. It follows the signaling socket
// the page is on as well as the media path: while the socket is down (or a new one is still resuming the
// call) the call is not shown as connected, whatever its media does. A path other than direct UDP (ICE-TCP,
// or relayed through a TURN server) is named, and a poor connection is said in words, not only in colour.
// Pure, so it is unit-tested without a browser.

const LABELS = {
  idle: 'Joining…',
  joining: 'Joining…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
  ended: 'Left',
};

/** What a poor connection does to the call, by the reason of the warning (callquality.js). */
const QUALITY_WARNINGS = {
  loss: 'Poor connection: part of the sound is lost, so voices may break up.',
  delay: 'Poor connection: the sound arrives late, so you may talk over each other.',
};

/** The path's words while connecting and once connected; direct UDP (no path kind) has none. */
function pathWords(path) {
  if (path.kind === 'tcp') {
    return { connecting: 'Connecting over TCP', connected: 'Connected over TCP' };
  }
  const turn = `TURN over ${path.relayProtocol}`;
  return { connecting: `Connecting through a relay (${turn})`, connected: `Relayed (${turn})` };
}

/**
 * The label and state of the call's connection.
 * @param {string} socketState the signaling socket's state: open, reconnecting, closed or unauthorized
 * @param {{status: string, rejoining: boolean}} call the call this browser is in
 * @param {{kind: string, relayProtocol?: string}|null} path the media path when it is not direct UDP (mediapath.js)
 * @returns {{text: string, state: string}}
 */
export function connectionLabel(socketState, call, path = null) {
  const words = path && pathWords(path);
  if (call.status === 'idle' || call.status === 'joining') {
    return { text: words ? words.connecting : call.rejoining ? 'Rejoining…' : LABELS.joining, state: 'joining' };
  }
  if (call.status === 'connected' && socketState !== 'open') {
    return { text: LABELS.reconnecting, state: 'reconnecting' };
  }
  return { text: words && call.status === 'connected' ? words.connected : LABELS[call.status], state: call.status };
}

/**
 * The call-quality warning the page shows: only while the call is connected (a path that is reconnecting
 * says so already), and empty when there is none.
 * @param {string} status the call's status
 * @param {string|null} warning the warning's reason: loss, delay, or null
 */
export function qualityWarning(status, warning) {
  return status === 'connected' && warning ? QUALITY_WARNINGS[warning] : '';
}
