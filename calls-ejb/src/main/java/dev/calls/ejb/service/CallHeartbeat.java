package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes, every {@value #PERIOD_SECONDS} s, the moment each running call was last seen alive, so that a
 * crash costs its record at most that much ({@link CallRecovery} ends it there). A call held in the live
 * state is alive: each of its sessions is dropped by the engine once its media loses consent (RFC 7675,
 * section 5.1) and by signaling once its WebSocket stays away past the reconnect window, so the state itself
 * is the cheap in-memory record of what media and signaling last showed; nothing in the packet path is
 * touched. One statement per running call and period, on the column no other write touches.
 */
@Singleton
public class CallHeartbeat {

    static final int PERIOD_SECONDS = 30;

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Schedule(hour = "*", minute = "*", second = "*/" + PERIOD_SECONDS, persistent = false)
    void beat() {
        beat(System.currentTimeMillis());
    }

    /** Marks every running call seen at {@code now}; a call that ended meanwhile is left as it ended. */
    void beat(long now) {
        for (LiveCall call : store.all()) {
            em.createNativeQuery("UPDATE calls SET last_seen_at = ?1 WHERE id = ?2 AND end_at = 0")
                    .setParameter(1, now)
                    .setParameter(2, call.id())
                    .executeUpdate();
        }
    }
}
