package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateTest {

    @Test
    void hostPriorityFollowsRfc8445Formula() {
        // RFC 8445 §5.1.2.1 with type preference 126 (host), local preference 65535, component 1:
        // 126 * 2^24 + 65535 * 2^8 + 255.
        assertEquals(2130706431L, Candidate.host("1", "192.0.2.1", 8443, 65535).priority());
        assertEquals(2130706175L, Candidate.host("2", "192.0.2.2", 8443, 65534).priority());
    }

    @Test
    void aPassiveTcpCandidateIsWrittenAsRfc6544SaysAndRanksBelowEveryUdpOne() throws Exception {
        Candidate tcp = Candidate.passiveTcpHost("3", "192.0.2.1", 8444, (4 << 13) + 8191);
        assertEquals("3 1 tcp 2124414975 192.0.2.1 8444 typ host tcptype passive", tcp.sdpValue());
        assertEquals(tcp, Candidate.parse(tcp.sdpValue()));
    }

    @Test
    void localParametersWithATcpPortAddOnePassiveCandidatePerAddressAfterTheUdpOnes() {
        LocalParameters local = new LocalParameters("srvUfrag1", "serverIcePassword0123456789",
                SampleSdp.LOCAL.fingerprint(), List.of("192.0.2.1", "192.0.2.2"), 8443, 8444);
        List<Candidate> candidates = local.candidates();
        assertEquals(List.of("udp", "udp", "tcp", "tcp"), candidates.stream().map(Candidate::transport).toList());
        assertEquals(4, candidates.stream().map(Candidate::foundation).distinct().count(), "one foundation each");
        assertTrue(candidates.get(2).priority() > candidates.get(3).priority(), "the first address preferred");
        assertTrue(candidates.get(1).priority() > candidates.get(2).priority(), "UDP preferred");
        assertEquals(8444, candidates.get(3).port());
        assertEquals(2, SampleSdp.LOCAL.candidates().size(), "no TCP port, no TCP candidate");
    }

    @Test
    void readsBrowserCandidateWithExtensions() throws Exception {
        Candidate c = Candidate.parse("842163049 1 udp 1677729535 198.51.100.7 61665 typ srflx raddr 10.0.0.5 "
                + "rport 61665 generation 0 ufrag Xk3f network-cost 999");
        assertEquals("srflx", c.type());
        assertEquals(61665, c.port());
        assertEquals(Map.of("raddr", "10.0.0.5", "rport", "61665", "generation", "0", "ufrag", "Xk3f",
                "network-cost", "999"), c.extensions());
        assertEquals(c, Candidate.parse(c.sdpValue()));
    }

    @Test
    void refusesMalformedCandidates() {
        assertThrows(SdpParseException.class, () -> Candidate.parse("1 1 udp 1 192.0.2.1 9 type host"));
        assertThrows(SdpParseException.class, () -> Candidate.parse("1 0 udp 1 192.0.2.1 9 typ host"));
        assertThrows(SdpParseException.class, () -> Candidate.parse("1 1 udp 1 192.0.2.1 9 typ host raddr"));
        assertThrows(SdpParseException.class, () -> Candidate.parse("1 1 udp 4294967296 192.0.2.1 9 typ host"));
    }
}
