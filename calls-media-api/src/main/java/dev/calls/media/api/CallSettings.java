package dev.calls.media.api;

/**
 * The product settings of Calls, kept as configuration properties of the media resource adapter so that
 * admins edit every setting in one place (the WildFly console or CLI) and a reload applies them.
 *
 * @param maxParticipantsPerCall most participants in one call; 0 is unlimited
 * @param allowScreenSharing     whether participants may share their screen
 * @param defaultEnabled         calls enabled in channels by default; false is test mode (only system admins start calls)
 * @param enableRinging          ring the other members when a call starts in a direct or group message
 * @param iceServersJson         ICE servers given to clients, as the contract's JSON array
 * @param turn                   TURN servers for which each user is given short-lived credentials
 * @param relayOnly              clients use relayed candidates only ({@code iceTransportPolicy: "relay"})
 */
public record CallSettings(
        int maxParticipantsPerCall,
        boolean allowScreenSharing,
        boolean defaultEnabled,
        boolean enableRinging,
        String iceServersJson,
        TurnSettings turn,
        boolean relayOnly) {

    /** The reference product's STUN server, which clients use unless the admin configures others. */
    public static final String DEFAULT_ICE_SERVERS = "[{\"urls\":[\"stun:stun.global.calls.mattermost.com:3478\"]}]";

    /** What an unconfigured adapter uses; also the answer while the adapter is not deployed. */
    public static final CallSettings DEFAULTS = new CallSettings(0, true, true, false, DEFAULT_ICE_SERVERS, TurnSettings.NONE, false);
}
