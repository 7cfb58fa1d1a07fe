package dev.calls.ejb.config;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.calls.media.api.CallSettings;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;

/**
 * Settings of the product. The call settings (participant cap, screen sharing, test mode, ringing, ICE
 * servers) are configuration properties of the media resource adapter, read through its connection so
 * that the console edits them in one place; a reload applies a change. A server system property of the
 * same name ({@code calls.maxCallParticipants}, {@code calls.defaultEnabled}, {@code calls.allowScreenSharing},
 * {@code calls.enableRinging}, {@code calls.iceServers}) overrides the adapter's value at once, without a
 * reload, until it is removed. Account settings are system properties ({@code calls.*}) with the default
 * beside each.
 */
@ApplicationScoped
public class CallsConfig {

    private static final Logger LOG = Logger.getLogger(CallsConfig.class);

    /** Participants a call may hold; 0 means no limit (the reference product's default). */
    public int maxCallParticipants() {
        return intProperty("calls.maxCallParticipants", settings().maxParticipantsPerCall());
    }

    /** Whether calls are on in a channel where no channel admin has switched them. */
    public boolean defaultEnabled() {
        return booleanProperty("calls.defaultEnabled", settings().defaultEnabled());
    }

    public boolean allowScreenSharing() {
        return booleanProperty("calls.allowScreenSharing", settings().allowScreenSharing());
    }

    public boolean enableRinging() {
        return booleanProperty("calls.enableRinging", settings().enableRinging());
    }

    /** ICE servers handed to clients, as the contract's JSON array; the reference product's STUN server by default. */
    public String iceServersJson() {
        String override = System.getProperty("calls.iceServers");
        return override != null ? override : settings().iceServersJson();
    }

    /** How long a sign-in token lives. */
    public long tokenLifetimeMillis() {
        return intProperty("calls.tokenLifetimeHours", 24 * 30) * 3_600_000L;
    }

    /**
     * The adapter's current settings. Looked up on each use rather than injected, so the application
     * deploys and uses the documented defaults when the adapter registration is missing.
     */
    private static CallSettings settings() {
        try {
            MediaConnectionFactory factory = (MediaConnectionFactory) new InitialContext().lookup(MediaConnectionFactory.JNDI_NAME);
            try (MediaConnection connection = factory.getConnection()) {
                return connection.settings();
            }
        } catch (NamingException | MediaException | RuntimeException e) {
            LOG.debugf("media adapter settings unavailable, using defaults: %s", e.getMessage());
            return CallSettings.DEFAULTS;
        }
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
