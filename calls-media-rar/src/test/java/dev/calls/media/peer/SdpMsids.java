package dev.calls.media.peer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads which msid (RFC 8830: stream ids and a track id) each media section of a session description
 * announces, keyed by mid. Both the media-level {@code a=msid:} attribute and the older source-level
 * {@code a=ssrc:<ssrc> msid:} form are understood; the former wins when a section has both.
 */
final class SdpMsids {

    /** The msid of one media section; {@code trackId} is null when the section has no msid. */
    record Msid(List<String> streamIds, String trackId) {
    }

    private SdpMsids() {
    }

    static Map<String, Msid> byMid(String sdp) {
        Map<String, Msid> result = new HashMap<>();
        String mid = null;
        List<String> streams = new ArrayList<>();
        String track = null;
        List<String> ssrcStreams = new ArrayList<>();
        String ssrcTrack = null;
        boolean inMedia = false;
        for (String rawLine : sdp.split("\r?\n")) {
            String line = rawLine.trim();
            if (line.startsWith("m=")) {
                if (inMedia && mid != null) {
                    result.put(mid, choose(streams, track, ssrcStreams, ssrcTrack));
                }
                inMedia = true;
                mid = null;
                streams = new ArrayList<>();
                track = null;
                ssrcStreams = new ArrayList<>();
                ssrcTrack = null;
            } else if (!inMedia) {
                continue;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length());
            } else if (line.startsWith("a=msid:")) {
                String[] parts = line.substring("a=msid:".length()).split(" ");
                if (!parts[0].equals("-")) {
                    streams.add(parts[0]);
                }
                if (parts.length > 1) {
                    track = parts[1];
                }
            } else if (line.startsWith("a=ssrc:") && line.contains(" msid:")) {
                String[] parts = line.substring(line.indexOf(" msid:") + " msid:".length()).split(" ");
                if (!parts[0].equals("-") && !ssrcStreams.contains(parts[0])) {
                    ssrcStreams.add(parts[0]);
                }
                if (parts.length > 1) {
                    ssrcTrack = parts[1];
                }
            }
        }
        if (inMedia && mid != null) {
            result.put(mid, choose(streams, track, ssrcStreams, ssrcTrack));
        }
        return result;
    }

    private static Msid choose(List<String> streams, String track, List<String> ssrcStreams, String ssrcTrack) {
        if (track != null || !streams.isEmpty()) {
            return new Msid(streams, track);
        }
        return new Msid(ssrcStreams, ssrcTrack);
    }
}
