package dev.calls.media.jca;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.calls.media.MediaEngineConfig;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.TurnSettings;
import dev.calls.media.transport.ThreadRealtime;

/**
 * The resource adapter's configuration properties, read and checked once when the adapter starts: what the
 * engine runs with and what the product reports until the next reload. Reading refuses the first value that
 * is not of its property's type and range, naming both, so that a typing error in the console shows as that
 * and not as a deployment failure.
 */
record AdapterSettings(MediaEngineConfig engine, CallSettings product) {

    /**
     * The value of iceHostOverride that means no override. A word rather than an empty value, because the
     * server's management model stores no empty value, and the console lists only registered properties.
     */
    static final String NO_ICE_HOST_OVERRIDE = "none";

    /** The value of the TURN properties that means none, for the same reason. */
    static final String NONE = "none";

    /** A TURN server's URL, RFC 7065 §3.1: {@code turn:} or {@code turns:}, a host, and optionally a port and transport. */
    private static final Pattern TURN_URL = Pattern.compile("turns?:\\S+");

    /** Reads every property from its text, as the server stores it; {@code values} holds one for each. */
    static AdapterSettings read(Map<String, String> values) throws InvalidSettingException {
        Reader in = new Reader(values);
        MediaEngineConfig engine = new MediaEngineConfig(
                in.integer("udpPort", 1, 65_535),
                iceTcpPort(in.integer("iceTcpPort", 0, 65_535)),
                in.text("bindAddress"),
                hostOverride(in.optionalText("iceHostOverride")),
                in.integer("udpSocketCount", 1, 1024),
                in.integer("rtcConnectTimeoutSeconds", 1, 3600),
                in.integer("consentTimeoutSeconds", 1, 3600),
                in.integer("nackHistoryPackets", 1, 65_536),
                in.integer("forwardingThreads", 0, 1024),
                in.integer("mediaThreadNice", -20, 19),
                in.integer("mediaThreadRealtimePriority", 0, ThreadRealtime.MAX_PRIORITY));
        CallSettings product = new CallSettings(
                in.integer("maxParticipantsPerCall", 0, Integer.MAX_VALUE),
                in.bool("allowScreenSharing"),
                in.bool("defaultEnabled"),
                in.bool("enableRinging"),
                in.text("iceServers"),
                turn(in),
                relayOnly(in.text("iceTransportPolicy")));
        return new AdapterSettings(engine, product);
    }

    /** The TURN servers given credentials; a secret is required once any is listed. */
    private static TurnSettings turn(Reader in) throws InvalidSettingException {
        String servers = in.optionalText("turnServers");
        List<String> urls = servers.isEmpty() || NONE.equalsIgnoreCase(servers)
                ? List.of() : List.of(servers.split("[\\s,]+"));
        for (String url : urls) {
            if (!TURN_URL.matcher(url).matches()) {
                throw new InvalidSettingException("turnServers", servers, "turn: or turns: URLs, or none");
            }
        }
        String secret = in.optionalText("turnSecret");
        if (NONE.equals(secret)) {
            secret = "";
        }
        int lifetime = in.integer("turnCredentialLifetimeMinutes", 1, 10_080);
        if (!urls.isEmpty() && secret.isEmpty()) {
            // The refusal names the value "none" or "", never a secret.
            throw new InvalidSettingException("turnSecret", NONE, "the secret shared with the TURN servers of turnServers");
        }
        return new TurnSettings(urls, secret, lifetime);
    }

    private static boolean relayOnly(String policy) throws InvalidSettingException {
        return switch (policy.toLowerCase(Locale.ROOT)) {
            case "all" -> false;
            case "relay" -> true;
            default -> throw new InvalidSettingException("iceTransportPolicy", policy, "all or relay");
        };
    }

    /** The ICE-TCP port, where 0 means none: the engine's "any free port" is for tests, not servers. */
    private static int iceTcpPort(int value) {
        return value == 0 ? MediaEngineConfig.ICE_TCP_OFF : value;
    }

    /** The address to advertise instead of a local one, or "" for none (blank or {@code none}). */
    private static String hostOverride(String value) {
        return NO_ICE_HOST_OVERRIDE.equalsIgnoreCase(value) ? "" : value;
    }

    /** Parses one property at a time, refusing its value with the property's name. */
    private record Reader(Map<String, String> values) {

        String text(String name) throws InvalidSettingException {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new InvalidSettingException(name, "", "a value");
            }
            return value.trim();
        }

        String optionalText(String name) {
            String value = values.get(name);
            return value == null ? "" : value.trim();
        }

        int integer(String name, int min, int max) throws InvalidSettingException {
            String value = text(name);
            String expected = "a whole number from " + min + " to " + max;
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new InvalidSettingException(name, value, expected);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(name, value, expected);
            }
        }

        boolean bool(String name) throws InvalidSettingException {
            String value = text(name);
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidSettingException(name, value, "true or false");
            };
        }
    }
}
