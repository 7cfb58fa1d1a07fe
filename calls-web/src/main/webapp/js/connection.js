// What the page says about the connection of the call this browser is in. It follows the signaling socket
// the page is on as well as the media path: while the socket is down (or a new one is still resuming the
// call) the call is not shown as connected, whatever its media does. Pure, so it is unit-tested without a browser.

const LABELS = {
  idle: 'Joining…',
  joining: 'Joining…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
  ended: 'Left',
};

/**
 * The label and state of the call's connection.
 * @param {string} socketState the signaling socket's state: open, reconnecting, closed or unauthorized
 * @param {{status: string, rejoining: boolean}} call the call this browser is in
 * @returns {{text: string, state: string}}
 */
export function connectionLabel(socketState, call) {
  if (call.status === 'idle' || call.status === 'joining') {
    return { text: call.rejoining ? 'Rejoining…' : LABELS.joining, state: 'joining' };
  }
  if (call.status === 'connected' && socketState !== 'open') {
    return { text: LABELS.reconnecting, state: 'reconnecting' };
  }
  return { text: LABELS[call.status], state: call.status };
}
