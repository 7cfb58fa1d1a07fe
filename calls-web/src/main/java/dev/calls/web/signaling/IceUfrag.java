package dev.calls.web.signaling;

/** The session-level or first media-level {@code a=ice-ufrag} of an SDP (RFC 8839 §5.4), or null. */
final class IceUfrag {

    private static final String ATTRIBUTE = "a=ice-ufrag:";

    private IceUfrag() {
    }

    static String of(String sdp) {
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith(ATTRIBUTE)) {
                return line.substring(ATTRIBUTE.length()).trim();
            }
        }
        return null;
    }
}
