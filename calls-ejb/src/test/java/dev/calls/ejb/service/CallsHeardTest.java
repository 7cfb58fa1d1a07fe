package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallsHeardTest {

    private final CallsHeard heard = new CallsHeard();

    @Test
    void aCallHeardIsDueUntilThatTimeIsRecordedAndAgainOnceHeardLater() {
        Set<String> running = Set.of("a", "b");
        assertEquals(Map.of("a", 1000L, "b", 900L), heard.due(running, Map.of("a", 1000L, "b", 900L)));

        heard.recorded(Map.of("a", 1000L, "b", 900L));

        assertEquals(Map.of(), heard.due(running, Map.of("a", 1000L, "b", 900L)), "nothing heard since the write");
        assertEquals(Map.of("b", 1900L), heard.due(running, Map.of("a", 1000L, "b", 1900L)),
                "only the call heard later is due");
    }

    @Test
    void aTimeNotRecordedStaysDue() {
        Set<String> running = Set.of("a");
        heard.due(running, Map.of("a", 1000L));

        assertEquals(Map.of("a", 1000L), heard.due(running, Map.of("a", 1000L)));
    }

    @Test
    void onlyRunningCallsAreDueAndACallThatStoppedIsForgotten() {
        heard.recorded(heard.due(Set.of("a"), Map.of("a", 1000L)));

        assertEquals(Map.of(), heard.due(Set.of("b"), Map.of("a", 2000L)), "a call the server no longer runs");
        assertEquals(Map.of(), heard.due(Set.of("b"), Map.of()), "a running call the engine has not heard");
        assertEquals(Map.of("a", 1000L), heard.due(Set.of("a"), Map.of("a", 1000L)),
                "its last write was forgotten when it stopped running");
    }
}
