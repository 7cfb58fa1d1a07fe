package dev.calls.ejb.call;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where live calls are held: who is in which call, mute, hands, screen. One call per channel.
 * The default keeps them in this JVM; a clustered implementation (an Infinispan cache in WildFly HA)
 * can replace it, because every change goes through {@link #update} as a swap of immutable values.
 */
public interface CallStateStore {

    Optional<LiveCall> byChannel(String channelId);

    Optional<LiveCall> byId(String callId);

    Collection<LiveCall> all();

    /**
     * Atomically replaces the channel's call with {@code change.apply(current)}; {@code current} is null
     * when no call runs, and returning null removes the call. Returns the new value (or null).
     * {@code change} may run more than once under contention and must not have side effects.
     */
    LiveCall update(String channelId, UnaryOperator<LiveCall> change);
}
