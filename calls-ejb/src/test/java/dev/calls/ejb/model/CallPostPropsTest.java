package dev.calls.ejb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallPostPropsTest {

    @Test
    void aCallsPropsReadBackAsTheSameCall() {
        CallPostProps call = CallPostProps.started("c", 1_000, "a", "Standup").withParticipant("b").ended(61_000, "last_left");

        Post post = new Post("p", "ch", null, "a", "Standup", 1_000);
        post.showCall(call);

        assertEquals(call, post.callProps().orElseThrow());
        assertEquals("{\"call_id\":\"c\",\"start_at\":1000,\"end_at\":61000,\"participants\":[\"a\",\"b\"],"
                + "\"title\":\"Standup\",\"ended_reason\":\"last_left\"}", call.toJson());
    }

    @Test
    void aParticipantIsListedOnce() {
        CallPostProps call = CallPostProps.started("c", 1_000, "a", "");

        assertSame(call, call.withParticipant("a"));
        assertEquals(List.of("a"), call.participants());
    }

    @Test
    void aPostBecomesACallsCardAndPlainPostsAreNone() {
        Post post = new Post("p", "ch", null, "a", "Call started", 1_000);
        assertTrue(post.callProps().isEmpty());
        assertEquals("{}", post.propsObject().toString());

        post.showCall(CallPostProps.started("c", 1_000, "a", ""));

        assertEquals(CallPostProps.TYPE, post.getType());
        assertEquals("c", post.propsObject().getString("call_id"));
    }
}
