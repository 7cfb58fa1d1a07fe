package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class AbuseReportTest {

    private static final AbuseReport REPORT = new AbuseReport(AbuseOptions.DEFAULTS, List.of(
            new AttackResult("slow_headers", "row 2: slow HTTP headers",
                    Json.createObjectBuilder().add("closed_by_server", 3).add("server_said_before_closing",
                            Json.createObjectBuilder().add("HTTP/1.1 408", 3)).add("closed_after_seconds_p50", 4.41723)
                            .add("closed_after_seconds_max", -1).build()),
            AttackResult.failed("voice_flood", "row 12: voice flood", new IllegalStateException("no listener"))));

    @Test
    void everyAttackHasItsTitleAndFieldsOnTheConsole() {
        String table = REPORT.table();

        assertTrue(table.contains("row 2: slow HTTP headers"), table);
        assertTrue(table.contains("closed by server"), table);
        assertTrue(table.contains("{HTTP/1.1 408:3}"), table);
        assertTrue(table.contains("closed after seconds p50                   4.42"), table);
        assertTrue(table.contains("closed after seconds max                   n/a"), table);
        assertTrue(table.contains("row 12: voice flood"), table);
        assertTrue(table.contains("java.lang.IllegalStateException: no listener"), table);
        assertTrue(table.contains("600 a=ssrc lines"), table);
    }

    @Test
    void theJsonHasTheBoundsAndEachAttackUnderItsId() {
        JsonObject bounds = REPORT.boundsJson();
        JsonObject attacks = REPORT.attacksJson();

        assertEquals(20, bounds.getInt("seconds"));
        assertEquals(4000, bounds.getInt("flood_packets_per_second"));
        assertEquals(3, attacks.getJsonObject("slow_headers").getInt("closed_by_server"));
        assertTrue(attacks.getJsonObject("voice_flood").containsKey("error"));
        assertEquals(List.of("slow_headers", "voice_flood"), REPORT.attackIds());
        assertNull(REPORT.attack("half_open_joins"));
    }
}
