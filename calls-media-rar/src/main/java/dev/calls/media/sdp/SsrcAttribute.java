package dev.calls.media.sdp;

import java.util.Objects;

/**
 * {@code a=ssrc} (RFC 5576 §4.1): one source-level attribute of one SSRC, such as {@code cname:...}
 * (RFC 5576 §6.1) or {@code msid:stream track} (RFC 8830). {@code value} is {@code null} without colon.
 */
public record SsrcAttribute(long ssrc, String name, String value) {

    public static final String CNAME = "cname";
    public static final String MSID = "msid";

    public SsrcAttribute {
        Objects.requireNonNull(name, "name");
        if (ssrc < 0 || ssrc > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ssrc out of range: " + ssrc);
        }
    }

    static SsrcAttribute parse(String value) throws SdpParseException {
        String[] ssrcAndRest = SdpTokens.splitFirst(value);
        long ssrc = parseSsrc(ssrcAndRest[0]);
        String attribute = ssrcAndRest[1];
        if (attribute.isEmpty()) {
            throw new SdpParseException("a=ssrc needs 'ssrc attribute[:value]'");
        }
        int colon = attribute.indexOf(':');
        return colon < 0
                ? new SsrcAttribute(ssrc, attribute, null)
                : new SsrcAttribute(ssrc, attribute.substring(0, colon), attribute.substring(colon + 1));
    }

    static long parseSsrc(String token) throws SdpParseException {
        return SdpTokens.parseLong(token, 0, 0xFFFFFFFFL, "ssrc");
    }

    String sdpValue() {
        return value == null ? ssrc + " " + name : ssrc + " " + name + ':' + value;
    }
}
