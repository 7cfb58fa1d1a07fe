package dev.calls.media.api;

import java.util.List;

/**
 * TURN servers for which the product hands each signed-in user short-lived credentials, by the "TURN REST API"
 * scheme (draft-uberti-behave-turn-rest-00 §2.2) that coturn implements as {@code use-auth-secret}: the
 * servers and this product share a secret, and a credential is valid at every server until its expiry.
 *
 * @param urls                      {@code turn:} and {@code turns:} URLs (RFC 7065) of the servers; empty for none
 * @param secret                    the shared secret; never logged, never given to clients
 * @param credentialLifetimeMinutes how long a credential handed out is valid
 */
public record TurnSettings(List<String> urls, String secret, int credentialLifetimeMinutes) {

    /** A day, as in the reference product. */
    public static final int DEFAULT_CREDENTIAL_LIFETIME_MINUTES = 1440;

    /** No TURN servers with generated credentials (static ones may still be listed among the ICE servers). */
    public static final TurnSettings NONE = new TurnSettings(List.of(), "", DEFAULT_CREDENTIAL_LIFETIME_MINUTES);

    public TurnSettings {
        urls = List.copyOf(urls);
    }

    /** Whether there are servers to hand credentials for. */
    public boolean configured() {
        return !urls.isEmpty();
    }

    /** Without the secret, so that logging the settings cannot leak it. */
    @Override
    public String toString() {
        return "TurnSettings[urls=" + urls + ", secret=" + (secret.isEmpty() ? "none" : "(set)")
                + ", credentialLifetimeMinutes=" + credentialLifetimeMinutes + "]";
    }
}
