package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SignalingRefusalsTest {

    @Test
    void refusalsAreCountedByTheirErrorId() {
        SignalingRefusals refusals = new SignalingRefusals();
        refusals.count("session_not_found");
        refusals.count("bad_frame");
        refusals.count("session_not_found");

        assertEquals(Map.of("bad_frame", 1L, "session_not_found", 2L), refusals.counts());
    }

    @Test
    void idsBeyondTheCapAreCountedTogether() {
        SignalingRefusals refusals = new SignalingRefusals();
        for (int i = 0; i < SignalingRefusals.MAX_IDS + 5; i++) {
            refusals.count("id" + i);
        }
        refusals.count("id0");

        assertEquals(SignalingRefusals.MAX_IDS + 1, refusals.counts().size());
        assertEquals(5L, refusals.counts().get(SignalingRefusals.OTHER));
        assertEquals(2L, refusals.counts().get("id0"));
    }
}
