package dev.calls.ejb.model;

import java.util.Arrays;
import java.util.Optional;

/** Channel kinds of the contract: open, private, direct message (two users), group message (3 to 8). */
public enum ChannelType {
    OPEN("O"),
    PRIVATE("P"),
    DIRECT("D"),
    GROUP("G");

    private final String wire;

    ChannelType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Direct and group messages have a fixed member list that is managed by who is in them. */
    public boolean isConversation() {
        return this == DIRECT || this == GROUP;
    }

    public static Optional<ChannelType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
