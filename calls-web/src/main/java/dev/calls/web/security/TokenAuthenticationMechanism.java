package dev.calls.web.security;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.error.DatabaseFault;
import dev.calls.ejb.health.DatabaseHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Authenticates every request that presents a token (bearer header, or the cookie within the CSRF rule
 * of {@link AuthCookie}) through the identity stores. It never challenges: a request without a valid
 * token simply stays anonymous, and each resource decides whether that is enough (the ping is; most
 * are not and answer 401 in the contract's JSON error shape). When the token cannot be checked because the
 * database is unavailable, the request stays anonymous too, marked for {@link DatabaseFaultFilter} to answer
 * with the contract's JSON 503: an exception thrown here would reach the client as the container's HTML page.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the token that authenticated the request, for sign-out. */
    public static final String TOKEN_ATTRIBUTE = "dev.calls.web.token";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    DatabaseHealth database;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String token = AuthCookie.tokenOf(request);
        if (token == null || token.isEmpty()) {
            return context.doNothing();
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new TokenCredential(token));
        } catch (RuntimeException e) {
            Optional<CallsException> refusal = DatabaseFault.in(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            database.requestFailed();
            request.setAttribute(DatabaseFaultFilter.ATTRIBUTE, refusal.get());
            return context.doNothing();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.doNothing();
        }
        request.setAttribute(TOKEN_ATTRIBUTE, token);
        return context.notifyContainerAboutLogin(result);
    }
}
