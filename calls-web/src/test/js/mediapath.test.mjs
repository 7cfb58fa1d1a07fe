// Unit tests of which path the call's media takes: node --test calls-web/src/test/js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathKind, pathOf, selectedPair } from '../../main/webapp/js/mediapath.js';

/** An RTCStatsReport with a transport whose selected pair joins the two candidates given. */
function report(local, remote, extra = []) {
  const stats = [
    { id: 'T01', type: 'transport', selectedCandidatePairId: 'CP1' },
    { id: 'CP1', type: 'candidate-pair', localCandidateId: 'L1', remoteCandidateId: 'R1', currentRoundTripTime: 0.02 },
    { id: 'CP2', type: 'candidate-pair', localCandidateId: 'L2', remoteCandidateId: 'R1' },
    { id: 'L1', type: 'local-candidate', ...local },
    { id: 'L2', type: 'local-candidate', candidateType: 'host', protocol: 'udp' },
    { id: 'R1', type: 'remote-candidate', ...remote },
    ...extra,
  ];
  return new Map(stats.map((s) => [s.id, s]));
}

test('direct UDP has no name', () => {
  const path = pathOf(report({ candidateType: 'host', protocol: 'udp' }, { candidateType: 'host', protocol: 'udp' }));
  assert.deepEqual(path, { candidateType: 'host', protocol: 'udp', relayProtocol: null, remoteProtocol: 'udp' });
  assert.equal(pathKind(path), null);
  assert.equal(pathKind(pathOf(report({ candidateType: 'srflx', protocol: 'udp' }, { candidateType: 'host', protocol: 'udp' }))), null);
});

test('ICE-TCP to the server\'s passive candidate is TCP', () => {
  const path = pathOf(report({ candidateType: 'host', protocol: 'tcp', tcpType: 'active' },
    { candidateType: 'host', protocol: 'tcp', tcpType: 'passive' }));
  assert.deepEqual(pathKind(path), { kind: 'tcp' });
  assert.deepEqual(pathKind({ candidateType: 'prflx', protocol: 'udp', relayProtocol: null, remoteProtocol: 'tcp' }), { kind: 'tcp' });
});

test('a relayed local candidate is relayed, with the protocol spoken to the TURN server', () => {
  for (const relayProtocol of ['udp', 'tcp', 'tls']) {
    const path = pathOf(report({ candidateType: 'relay', protocol: 'udp', relayProtocol }, { candidateType: 'host', protocol: 'udp' }));
    assert.equal(path.relayProtocol, relayProtocol);
    assert.deepEqual(pathKind(path), { kind: 'relay', relayProtocol: relayProtocol.toUpperCase() });
  }
  assert.deepEqual(pathKind({ candidateType: 'relay', protocol: 'udp', relayProtocol: null }), { kind: 'relay', relayProtocol: 'UDP' });
});

test('no path before ICE selected a pair, or when the report lacks its candidates', () => {
  assert.equal(pathOf(new Map()), null);
  assert.equal(pathOf(new Map([['T01', { id: 'T01', type: 'transport' }]])), null);
  const partial = report({ candidateType: 'host', protocol: 'udp' }, { candidateType: 'host', protocol: 'udp' });
  partial.delete('R1');
  assert.equal(selectedPair(partial), null);
  assert.equal(pathKind(null), null);
});

test('the selected pair is the transport\'s, not another pair of the report', () => {
  const selected = selectedPair(report({ candidateType: 'relay', protocol: 'udp', relayProtocol: 'tls' }, { protocol: 'udp' }));
  assert.equal(selected.pair.id, 'CP1');
  assert.equal(selected.local.id, 'L1');
  assert.equal(selected.remote.id, 'R1');
});
