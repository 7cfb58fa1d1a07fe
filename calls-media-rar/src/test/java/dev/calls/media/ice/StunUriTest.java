package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StunUriTest {

    @Test
    void theReferenceProductsDefaultServer() {
        StunUri uri = StunUri.firstIn("[{\"urls\":[\"stun:stun.global.calls.mattermost.com:3478\"]}]");
        assertEquals(new StunUri("stun.global.calls.mattermost.com", 3478), uri);
    }

    @Test
    void thePortDefaultsTo3478AndTurnUrisAreSkipped() {
        String json = "[{\"urls\":[\"turn:turn.example.com:3479\"],\"username\":\"u\",\"credential\":\"c\"},"
                + "{\"urls\":[\"stun:127.0.0.1\", \"stun:second.example.com\"]}]";
        assertEquals(new StunUri("127.0.0.1", StunUri.DEFAULT_PORT), StunUri.firstIn(json));
    }

    @Test
    void aBracketedIpv6Host() {
        StunUri uri = StunUri.firstIn("[{\"urls\":[\"stun:[2001:db8::1]:19302\"]}]");
        assertEquals(new StunUri("2001:db8::1", 19302), uri);
        assertEquals("stun:[2001:db8::1]:19302", uri.toString());
    }

    @Test
    void noStunServerOrAnImpossiblePortIsNone() {
        assertNull(StunUri.firstIn("[]"));
        assertNull(StunUri.firstIn(null));
        assertNull(StunUri.firstIn("[{\"urls\":[\"stun:host.example.com:70000\"]}]"));
    }
}
