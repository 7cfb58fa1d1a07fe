package dev.calls.ejb.service;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;

/**
 * Ends, at startup, every call the database still shows as running: after a crash or kill no session
 * survives in memory, so such a call is a ghost. Each is closed at its last recorded activity (the last
 * join, leave or host change), as are its sessions, which is the truest end time the records allow.
 * Live state is per server (the in-memory store), so this is right for the single-server deployment.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class CallRecovery {

    private static final Logger LOG = Logger.getLogger(CallRecovery.class);

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @PostConstruct
    void endLeftoverCalls() {
        int sessions = em.createNativeQuery("UPDATE call_sessions SET leave_at = "
                        + "(SELECT c.last_activity_at FROM calls c WHERE c.id = call_sessions.call_id) "
                        + "WHERE leave_at = 0")
                .executeUpdate();
        int calls = em.createNativeQuery("UPDATE calls SET end_at = last_activity_at WHERE end_at = 0").executeUpdate();
        if (calls > 0 || sessions > 0) {
            LOG.infof("Ended %d call(s) and %d session(s) left open by the previous run, at their last recorded activity",
                    calls, sessions);
        }
    }
}
