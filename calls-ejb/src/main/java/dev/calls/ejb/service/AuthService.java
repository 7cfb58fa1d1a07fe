package dev.calls.ejb.service;

import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.AuthToken;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.User;
import dev.calls.limits.Limit;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in, tokens and sign-out. A token is a random id handed out once; only its SHA-256 is stored.
 * Failed sign-ins are throttled by {@link LoginThrottle} per source address and per (source, account),
 * and every refusal that can be decided without the password hash is decided before it is computed.
 * A user holds at most {@link Limit#TOKENS_PER_USER} tokens: a sign-in past it revokes their oldest.
 */
@Stateless
public class AuthService {

    /** A signed-in user and the token that now stands for them. */
    public record Login(User user, String token) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    CallsConfig config;

    /** Signs in from {@code source}, the address of the connection's peer. */
    public Login login(String loginId, String password, String source) {
        if (loginId == null || password == null) {
            throw CallsException.badRequest("api.user.login.missing", "Both 'login_id' and 'password' are required.");
        }
        if (password.length() > Limit.PASSWORD_CHARS.value()) {
            throw InputRules.passwordInvalid();
        }
        String name = loginId.trim().toLowerCase(Locale.ROOT);
        if (!InputRules.isUsername(name)) {
            // No account can have this name, and the naming rule is public: nothing to hash or to count.
            throw invalidCredentials();
        }
        long now = System.currentTimeMillis();
        long locked = throttle.lockedForMillis(source, name, now);
        if (locked > 0) {
            throw tooManyAttempts(locked);
        }
        long throttled = throttle.sourceWaitMillis(source, now);
        if (throttled > 0) {
            throw sourceThrottled(throttled);
        }
        Optional<User> user = findByUsername(name);
        boolean valid;
        if (user.isPresent()) {
            valid = passwords.verify(password, user.get().getPasswordHash());
        } else {
            passwords.verifyDecoy(password);
            valid = false;
        }
        if (!valid) {
            if (throttle.recordFailure(source, name, now)) {
                throw tooManyAttempts(throttle.lockMillis());
            }
            throw invalidCredentials();
        }
        throttle.recordSuccess(source, name);
        if (!user.get().isActive()) {
            throw CallsException.unauthorized("api.user.login.inactive", "This account is deactivated.");
        }
        revokeOldestBeyondCap(user.get().getId(), now);
        String token = Ids.newId();
        em.persist(new AuthToken(sha256(token), user.get().getId(), now, now + config.tokenLifetimeMillis()));
        return new Login(user.get(), token);
    }

    /** Leaves room for one more token under the per-user cap by revoking the user's oldest usable ones. */
    private void revokeOldestBeyondCap(String userId, long now) {
        List<AuthToken> beyond = em.createQuery("SELECT t FROM AuthToken t WHERE t.userId = :user AND t.revokedAt = 0"
                        + " AND t.expiresAt > :now ORDER BY t.createAt DESC", AuthToken.class)
                .setParameter("user", userId)
                .setParameter("now", now)
                .setFirstResult(Limit.TOKENS_PER_USER.value() - 1)
                .getResultList();
        beyond.forEach(t -> t.revoke(now));
    }

    /** The active user a usable token belongs to. */
    public Optional<User> authenticate(String token) {
        if (!Ids.isValid(token)) {
            return Optional.empty();
        }
        AuthToken stored = em.find(AuthToken.class, sha256(token));
        if (stored == null || !stored.isUsableAt(System.currentTimeMillis())) {
            return Optional.empty();
        }
        User user = em.find(User.class, stored.getUserId());
        return user != null && user.isActive() ? Optional.of(user) : Optional.empty();
    }

    public void logout(String token) {
        if (Ids.isValid(token)) {
            AuthToken stored = em.find(AuthToken.class, sha256(token));
            if (stored != null) {
                stored.revoke(System.currentTimeMillis());
            }
        }
    }

    /** Revokes every token of the user, e.g. on deactivation. */
    public void revokeAll(String userId) {
        em.createQuery("UPDATE AuthToken t SET t.revokedAt = :now WHERE t.userId = :user AND t.revokedAt = 0")
                .setParameter("now", System.currentTimeMillis())
                .setParameter("user", userId)
                .executeUpdate();
    }

    private Optional<User> findByUsername(String username) {
        return em.createQuery("SELECT u FROM User u WHERE u.username = :name", User.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    private static CallsException invalidCredentials() {
        return CallsException.unauthorized("api.user.login.invalid_credentials", "Wrong username or password.");
    }

    private static CallsException tooManyAttempts(long lockedMillis) {
        long seconds = seconds(lockedMillis);
        return new CallsException(429, "api.user.login.locked", "Too many failed sign-in attempts for this account"
                + " from your address. Try again in " + seconds + " seconds.", seconds);
    }

    private static CallsException sourceThrottled(long waitMillis) {
        long seconds = seconds(waitMillis);
        return new CallsException(429, "api.user.login.throttled",
                "Too many failed sign-in attempts from your address. Try again in " + seconds + " seconds.", seconds);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
