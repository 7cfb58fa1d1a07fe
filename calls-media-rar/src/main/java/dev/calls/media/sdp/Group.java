package dev.calls.media.sdp;

import java.util.List;
import java.util.Objects;

/** {@code a=group} (RFC 5888 §5), in WebRTC always {@code BUNDLE} (RFC 8843) with the bundled mids. */
public record Group(String semantics, List<String> mids) {

    public static final String BUNDLE = "BUNDLE";

    public Group {
        Objects.requireNonNull(semantics, "semantics");
        mids = List.copyOf(mids);
    }

    public boolean isBundle() {
        return BUNDLE.equalsIgnoreCase(semantics);
    }

    static Group parse(String value) throws SdpParseException {
        String[] t = SdpTokens.split(value);
        if (t.length == 0) {
            throw new SdpParseException("a=group has no semantics");
        }
        return new Group(t[0], List.of(t).subList(1, t.length));
    }

    String sdpValue() {
        return mids.isEmpty() ? semantics : semantics + ' ' + String.join(" ", mids);
    }
}
