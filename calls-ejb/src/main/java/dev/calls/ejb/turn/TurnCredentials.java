package dev.calls.ejb.turn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.calls.media.api.TurnSettings;

/**
 * Issues TURN credentials by the "TURN REST API" scheme (draft-uberti-behave-turn-rest-00 §2.2), which coturn
 * checks with {@code use-auth-secret}: the username is the expiry time and the user id, the password the
 * base64 HMAC-SHA1 of that username keyed with the secret shared with the TURN server. The server refuses the
 * credential once the expiry has passed, without this product keeping any state.
 */
public final class TurnCredentials {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private TurnCredentials() {
    }

    /** The credential {@code userId} uses from {@code now} until the settings' lifetime has passed. */
    public static TurnCredential issue(TurnSettings turn, String userId, Instant now) {
        Instant expiry = now.plus(Duration.ofMinutes(turn.credentialLifetimeMinutes()));
        String username = expiry.getEpochSecond() + ":" + userId;
        return new TurnCredential(username, Base64.getEncoder().encodeToString(hmacSha1(turn.secret(), username)));
    }

    private static byte[] hmacSha1(String secret, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every Java platform provides HmacSHA1 (Java SE's required algorithms) and takes any non-empty key.
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
