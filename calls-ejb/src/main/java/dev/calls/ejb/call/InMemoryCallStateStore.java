package dev.calls.ejb.call;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** The single-server {@link CallStateStore}: a concurrent map from channel id to its call. */
@ApplicationScoped
public class InMemoryCallStateStore implements CallStateStore {

    private final ConcurrentMap<String, LiveCall> byChannel = new ConcurrentHashMap<>();

    @Override
    public Optional<LiveCall> byChannel(String channelId) {
        return Optional.ofNullable(byChannel.get(channelId));
    }

    @Override
    public Optional<LiveCall> byId(String callId) {
        return byChannel.values().stream().filter(c -> c.id().equals(callId)).findFirst();
    }

    @Override
    public Collection<LiveCall> all() {
        return List.copyOf(byChannel.values());
    }

    @Override
    public LiveCall update(String channelId, UnaryOperator<LiveCall> change) {
        return byChannel.compute(channelId, (id, current) -> change.apply(current));
    }
}
