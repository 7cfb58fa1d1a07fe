package dev.calls.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import java.util.Set;

/**
 * Where a request's token comes from, and the session cookie that carries it for browsers.
 * The cookie is HttpOnly (scripts cannot read it) and SameSite=Lax; because a cookie rides along on
 * cross-site requests too, a state-changing request authenticated only by the cookie must also carry
 * {@code X-Requested-With: XMLHttpRequest}, which a cross-site form cannot set (the contract's CSRF guard).
 */
public final class AuthCookie {

    public static final String NAME = "MMAUTHTOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private AuthCookie() {
    }

    /** The bearer token, else the cookie's token when the CSRF guard allows it, else null. */
    public static String tokenOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                boolean safe = SAFE_METHODS.contains(request.getMethod());
                return safe || "XMLHttpRequest".equals(request.getHeader("X-Requested-With")) ? cookie.getValue() : null;
            }
        }
        return null;
    }

    public static NewCookie issue(String token, String contextPath, boolean secure, int maxAgeSeconds) {
        return new NewCookie.Builder(NAME)
                .value(token)
                .path(contextPath.isEmpty() ? "/" : contextPath)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(maxAgeSeconds)
                .build();
    }

    public static NewCookie clear(String contextPath, boolean secure) {
        return issue("", contextPath, secure, 0);
    }
}
