package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnknownCheckRepliesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aReplyLargerThanItsRequestNeverGoes() {
        UnknownCheckReplies replies = new UnknownCheckReplies(100, 100, 0);
        assertFalse(replies.allow(28, 48, 0), "the 1.7x amplification of the security review");
        assertTrue(replies.allow(100, 48, 0));
        assertTrue(replies.allow(48, 48, 0));
        assertEquals(1, replies.dropped());
    }

    @Test
    void repliesAreRateLimitedAndTheRestCounted() {
        UnknownCheckReplies replies = new UnknownCheckReplies(10, 20, 0);
        int sent = 0;
        for (int i = 0; i < 1000; i++) {
            sent += replies.allow(100, 48, 0) ? 1 : 0;
        }
        assertEquals(20, sent);
        assertEquals(980, replies.dropped());
        sent = 0;
        for (int i = 0; i < 1000; i++) {
            sent += replies.allow(100, 48, SECOND) ? 1 : 0;
        }
        assertEquals(10, sent, "ten more a second later");
    }
}
