package dev.calls.ejb.service;

import dev.calls.limits.Limit;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;

/**
 * The server's sign-in trackers: the lock per (source address, account) of {@link LoginAttempts} and the
 * failure budget per source address of {@link FailedLoginRate}, sized by {@link Limit}. The source is the
 * address of the connection's peer: behind a reverse proxy every client shares the proxy's address.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    private LoginAttempts attempts;
    private FailedLoginRate failures;

    @PostConstruct
    void init() {
        attempts = new LoginAttempts(Limit.LOGIN_FAILURES_PER_ACCOUNT.value(), lockMillis(), Limit.LOGIN_TRACKED.value());
        failures = new FailedLoginRate(Limit.LOGIN_FAILURES_PER_MINUTE.value(), Limit.LOGIN_FAILURE_BURST.value(),
                Limit.LOGIN_TRACKED.value());
    }

    public long lockMillis() {
        return Limit.LOGIN_LOCK_SECONDS.value() * 1000L;
    }

    public long lockedForMillis(String source, String name, long now) {
        return attempts.lockedForMillis(source, name, now);
    }

    /** Takes an attempt from the source's failure budget; false (refuse unhashed) when it has none. */
    public boolean tryAttempt(String source, long now) {
        return failures.tryTake(source, now);
    }

    public long sourceWaitMillis(String source, long now) {
        return failures.waitMillis(source, now);
    }

    /** Records a failure; returns true when it locked the pair. */
    public boolean recordFailure(String source, String name, long now) {
        return attempts.recordFailure(source, name, now);
    }

    public void recordSuccess(String source, String name, long now) {
        attempts.recordSuccess(source, name);
        failures.giveBack(source, now);
    }
}
