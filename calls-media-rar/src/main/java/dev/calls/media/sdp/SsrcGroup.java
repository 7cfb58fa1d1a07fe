package dev.calls.media.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code a=ssrc-group} (RFC 5576 §4.2): {@code FID} pairs a source with its retransmission source
 * (RFC 4588), {@code SIM} lists simulcast layers.
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

    public static final String FID = "FID";

    public SsrcGroup {
        Objects.requireNonNull(semantics, "semantics");
        ssrcs = List.copyOf(ssrcs);
    }

    static SsrcGroup parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length < 2) {
            throw new SdpParseException("a=ssrc-group needs 'semantics ssrc...'");
        }
        Long[] ssrcs = new Long[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            ssrcs[i - 1] = SsrcAttribute.parseSsrc(t[i]);
        }
        return new SsrcGroup(t[0], List.of(ssrcs));
    }

    String sdpValue() {
        StringBuilder b = new StringBuilder(semantics);
        ssrcs.forEach(s -> b.append(' ').append(s));
        return b.toString();
    }
}
