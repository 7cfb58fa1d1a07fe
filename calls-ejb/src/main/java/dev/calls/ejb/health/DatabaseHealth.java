package dev.calls.ejb.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Whether the database takes writes, for the ping. The answer is at most {@value #CACHE_MILLIS} ms old, and at
 * most one probe runs at a time (others take the last answer), so pinging cannot load the database; it follows
 * the database back by itself once the pool hands out a working connection again. A request the database failed
 * within the last {@value #CACHE_MILLIS} ms makes it a problem too, even when the probe's write went through: on a
 * full disk H2 still finds room inside its file for the probe's one-row update while it refuses larger commits
 * (measured: for over 30 s, while most writes of the requests failed). The cause goes to the log
 * ({@link OutageLog}), not into the answer: the ping needs no sign-in, and the driver's text names files, hosts
 * and database names.
 */
@ApplicationScoped
public class DatabaseHealth {

    static final long CACHE_MILLIS = 5_000;

    static final String REASON = "the database cannot be written (the server log says why)";

    @Inject
    DatabaseProbe probe;

    Clock clock = Clock.systemUTC();

    private final OutageLog outages = new OutageLog(Logger.getLogger(DatabaseHealth.class));

    private final ReentrantLock probing = new ReentrantLock();
    private volatile Verdict last = new Verdict(0, Optional.empty());
    private volatile long lastFailedRequest;

    /** Why the database cannot be used right now, or empty when it can. */
    public Optional<String> problem() {
        long now = clock.millis();
        Optional<String> probed = probed(now);
        return probed.isEmpty() && now - lastFailedRequest < CACHE_MILLIS ? Optional.of(REASON) : probed;
    }

    /** A request failed because the database did: it was answered {@code 503 database_unavailable}. */
    public void requestFailed() {
        lastFailedRequest = clock.millis();
    }

    private Optional<String> probed(long now) {
        Verdict known = last;
        if (now - known.at() < CACHE_MILLIS || !probing.tryLock()) {
            return known.problem();
        }
        try {
            Optional<String> problem = probe(now);
            last = new Verdict(now, problem);
            return problem;
        } finally {
            probing.unlock();
        }
    }

    private Optional<String> probe(long now) {
        try {
            probe.write(now);
            outages.writable();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            outages.notWritable(e);
            return Optional.of(REASON);
        }
    }

    private record Verdict(long at, Optional<String> problem) {
    }
}
