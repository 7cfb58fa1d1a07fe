package dev.calls.ejb.service;

import dev.calls.ejb.config.CallsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** The server's one {@link LoginAttempts}, configured by {@code calls.login.maxFailures} and {@code calls.login.lockSeconds}. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LoginThrottle {

    @Inject
    CallsConfig config;

    private LoginAttempts attempts;

    @PostConstruct
    void init() {
        attempts = new LoginAttempts(config.loginMaxFailures(), config.loginLockSeconds() * 1000L);
    }

    public long lockedForMillis(String name, long now) {
        return attempts.lockedForMillis(name, now);
    }

    public boolean recordFailure(String name, long now) {
        return attempts.recordFailure(name, now);
    }

    public void recordSuccess(String name) {
        attempts.recordSuccess(name);
    }
}
