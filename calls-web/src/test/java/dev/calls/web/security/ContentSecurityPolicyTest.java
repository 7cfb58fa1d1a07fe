package dev.calls.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void namesTheWebSocketOfTheRequestedHost() {
        String policy = ContentSecurityPolicy.forHost("calls.example.com:8443");
        assertTrue(policy.endsWith("connect-src 'self' ws://calls.example.com:8443 wss://calls.example.com:8443"), policy);
        assertTrue(ContentSecurityPolicy.forHost("[::1]:8080").endsWith("ws://[::1]:8080 wss://[::1]:8080"));
        assertTrue(ContentSecurityPolicy.forHost("127.0.0.1").endsWith("ws://127.0.0.1 wss://127.0.0.1"));
    }

    @Test
    void forbidsInlineScriptFramingPluginsAndForeignBases() {
        String policy = ContentSecurityPolicy.forHost("localhost:8080");
        assertTrue(policy.contains("default-src 'self'; script-src 'self'; style-src 'self';"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(policy.contains("base-uri 'self'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
    }

    @Test
    void aHostThatIsNotAHostNameAddsNothing() {
        String selfOnly = ContentSecurityPolicy.forHost(null);
        assertTrue(selfOnly.endsWith("connect-src 'self'"), selfOnly);
        for (String hostile : new String[] {"", "evil.example; script-src *", "a b", "x:80:90", "*", "h'ost"}) {
            assertEquals(selfOnly, ContentSecurityPolicy.forHost(hostile), hostile);
        }
    }

    @Test
    void theAppsServiceWorkerAndManifestComeFromItsOwnOrigin() {
        String policy = ContentSecurityPolicy.forHost("localhost:8080");
        assertTrue(policy.contains("worker-src 'self'; manifest-src 'self'"), policy);
    }
}
