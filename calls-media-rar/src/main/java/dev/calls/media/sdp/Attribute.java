package dev.calls.media.sdp;

import java.util.Objects;

/**
 * An {@code a=} line this package does not interpret (for example {@code sctp-port} or
 * {@code extmap-allow-mixed}): kept so that it survives a parse/write round trip, otherwise ignored.
 * {@code value} is {@code null} for a property attribute (no colon).
 */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    String sdpValue() {
        return value == null ? name : name + ':' + value;
    }
}
