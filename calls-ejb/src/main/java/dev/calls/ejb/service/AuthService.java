package dev.calls.ejb.service;

import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.AuthToken;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in, tokens and sign-out. A token is a random id handed out once; only its SHA-256 is stored.
 * Failed sign-ins for one account name are throttled by {@link LoginThrottle}.
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

    public Login login(String loginId, String password) {
        if (loginId == null || password == null) {
            throw CallsException.badRequest("api.user.login.missing", "Both 'login_id' and 'password' are required.");
        }
        String name = loginId.trim().toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        long locked = throttle.lockedForMillis(name, now);
        if (locked > 0) {
            throw tooManyAttempts(locked);
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
            if (throttle.recordFailure(name, now)) {
                throw tooManyAttempts(config.loginLockSeconds() * 1000L);
            }
            throw CallsException.unauthorized("api.user.login.invalid_credentials", "Wrong username or password.");
        }
        throttle.recordSuccess(name);
        if (!user.get().isActive()) {
            throw CallsException.unauthorized("api.user.login.inactive", "This account is deactivated.");
        }
        String token = Ids.newId();
        em.persist(new AuthToken(sha256(token), user.get().getId(), now, now + config.tokenLifetimeMillis()));
        return new Login(user.get(), token);
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

    private static CallsException tooManyAttempts(long lockedMillis) {
        long seconds = Math.max(1, (lockedMillis + 999) / 1000);
        return new CallsException(429, "api.user.login.locked",
                "Too many failed sign-in attempts for this account. Try again in " + seconds + " seconds.", seconds);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
