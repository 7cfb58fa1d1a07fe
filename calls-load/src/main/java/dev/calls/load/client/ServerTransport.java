package dev.calls.load.client;

import java.net.InetSocketAddress;
import java.util.Locale;

import dev.calls.media.dtls.DtlsFingerprint;
import dev.calls.media.dtls.FingerprintFormatException;
import dev.calls.media.sdp.Candidate;
import dev.calls.media.sdp.MediaDescription;
import dev.calls.media.sdp.SdpNegotiationException;
import dev.calls.media.sdp.SdpParseException;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.SessionDescription;
import dev.calls.media.sdp.TransportParameters;

/**
 * What the server's answer says about reaching it: its ICE-lite credentials, the fingerprint its DTLS
 * certificate must match, and the host candidate to send to, UDP or, for participants over ICE-TCP, its passive
 * TCP one (RFC 6544); the engine has one port of each and BUNDLE puts every section on it (RFC 8843 §7). Parsed
 * with the engine's own SDP classes.
 */
public record ServerTransport(String iceUfrag, String icePwd, DtlsFingerprint fingerprint, InetSocketAddress address) {

    /** @param iceTcp whether the participant connects to the TCP candidate rather than sending to the UDP one */
    public static ServerTransport of(String answer, boolean iceTcp) throws SdpParseException, SdpNegotiationException,
            FingerprintFormatException {
        String wanted = iceTcp ? "tcp" : "udp";
        SessionDescription sdp = SdpParser.parse(answer);
        TransportParameters transport = TransportParameters.of(sdp);
        for (MediaDescription media : sdp.media()) {
            for (Candidate candidate : media.candidates()) {
                if (wanted.equalsIgnoreCase(candidate.transport()) && candidate.component() == 1) {
                    return new ServerTransport(transport.iceUfrag(), transport.icePwd(),
                            DtlsFingerprint.parse(transport.fingerprint().sdpValue()),
                            new InetSocketAddress(candidate.address(), candidate.port()));
                }
            }
        }
        throw new SdpNegotiationException("the answer has no " + wanted.toUpperCase(Locale.ROOT) + " candidate");
    }
}
