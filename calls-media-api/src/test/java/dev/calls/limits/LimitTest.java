package dev.calls.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void propertyNamesTheLimit() {
        assertEquals("calls.limit.actionsPerSecond", Limit.ACTIONS_PER_SECOND.property());
    }

    @Test
    void everyDefaultIsPositive() {
        for (Limit limit : Limit.values()) {
            assertTrue(limit.defaultValue() > 0, limit.name());
        }
    }
}
