package dev.calls.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientRouteTest {

    @Test
    void aCallLinkIsOneChannelId() {
        assertTrue(ClientRoute.isCallLink("/abcdefghijklmnopqrstuvwxyz"));
        assertTrue(ClientRoute.isCallLink("/abcdefghijklmnopqrstuvwx12/"));
    }

    @Test
    void anythingElseUnderChannelsIsNotACallLink() {
        assertFalse(ClientRoute.isCallLink(null));
        assertFalse(ClientRoute.isCallLink("/"));
        assertFalse(ClientRoute.isCallLink("/short"));
        assertFalse(ClientRoute.isCallLink("/ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertFalse(ClientRoute.isCallLink("/abcdefghijklmnopqrstuvwxyz/js/main.js"));
    }

    @Test
    void theBaseIsTheContextRootWithASlashAndEscaped() {
        assertEquals("/calls/", ClientRoute.baseHref("/calls"));
        assertEquals("/", ClientRoute.baseHref(""));
        assertEquals("/a&quot;&lt;b&gt;&amp;/", ClientRoute.baseHref("/a\"<b>&"));
    }
}
