package dev.calls.media.sdp;

import java.util.List;

/**
 * Writes a {@link SessionDescription} as RFC 8866 text with CRLF line ends. Lines come in the order of
 * RFC 8866 §5 ({@code v o s c b t}, then attributes; per media {@code m c b}, then attributes) and
 * attributes in the order JSEP implementations write them (RFC 8829 §5.2.1). Stateless and thread-safe.
 */
public final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(2048);
        line(out, "v=0");
        line(out, "o=" + sdp.origin().sdpValue());
        line(out, "s=" + sdp.sessionName());
        if (sdp.connection() != null) {
            line(out, "c=" + sdp.connection().sdpValue());
        }
        sdp.bandwidths().forEach(b -> line(out, "b=" + b));
        sdp.timings().forEach(t -> line(out, "t=" + t.sdpValue()));
        sdp.groups().forEach(g -> line(out, "a=group:" + g.sdpValue()));
        if (sdp.iceLite()) {
            line(out, "a=ice-lite");
        }
        iceOptions(out, sdp.iceOptions());
        if (sdp.msidSemantic() != null) {
            line(out, "a=msid-semantic:" + sdp.msidSemantic());
        }
        transport(out, sdp.iceUfrag(), sdp.icePwd(), sdp.fingerprints(), sdp.setup());
        if (sdp.direction() != null) {
            line(out, "a=" + sdp.direction().token());
        }
        sdp.attributes().forEach(a -> line(out, "a=" + a.sdpValue()));
        sdp.media().forEach(m -> media(out, m));
        return out.toString();
    }

    private static void media(StringBuilder out, MediaDescription m) {
        StringBuilder mLine = new StringBuilder("m=").append(m.media()).append(' ').append(m.port());
        if (m.numberOfPorts() != 1) {
            mLine.append('/').append(m.numberOfPorts());
        }
        mLine.append(' ').append(m.proto());
        m.formats().forEach(f -> mLine.append(' ').append(f));
        line(out, mLine.toString());
        if (m.connection() != null) {
            line(out, "c=" + m.connection().sdpValue());
        }
        m.bandwidths().forEach(b -> line(out, "b=" + b));
        if (m.mid() != null) {
            line(out, "a=mid:" + m.mid());
        }
        transport(out, m.iceUfrag(), m.icePwd(), m.fingerprints(), m.setup());
        iceOptions(out, m.iceOptions());
        m.extmaps().forEach(e -> line(out, "a=extmap:" + e.sdpValue()));
        if (m.direction() != null) {
            line(out, "a=" + m.direction().token());
        }
        m.msids().forEach(msid -> line(out, "a=msid:" + msid.sdpValue()));
        if (m.rtcpMux()) {
            line(out, "a=rtcp-mux");
        }
        if (m.rtcpRsize()) {
            line(out, "a=rtcp-rsize");
        }
        for (Codec c : m.codecs()) {
            line(out, "a=rtpmap:" + c.payloadType() + ' ' + c.rtpmapValue());
            if (c.fmtp() != null) {
                line(out, SdpTokens.trim("a=fmtp:" + c.payloadType() + ' ' + c.fmtp()));
            }
            c.rtcpFeedback().forEach(fb -> line(out, "a=rtcp-fb:" + c.payloadType() + ' ' + fb));
        }
        m.ssrcGroups().forEach(g -> line(out, "a=ssrc-group:" + g.sdpValue()));
        m.ssrcs().forEach(s -> line(out, "a=ssrc:" + s.sdpValue()));
        m.attributes().forEach(a -> line(out, "a=" + a.sdpValue()));
        m.candidates().forEach(c -> line(out, "a=candidate:" + c.sdpValue()));
        if (m.endOfCandidates()) {
            line(out, "a=end-of-candidates");
        }
    }

    private static void transport(StringBuilder out, String ufrag, String pwd, List<Fingerprint> fingerprints,
            SetupRole setup) {
        if (ufrag != null) {
            line(out, "a=ice-ufrag:" + ufrag);
        }
        if (pwd != null) {
            line(out, "a=ice-pwd:" + pwd);
        }
        fingerprints.forEach(f -> line(out, "a=fingerprint:" + f.sdpValue()));
        if (setup != null) {
            line(out, "a=setup:" + setup.token());
        }
    }

    private static void iceOptions(StringBuilder out, List<String> options) {
        if (!options.isEmpty()) {
            line(out, "a=ice-options:" + String.join(" ", options));
        }
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append(CRLF);
    }
}
