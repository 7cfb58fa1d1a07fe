package dev.calls.web.security;

import jakarta.security.enterprise.credential.Credential;

/** A sign-in token presented as a bearer header or the session cookie. */
public record TokenCredential(String token) implements Credential {
}
