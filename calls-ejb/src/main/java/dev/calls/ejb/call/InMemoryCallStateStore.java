package dev.calls.ejb.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The single-server {@link CallStateStore}: a concurrent map from channel id to its call, and indexes from
 * call, session and connection ids to the channel. The indexes change inside the channel's atomic update:
 * keys the new call still holds are never removed, so a session whose call changes stays findable
 * throughout. A lookup checks the call it finds still holds the key, so a lookup racing an update sees the
 * call before or after it.
 */
@ApplicationScoped
public class InMemoryCallStateStore implements CallStateStore {

    private final ConcurrentMap<String, LiveCall> byChannel = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> channelOfCall = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> channelOfSession = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> channelOfConnection = new ConcurrentHashMap<>();

    @Override
    public Optional<LiveCall> byChannel(String channelId) {
        return Optional.ofNullable(byChannel.get(channelId));
    }

    @Override
    public Optional<LiveCall> byId(String callId) {
        return lookup(channelOfCall, callId, call -> call.id().equals(callId));
    }

    @Override
    public Optional<LiveCall> bySession(String sessionId) {
        return lookup(channelOfSession, sessionId, call -> call.session(sessionId).isPresent());
    }

    @Override
    public Optional<LiveCall> byConnection(String connectionId) {
        return lookup(channelOfConnection, connectionId, call -> call.sessionOfConnection(connectionId).isPresent());
    }

    @Override
    public Collection<LiveCall> all() {
        return List.copyOf(byChannel.values());
    }

    @Override
    public LiveCall update(String channelId, UnaryOperator<LiveCall> change) {
        return byChannel.compute(channelId, (id, current) -> {
            LiveCall next = change.apply(current);
            reindex(channelId, current, next);
            return next;
        });
    }

    private Optional<LiveCall> lookup(Map<String, String> index, String key, Predicate<LiveCall> holds) {
        String channelId = key == null ? null : index.get(key);
        return channelId == null ? Optional.empty() : byChannel(channelId).filter(holds);
    }

    /** Adds the keys of {@code next} and drops those of {@code previous} that {@code next} no longer holds. */
    private void reindex(String channelId, LiveCall previous, LiveCall next) {
        if (next != null) {
            channelOfCall.put(next.id(), channelId);
            for (LiveSession session : next.sessions()) {
                channelOfSession.put(session.sessionId(), channelId);
                channelOfConnection.put(session.connectionId(), channelId);
            }
        }
        if (previous == null) {
            return;
        }
        if (next == null || !next.id().equals(previous.id())) {
            channelOfCall.remove(previous.id(), channelId);
        }
        for (LiveSession session : previous.sessions()) {
            if (next == null || next.session(session.sessionId()).isEmpty()) {
                channelOfSession.remove(session.sessionId(), channelId);
            }
            if (next == null || next.sessionOfConnection(session.connectionId()).isEmpty()) {
                channelOfConnection.remove(session.connectionId(), channelId);
            }
        }
    }
}
