package dev.calls.ejb.turn;

/**
 * One user's short-lived credential for the TURN servers: the RTCIceServer's {@code username} and
 * {@code credential} (long-term credential mechanism, RFC 8489 §9.2).
 *
 * @param username   {@code <expiry in Unix seconds>:<user id>}
 * @param credential base64 of HMAC-SHA1(secret, username)
 */
public record TurnCredential(String username, String credential) {
}
