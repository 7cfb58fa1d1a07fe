// The RTCConfiguration of a call's peer connection, built from the server's calls config
// (GET /api/v1/calls/config): its ICE servers, TURN credentials generated for this user included, and its
// transport policy.

/**
 * @param {object} config the calls config: ice_servers (RTCIceServer[]), ice_transport_policy ("all" or "relay")
 * @returns {RTCConfiguration} relay-only when the server says so (W3C WebRTC §4.2.1, RTCIceTransportPolicy)
 */
export function peerConnectionConfig(config) {
  return {
    iceServers: (config && config.ice_servers) || [],
    iceTransportPolicy: config && config.ice_transport_policy === 'relay' ? 'relay' : 'all',
    bundlePolicy: 'max-bundle',
    rtcpMuxPolicy: 'require',
  };
}
