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
 * {@link LoginAttempts}, and a budget of failed sign-ins per source address. A sign-in is refused BEFORE its
 * password is hashed while its source's budget is spent, and only a failure spends it, so a flood of guesses
 * from one address cannot take the processors while many good sign-ins from one address at once (an office
 * behind one NAT at nine o'clock) spend nothing. The source is the address of the connection's peer: behind
 * a reverse proxy every client shares the proxy's address. Times are epoch milliseconds.
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

    /** Milliseconds until the source may try again, 0 when its failure budget is not spent. */
    public long sourceWaitMillis(String source, long now) {
        return TimeUnit.NANOSECONDS.toMillis(failures.nanosUntilToken(source, nanos(now)) + 999_999);
    }

    /** Records a failure; returns true when it locked the pair. */
    public boolean recordFailure(String source, String name, long now) {
        failures.tryTake(source, nanos(now));
        return attempts.recordFailure(source, name, now);
    }

    public void recordSuccess(String source, String name) {
        attempts.recordSuccess(source, name);
    }

    private static long nanos(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
