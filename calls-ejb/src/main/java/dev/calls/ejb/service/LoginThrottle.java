package dev.calls.ejb.service;

import dev.calls.limits.KeyedTokenBuckets;
import dev.calls.limits.Limit;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The server's sign-in trackers, sized by {@link Limit}: the lock per (source address, account) of
 * {@link LoginAttempts}, and a budget of failed sign-ins per source address. A sign-in takes from that budget
 * BEFORE its password is hashed and gives it back when it succeeds, so only failures spend it, and a source
 * that has spent it is refused without any hashing work: a flood of guesses from one address cannot take the
 * processors. The source is the address of the connection's peer: behind a reverse proxy every client
 * shares the proxy's address. Times are epoch milliseconds.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    private LoginAttempts attempts;
    private KeyedTokenBuckets failures;

    @PostConstruct
    void init() {
        attempts = new LoginAttempts(Limit.LOGIN_FAILURES_PER_ACCOUNT.value(), lockMillis(), Limit.LOGIN_TRACKED.value());
        failures = new KeyedTokenBuckets(Limit.LOGIN_FAILURES_PER_MINUTE.value() / 60.0, Limit.LOGIN_FAILURE_BURST.value(),
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
        return failures.tryTake(source, nanos(now));
    }

    public long sourceWaitMillis(String source, long now) {
        return TimeUnit.NANOSECONDS.toMillis(failures.nanosUntilToken(source, nanos(now)) + 999_999);
    }

    /** Records a failure; returns true when it locked the pair. */
    public boolean recordFailure(String source, String name, long now) {
        return attempts.recordFailure(source, name, now);
    }

    public void recordSuccess(String source, String name, long now) {
        attempts.recordSuccess(source, name);
        failures.giveBack(source, nanos(now));
    }

    private static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
