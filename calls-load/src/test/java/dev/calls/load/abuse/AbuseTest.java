package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class AbuseTest {

    @Test
    void theAttackersAreNumberedAfterTheCallInProgressAndTheFloodHasACallOfItsOwn() {
        Abuse abuse = new Abuse(new AbuseOptions(5, 10, 1, 1, 3, 600, 1000), null,
                URI.create("http://127.0.0.1:8080/calls/"), "load-call-0", 4);

        Map<String, List<Integer>> accounts = abuse.accounts();

        assertEquals(List.of("load-call-0", Abuse.FLOOD_CALL), List.copyOf(accounts.keySet()));
        assertEquals(List.of(4, 5, 6, 7, 8, 9), accounts.get("load-call-0"),
                "the offer's member, the WebSockets' user, three half-open joiners and the real joiner");
        assertEquals(List.of(10, 11, 12), accounts.get(Abuse.FLOOD_CALL), "the flooder and its two listeners");
        assertEquals(9, Stream.of(accounts.values()).flatMap(v -> v.stream()).flatMap(List::stream).distinct().count());
        assertEquals(5, abuse.seconds());
    }
}
