package dev.calls.load;

import dev.calls.load.client.UplinkFeedback;
import dev.calls.load.video.FrameWindow;

/**
 * One phase of the uplink-loss trial: whether the sharer answered the server's NACKs, what the viewers saw
 * (their mean) while its uplink was impaired and once it was clean again, how many video streams were
 * watched, what the sharer received of the server's feedback, and the packets the impairment dropped.
 */
public record UplinkPhase(boolean repair, FrameWindow lossy, FrameWindow clean, int watchedStreams,
        UplinkFeedback feedback, long dropped) {

    String json() {
        return "{\"nacks_answered\": " + repair + ", \"watched_streams\": " + watchedStreams
                + ", \"lossy\": " + windowJson(lossy) + ", \"clean\": " + windowJson(clean)
                + ", \"uplink_dropped\": " + dropped + ", \"nacks_received\": " + feedback.nacks()
                + ", \"packets_retransmitted\": " + feedback.retransmitted()
                + ", \"keyframe_requests\": " + feedback.keyframeRequests() + "}";
    }

    private static String windowJson(FrameWindow window) {
        return "{\"seconds\": " + LoadReport.number(window.seconds()) + ", \"frames\": "
                + LoadReport.number(window.frames()) + ", \"fps\": " + LoadReport.number(window.fps())
                + ", \"freezes\": " + LoadReport.number(window.freezes()) + ", \"frozen_seconds\": "
                + LoadReport.number(window.frozenSeconds()) + "}";
    }
}
