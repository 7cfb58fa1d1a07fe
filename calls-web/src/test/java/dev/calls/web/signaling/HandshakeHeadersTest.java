package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandshakeHeadersTest {

    @Test
    void theServersOwnOriginIsSameOrigin() {
        assertTrue(HandshakeHeaders.sameOrigin("http://chat.example:8080", "chat.example:8080"));
        assertTrue(HandshakeHeaders.sameOrigin("https://chat.example", "chat.example"));
        assertTrue(HandshakeHeaders.sameOrigin("https://Chat.Example", "chat.example:443"));
        assertTrue(HandshakeHeaders.sameOrigin("http://chat.example", "chat.example:80"));
    }

    @Test
    void anyOtherOriginIsForeign() {
        assertFalse(HandshakeHeaders.sameOrigin("http://evil.example", "chat.example"));
        assertFalse(HandshakeHeaders.sameOrigin("http://chat.example:9090", "chat.example:8080"));
        assertFalse(HandshakeHeaders.sameOrigin("http://chat.example.evil.example", "chat.example"));
        assertFalse(HandshakeHeaders.sameOrigin("null", "chat.example"));
        assertFalse(HandshakeHeaders.sameOrigin("::not a uri", "chat.example"));
        assertFalse(HandshakeHeaders.sameOrigin("http://chat.example", null));
    }

    @Test
    void findsTheSessionCookieAmongOthers() {
        assertEquals("tok", HandshakeHeaders.cookieToken("a=1; MMAUTHTOKEN=tok; b=2"));
        assertNull(HandshakeHeaders.cookieToken("a=1; XMMAUTHTOKEN=tok"));
        assertNull(HandshakeHeaders.cookieToken("MMAUTHTOKEN="));
        assertNull(HandshakeHeaders.cookieToken(null));
    }
}
