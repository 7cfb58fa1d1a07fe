package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import dev.calls.web.security.TokenAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: the user id the authentication mechanism established for this request. */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    /** Whether the request carries a valid token. */
    public boolean signedIn() {
        // The mechanism marks requests it authenticated; an anonymous caller may still carry a placeholder principal.
        return security.getCallerPrincipal() != null && request.getAttribute(TokenAuthenticationMechanism.TOKEN_ATTRIBUTE) != null;
    }

    /** The caller's user id; 401 when the request carries no valid token. */
    public String id() {
        if (!signedIn()) {
            throw CallsException.unauthorized("api.context.session_expired",
                    "Sign in first: send 'Authorization: Bearer <token>' or the session cookie"
                            + " (with 'X-Requested-With: XMLHttpRequest' on requests that change something).");
        }
        return security.getCallerPrincipal().getName();
    }

    /** The token that authenticated this request. */
    public String token() {
        id();
        return (String) request.getAttribute(TokenAuthenticationMechanism.TOKEN_ATTRIBUTE);
    }
}
