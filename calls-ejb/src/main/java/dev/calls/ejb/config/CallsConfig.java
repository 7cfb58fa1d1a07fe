package dev.calls.ejb.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.calls.ejb.media.MediaGateway;
import dev.calls.media.api.TurnSettings;

/**
 * Settings of the product. The call settings (participant cap, screen sharing, test mode, ringing, ICE
 * servers) are configuration properties of the media resource adapter, read through the {@link MediaGateway}
 * so that the console edits them in one place; a reload applies a change. A server system property of the
 * same name ({@code calls.maxCallParticipants}, {@code calls.defaultEnabled}, {@code calls.allowScreenSharing},
 * {@code calls.enableRinging}, {@code calls.iceServers}) overrides the adapter's value at once, without a
 * reload, until it is removed. Account settings are system properties ({@code calls.*}) with the default
 * beside each.
 */
@ApplicationScoped
public class CallsConfig {

    @Inject
    MediaGateway media;

    /** Participants a call may hold; 0 means no limit (the reference product's default). */
    public int maxCallParticipants() {
        return intProperty("calls.maxCallParticipants", media.settings().maxParticipantsPerCall());
    }

    /** Whether calls are on in a channel where no channel admin has switched them. */
    public boolean defaultEnabled() {
        return booleanProperty("calls.defaultEnabled", media.settings().defaultEnabled());
    }

    public boolean allowScreenSharing() {
        return booleanProperty("calls.allowScreenSharing", media.settings().allowScreenSharing());
    }

    public boolean enableRinging() {
        return booleanProperty("calls.enableRinging", media.settings().enableRinging());
    }

    /** ICE servers handed to clients, as the contract's JSON array; the reference product's STUN server by default. */
    public String iceServersJson() {
        String override = System.getProperty("calls.iceServers");
        return override != null ? override : media.settings().iceServersJson();
    }

    /** TURN servers for which each user is given short-lived credentials; their secret never leaves the server. */
    public TurnSettings turn() {
        return media.settings().turn();
    }

    /** Whether clients are to use TURN relays only. */
    public boolean relayOnly() {
        return media.settings().relayOnly();
    }

    /** How long a sign-in token lives. */
    public long tokenLifetimeMillis() {
        return intProperty("calls.tokenLifetimeHours", 24 * 30) * 3_600_000L;
    }

    private static boolean booleanProperty(String name, boolean fallback) {
        String value = System.getProperty(name);
        return value == null ? fallback : Boolean.parseBoolean(value.trim());
    }

    private static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
