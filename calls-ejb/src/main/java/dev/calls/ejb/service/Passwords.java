package dev.calls.ejb.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's standard {@link Pbkdf2PasswordHash}, tuned to OWASP's
 * PBKDF2-HMAC-SHA512 recommendation (210 000 iterations). The stored form names algorithm, iterations
 * and salt, so raising the cost later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 8;

    @Inject
    Pbkdf2PasswordHash hash;

    /** Verified when a sign-in names no existing account, so both answers take as long. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("decoy-password".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }

    public void verifyDecoy(String password) {
        hash.verify(password.toCharArray(), decoy);
    }
}
