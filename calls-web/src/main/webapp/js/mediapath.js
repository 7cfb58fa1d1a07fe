// Which network path the call's media takes, read from the peer connection's statistics (W3C
// webrtc-stats: the transport's selected candidate pair and its two candidates). Pure, so it is
// unit-tested with plain objects shaped like an RTCStatsReport.

/**
 * The selected candidate pair and its candidates, or null before ICE selected one.
 * @param {Map<string, object>} report an RTCStatsReport (stats objects by id)
 */
export function selectedPair(report) {
  const stats = [...report.values()];
  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  const pair = transport && report.get(transport.selectedCandidatePairId);
  const local = pair && report.get(pair.localCandidateId);
  const remote = pair && report.get(pair.remoteCandidateId);
  return local && remote ? { pair, local, remote } : null;
}

/**
 * The path of the selected pair: its local candidate's type and protocols, and the remote candidate's protocol.
 * @returns {{candidateType: string, protocol: string, relayProtocol: string|null, remoteProtocol: string}|null}
 */
export function pathOf(report) {
  const selected = selectedPair(report);
  if (!selected) {
    return null;
  }
  const { local, remote } = selected;
  return { candidateType: local.candidateType, protocol: local.protocol, relayProtocol: local.relayProtocol || null,
    remoteProtocol: remote.protocol };
}

/**
 * How the page names a path that is not direct UDP: relayed through a TURN server (with the protocol the
 * browser speaks to it: udp, tcp or tls), or ICE-TCP to the server's passive candidate (RFC 6544). Direct
 * UDP, or no path yet, has no name: it is the ordinary case.
 * @returns {{kind: 'relay', relayProtocol: string}|{kind: 'tcp'}|null}
 */
export function pathKind(path) {
  if (!path) {
    return null;
  }
  if (path.candidateType === 'relay') {
    return { kind: 'relay', relayProtocol: (path.relayProtocol || path.protocol || 'udp').toUpperCase() };
  }
  return path.protocol === 'tcp' || path.remoteProtocol === 'tcp' ? { kind: 'tcp' } : null;
}
