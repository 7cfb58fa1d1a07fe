package dev.calls.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser hardening headers on every response of the web module: the client page, its scripts and
 * styles, the REST API and its errors. A filter in the application rather than Undertow response-header
 * filters in the server's configuration, because the policy describes the client's own code (what it loads,
 * where it connects) and so belongs beside it, and because it then holds on any WildFly the EAR is deployed
 * to, whether or not configure.cli ran there.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * One year, the usual HSTS lifetime. No includeSubDomains: the server does not speak for other hosts of
     * its domain. Sent over HTTPS only, where browsers honour it (RFC 6797 section 7.2).
     */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.forHost(request.getHeader("Host")));
        // For browsers without CSP's frame-ancestors (RFC 7034).
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Call links carry channel ids: they go to no other site.
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        chain.doFilter(request, response);
    }
}
