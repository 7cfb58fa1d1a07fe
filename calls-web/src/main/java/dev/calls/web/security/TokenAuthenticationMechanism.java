package dev.calls.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates every request that presents a token (bearer header, or the cookie within the CSRF rule
 * of {@link AuthCookie}) through the identity stores. It never challenges: a request without a valid
 * token simply stays anonymous, and each resource decides whether that is enough (the ping is; most
 * are not and answer 401 in the contract's JSON error shape).
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the token that authenticated the request, for sign-out. */
    public static final String TOKEN_ATTRIBUTE = "dev.calls.web.token";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String token = AuthCookie.tokenOf(request);
        if (token == null || token.isEmpty()) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(new TokenCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.doNothing();
        }
        request.setAttribute(TOKEN_ATTRIBUTE, token);
        return context.notifyContainerAboutLogin(result);
    }
}
