package dev.calls.ejb.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Product settings that are not media-engine settings. Each is read from a system property
 * ({@code calls.*}, settable in the WildFly console under system properties) with the default beside it.
 */
@ApplicationScoped
public class CallsConfig {

    /** Participants a call may hold; 0 means no limit (the reference product's default). */
    public int maxCallParticipants() {
        return intProperty("calls.maxCallParticipants", 0);
    }

    /** Whether calls are on in a channel where no channel admin has switched them. */
    public boolean defaultEnabled() {
        return Boolean.parseBoolean(System.getProperty("calls.defaultEnabled", "true"));
    }

    public boolean allowScreenSharing() {
        return Boolean.parseBoolean(System.getProperty("calls.allowScreenSharing", "true"));
    }

    public boolean enableRinging() {
        return Boolean.parseBoolean(System.getProperty("calls.enableRinging", "false"));
    }

    /** ICE servers handed to clients, as the contract's JSON array; the reference product's STUN server by default. */
    public String iceServersJson() {
        return System.getProperty("calls.iceServers", "[{\"urls\":[\"stun:stun.global.calls.mattermost.com:3478\"]}]");
    }

    /** How long a sign-in token lives. */
    public long tokenLifetimeMillis() {
        return intProperty("calls.tokenLifetimeHours", 24 * 30) * 3_600_000L;
    }

    /** Failed sign-ins in a row that lock an account for {@link #loginLockSeconds()}. */
    public int loginMaxFailures() {
        return intProperty("calls.login.maxFailures", 5);
    }

    public int loginLockSeconds() {
        return intProperty("calls.login.lockSeconds", 60);
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
