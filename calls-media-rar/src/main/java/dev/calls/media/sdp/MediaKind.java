package dev.calls.media.sdp;

/** The media type of an {@code m=} line (RFC 8866 §5.14) as far as this server cares. */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video"),
    /** Data channels (RFC 8841); the server rejects them. */
    APPLICATION("application"),
    /** Any other media type (text, message, ...): rejected, never interpreted. */
    OTHER(null);

    private final String media;

    MediaKind(String media) {
        this.media = media;
    }

    /** The media token, or {@code null} for {@link #OTHER}. */
    public String media() {
        return media;
    }

    public boolean isRtp() {
        return this == AUDIO || this == VIDEO;
    }

    public static MediaKind of(String media) {
        for (MediaKind kind : values()) {
            if (kind.media != null && kind.media.equalsIgnoreCase(media)) {
                return kind;
            }
        }
        return OTHER;
    }
}
