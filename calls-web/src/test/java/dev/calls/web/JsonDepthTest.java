package dev.calls.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonDepthTest {

    @Test
    void stopsAtTheFirstLevelPastTheLimitWithTheTopLevelFieldReadBeforeIt() {
        JsonDepth depth = JsonDepth.of("{\"seq\":7,\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 16, "seq");
        assertTrue(depth.tooDeep());
        assertEquals(7, depth.topLevelNumber());
    }

    @Test
    void onlyTheNamedTopLevelFieldCounts() {
        JsonDepth depth = JsonDepth.of("{\"data\":{\"seq\":5},\"seq\":-1}", 2, "seq");
        assertFalse(depth.tooDeep());
        assertEquals(0, depth.topLevelNumber());
    }

    @Test
    void textThatIsNotJsonIsLeftToTheParse() {
        assertFalse(JsonDepth.of("{\"a\": [1, ", 2, null).tooDeep());
    }
}
