package dev.calls.media.sfu;

import java.util.List;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaException;
import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.SdpParseException;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.SessionDescription;

/** SDP from a client, read with the engine's limits; what fails becomes the client's {@code invalid_sdp}. */
final class ClientSdp {

    private ClientSdp() {
    }

    static SessionDescription parse(String text) throws MediaException {
        if (text == null || text.isBlank()) {
            throw new MediaException("invalid_sdp", "the SDP is empty");
        }
        try {
            return SdpParser.parse(text);
        } catch (SdpParseException e) {
            throw new MediaException("invalid_sdp", e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything of it is kept, an offer announcing more sources than a session may publish
     * ({@link Limit#PUBLISHED_SOURCES_PER_SESSION}): every source is a published track with its statistics,
     * history and subscriptions in every other session. A sending section without {@code a=ssrc} counts as one.
     */
    static void requireSourcesWithinLimit(List<MediaSectionInfo> sections) throws MediaException {
        int sources = 0;
        for (MediaSectionInfo section : sections) {
            if (!section.rejected() && section.kind().isRtp() && section.direction().sends()) {
                sources += Math.max(1, section.sources().size());
            }
        }
        int limit = Limit.PUBLISHED_SOURCES_PER_SESSION.value();
        if (sources > limit) {
            throw new MediaException("too_many_sources", "the offer announces " + sources
                    + " media sources; a session may publish at most " + limit);
        }
    }
}
