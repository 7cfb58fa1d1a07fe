package dev.calls.web.security;

import dev.calls.ejb.error.CallsException;
import dev.calls.web.rest.CallsExceptionMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers a request whose token could not be checked because the database is unavailable (marked by
 * {@link TokenAuthenticationMechanism}) with the contract's JSON 503 and Retry-After, the same body the REST
 * resources give. Filters run after authentication, so this is the first place that can write a response for
 * it. The ping is let through: it answers for itself, without the caller, and says UNHEALTHY.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseFaultFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = "dev.calls.web.databaseFault";

    private static final String PING = "/api/v1/system/ping";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request.getAttribute(ATTRIBUTE) instanceof CallsException refusal) || request.getRequestURI().equals(request.getContextPath() + PING)) {
            chain.doFilter(request, response);
            return;
        }
        Response answer = new CallsExceptionMapper().toResponse(refusal);
        response.setStatus(answer.getStatus());
        response.setContentType("application/json");
        response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        response.getOutputStream().write(answer.getEntity().toString().getBytes(StandardCharsets.UTF_8));
    }
}
