package dev.calls.ear.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The probe's own Jakarta Security mechanism, letting every request through. The EAR's web module has
 * a mechanism, which makes Jakarta Security guard every web module of the EAR; each must then find
 * one among its own beans.
 */
@ApplicationScoped
public class ProbeOpenAccess implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return context.doNothing();
    }
}
