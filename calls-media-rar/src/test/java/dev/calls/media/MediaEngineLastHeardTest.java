package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaEngineLastHeardTest {

    @Test
    void eachCallIsHeardWhenItsLatestSessionWasAndAClosedCallIsGone() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig())) {
            assertEquals(Map.of(), sfu.engine.lastHeard());
            long before = System.currentTimeMillis();
            sfu.engine.openSession("call-1", "session-a");
            sfu.engine.openSession("call-1", "session-b");
            sfu.engine.openSession("call-2", "session-c");
            long after = System.currentTimeMillis();

            Map<String, Long> heard = sfu.engine.lastHeard();

            assertEquals(2, heard.size(), heard.toString());
            for (long at : heard.values()) {
                // Converted from the monotonic clock, so a millisecond either way.
                assertTrue(at >= before - 1 && at <= after + 1, at + " not in [" + before + ", " + after + "]");
            }

            sfu.engine.closeSession("session-c", "left");
            assertEquals(Map.of("call-1", heard.get("call-1")).keySet(), sfu.engine.lastHeard().keySet());
        }
    }
}
