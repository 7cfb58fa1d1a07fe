package dev.calls.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void aScenarioGivesDefaultsThatOptionsOverride() {
        LoadOptions options = LoadOptions.parse("--scenario", "many-calls", "--calls", "3");

        assertEquals(Scenario.MANY_CALLS, options.scenario());
        assertEquals(3, options.calls());
        assertEquals(10, options.participants());
        assertEquals(30, options.totalParticipants());
    }

    @Test
    void unknownOptionsAndImpossibleShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--participant", "3"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--participants", "2", "--speakers", "3"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--scenario", "nonsense"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--duration"));
    }

    @Test
    void theScreenScenarioSharesAScreen() {
        assertTrue(LoadOptions.parse("--scenario", "screen").screen());
    }
}
