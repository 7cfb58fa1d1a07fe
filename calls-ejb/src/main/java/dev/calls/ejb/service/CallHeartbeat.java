package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.error.DatabaseFault;
import dev.calls.ejb.media.MediaGateway;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes, every second, the moment each running call was last heard, so that a crash costs its record at most
 * about that much ({@link CallRecovery} ends it there). The time comes from the media engine, which keeps,
 * per session, when its client was last heard (its opening or its last authenticated packet, to 100 ms) in
 * memory: nothing is written per packet. Only the calls heard since their last write are written
 * ({@link CallsHeard}), all in the one transaction of the beat: at most one statement per running call and
 * second, and none for a call gone quiet or while no call runs.
 */
@Singleton
public class CallHeartbeat {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallStateStore store;

    @Inject
    MediaGateway media;

    private static final Logger LOG = Logger.getLogger(CallHeartbeat.class);

    private final CallsHeard heard = new CallsHeard();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void beat() {
        beat(media.lastHeard());
    }

    /** Writes the times calls were {@code lastHeard}, of those that run and were heard since the last write. */
    void beat(Map<String, Long> lastHeard) {
        Set<String> running = store.all().stream().map(LiveCall::id).collect(Collectors.toSet());
        Map<String, Long> due = heard.due(running, lastHeard);
        try {
            for (Map.Entry<String, Long> call : due.entrySet()) {
                // A call that ended meanwhile is left as it ended.
                em.createNativeQuery("UPDATE calls SET last_seen_at = ?1 WHERE id = ?2 AND end_at = 0")
                        .setParameter(1, call.getValue())
                        .setParameter(2, call.getKey())
                        .executeUpdate();
            }
        } catch (PersistenceException e) {
            // The health endpoint reports an unavailable database; a beat a second must not log it again
            // each time. The calls stay due and are written by the first beat the database takes.
            if (DatabaseFault.in(e).isEmpty()) {
                throw e;
            }
            LOG.debugf("call heartbeat not written: %s", e.getMessage());
            return;
        }
        heard.recorded(due);
    }
}
