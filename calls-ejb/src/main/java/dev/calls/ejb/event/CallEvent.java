package dev.calls.ejb.event;

import jakarta.json.JsonObject;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events of the contract that clients hear, one record each, named by {@link Name}. A record's
 * components are the event's {@code data} as the wire spells it — {@code callId} is {@code call_id},
 * {@code raisedHand} is {@code raised_hand}, a nested record or a map is an object — and signaling writes
 * them in that one way (a JSON object as itself). Events about a call carry its {@code call_id} and
 * {@code channel_id}; {@code posted}, {@code post_edited} and {@code error} do not.
 */
public sealed interface CallEvent {

    /** The contract's name of the event. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Name {
        String value();
    }

    /** The contract's name of this event. */
    default String event() {
        return getClass().getAnnotation(Name.class).value();
    }

    @Name("call_start") record CallStart(String callId, String channelId, long startAt, String ownerId,
            String hostId, String threadId) implements CallEvent { }

    /**
     * {@code reason}: why it ended; {@code endedBy}: the user who ended it for everyone (the host or a system
     * admin), empty when nobody did. Both are extensions of the contract's event, see CallEndReason.
     */
    @Name("call_end") record CallEnd(String callId, String channelId, long endAt, String reason, String endedBy)
            implements CallEvent { }

    @Name("user_joined") record UserJoined(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_left") record UserLeft(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_muted") record UserMuted(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_unmuted") record UserUnmuted(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    /** Server-side voice activity, from the RFC 6464 audio level. */
    @Name("user_voice_on") record UserVoiceOn(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_voice_off") record UserVoiceOff(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_screen_on") record UserScreenOn(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    @Name("user_screen_off") record UserScreenOff(String callId, String channelId, String userId, String sessionId) implements CallEvent { }

    /** {@code raisedHand}: when the hand went up, in epoch milliseconds. */
    @Name("user_raise_hand") record UserRaiseHand(String callId, String channelId, String userId, String sessionId,
            long raisedHand) implements CallEvent { }

    /** {@code raisedHand} is 0: the hand is down. */
    @Name("user_unraise_hand") record UserUnraiseHand(String callId, String channelId, String userId,
            String sessionId, long raisedHand) implements CallEvent { }

    /** {@code emoji}: the client's {@code name}, {@code unified} and {@code skin}, as far as it sent them. */
    @Name("user_reacted") record UserReacted(String callId, String channelId, String userId, String sessionId, Map<String, String> emoji,
                       long timestamp) implements CallEvent {
        public UserReacted {
            emoji = Collections.unmodifiableMap(new LinkedHashMap<>(emoji));
        }
    }

    @Name("call_host_changed") record CallHostChanged(String callId, String channelId, String hostId) implements CallEvent { }

    @Name("host_mute") record HostMute(String callId, String channelId, String sessionId) implements CallEvent { }

    @Name("host_screen_off") record HostScreenOff(String callId, String channelId, String sessionId) implements CallEvent { }

    @Name("host_lower_hand") record HostLowerHand(String callId, String channelId, String sessionId) implements CallEvent { }

    @Name("host_removed") record HostRemoved(String callId, String channelId, String sessionId) implements CallEvent { }

    /**
     * An extension: a call started in a direct or group message while ringing is on; sent to every other
     * member's connections. {@code callerId}: who started it.
     */
    @Name("calls_ringing") record CallsRinging(String callId, String channelId, String callerId) implements CallEvent { }

    /** An extension: a rung member declined the call; sent to every member's connections, the caller's too. */
    @Name("calls_declined") record CallsDeclined(String callId, String channelId, String userId) implements CallEvent { }

    /** A session description for one session: the engine's answer to its offer, or the engine's own offer. */
    @Name("signal") record Signal(String callId, String channelId, String type, String sdp) implements CallEvent { }

    @Name("posted") record Posted(Post post) implements CallEvent { }

    /** A post's data changed (a call's card: who joined, when it ended); an extension of the contract. */
    @Name("post_edited") record PostEdited(Post post) implements CallEvent { }

    /**
     * A post as events show it: {@code rootId} is empty for a thread's root; {@code type} and {@code props}
     * (how to draw it and its data) are extensions of the contract's post.
     */
    record Post(String id, String channelId, String rootId, String userId, String message, long createAt,
                String type, JsonObject props) {
        public Post {
            rootId = rootId == null ? "" : rootId;
        }
    }

    /** The session's media failed; {@code id} is the engine's stable reason (for example {@code rtc_timeout}). */
    @Name("error") record MediaError(String id, String message) implements CallEvent { }
}
