package dev.calls.web.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Refuses a REST request whose {@code Content-Type} or {@code Accept} header does not parse as media types
 * (RFC 9110 sections 8.3 and 12.5.1) with the contract's JSON 400. The REST runtime parses them before any
 * of its providers run and, when it cannot, has the servlet container send its own HTML error page.
 */
@WebFilter("/api/*")
public class HeaderGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HeaderGuard.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (parses(request.getHeader("Content-Type"), false) && parses(request.getHeader("Accept"), true)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.infof("Refused a malformed Content-Type or Accept header on %s %s from %s", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        response.setStatus(400);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.getOutputStream().write(JsonViews.error("api.context.invalid_content_type",
                "The Content-Type or Accept header is malformed.", 400).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean parses(String header, boolean list) {
        if (header == null) {
            return true;
        }
        try {
            for (String type : list ? header.split(",") : new String[] {header}) {
                if (!list || !type.isBlank()) {
                    MediaType.valueOf(type.trim());
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
