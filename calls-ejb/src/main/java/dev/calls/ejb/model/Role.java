package dev.calls.ejb.model;

import java.util.Arrays;
import java.util.Optional;

/** The system-wide role of a user, spelled as the contract's {@code roles} field. */
public enum Role {
    SYSTEM_ADMIN("system_admin"),
    SYSTEM_USER("system_user"),
    SYSTEM_GUEST("system_guest");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
