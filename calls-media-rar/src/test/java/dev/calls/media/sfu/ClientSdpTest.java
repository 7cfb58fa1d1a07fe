package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaException;
import dev.calls.media.sdp.MediaSectionInfo;

/** What the engine refuses of a client's SDP before it keeps anything of it. */
class ClientSdpTest {

    @Test
    void emptyOrUnreadableSdpIsInvalid() {
        assertEquals("invalid_sdp", assertThrows(MediaException.class, () -> ClientSdp.parse(null)).errorId());
        assertEquals("invalid_sdp", assertThrows(MediaException.class, () -> ClientSdp.parse(" \r\n")).errorId());
        assertEquals("invalid_sdp", assertThrows(MediaException.class, () -> ClientSdp.parse("v=0\r\nx")).errorId());
    }

    @Test
    void sourcesAreCountedAgainstTheLimitOfASession() throws Exception {
        int limit = Limit.PUBLISHED_SOURCES_PER_SESSION.value();
        ClientSdp.requireSourcesWithinLimit(MediaSectionInfo.of(ClientSdp.parse(ConnectedCall.PUBLISHER_OFFER)));
        String over = NegotiationTest.withSources(ConnectedCall.PUBLISHER_OFFER, limit);

        MediaException refused = assertThrows(MediaException.class,
                () -> ClientSdp.requireSourcesWithinLimit(MediaSectionInfo.of(ClientSdp.parse(over))));

        assertEquals("too_many_sources", refused.errorId());
    }
}
