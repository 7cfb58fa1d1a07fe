package dev.calls.ejb.call;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where live calls are held: who is in which call, mute, hands, screen. The default keeps them in this
 * JVM; a clustered implementation (an Infinispan cache in WildFly HA) can replace it by keeping this
 * contract:
 * <ul>
 *   <li>One call per channel, keyed by channel id. A call changes only through {@link #update}, which is
 *       atomic per channel: a swap of one immutable {@link LiveCall} for another, never a change in place.
 *       Changes of different channels do not wait for each other.</li>
 *   <li>The values are {@link java.io.Serializable} records of strings, numbers, booleans and immutable
 *       lists ({@link LiveCall}, {@link LiveSession}), so a replicated cache can ship them as they are;
 *       nothing else (no engine handle, no connection) is stored.</li>
 *   <li>Every lookup is answered from an index, without visiting every call: by channel, by call id, by
 *       session id and by the signaling connection a session joined from. An index follows each
 *       {@link #update} of its call; a lookup sees the call before or after a concurrent update, never a
 *       call that does not hold the key looked up.</li>
 *   <li>Reads take no lock. Callers that must read and then change (the call services) serialize their
 *       changes of one channel themselves.</li>
 * </ul>
 */
public interface CallStateStore {

    Optional<LiveCall> byChannel(String channelId);

    Optional<LiveCall> byId(String callId);

    /** The call that has the session. */
    Optional<LiveCall> bySession(String sessionId);

    /** The call that has a session joined from the signaling connection. */
    Optional<LiveCall> byConnection(String connectionId);

    /** Every running call: for the few questions that concern all of them (a user's calls, a deactivation). */
    Collection<LiveCall> all();

    /**
     * Atomically replaces the channel's call with {@code change.apply(current)}; {@code current} is null
     * when no call runs, and returning null removes the call. Returns the new value (or null).
     * {@code change} may run more than once under contention and must not have side effects.
     */
    LiveCall update(String channelId, UnaryOperator<LiveCall> change);
}
