package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.calls.load.AbuseOutcome;
import dev.calls.load.LoadReport;
import dev.calls.load.abuse.AttackResult;

/**
 * The load tool's abuse scenario against the deployed EAR, with small counts for a few seconds: a call of
 * four with two speakers is measured in a quiet window, then beside slow HTTP headers, an oversized offer,
 * many WebSockets of one user, half-open joins with a real participant joining meanwhile, and a voice flood.
 * Asserts outcomes, never times: the run completes, the report has every attack's section, each attack ran,
 * the call in progress kept receiving its media during the attacks, and a sign-in still succeeds after them.
 */
class AbuseScenarioIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(AbuseScenarioIT.class);
    private static final List<String> ATTACKS = List.of("slow_headers", "oversized_offer", "websockets_of_one_user",
            "half_open_joins", "voice_flood");

    @Test
    void theCallInProgressKeepsItsMediaBesideEveryAttackAndTheReportHasEach() throws Exception {
        LoadReport report = LoadTool.runAgainst(base, "--scenario", "abuse", "--participants", "4", "--speakers", "2",
                "--duration", "4", "--ramp-up", "1", "--settle", "15", "--handshake-threads", "4", "--network-threads",
                "1", "--abuse-seconds", "8", "--abuse-open-rate", "20", "--slow-headers", "10", "--websockets", "10",
                "--half-open-joins", "4", "--offer-ssrcs", "600", "--flood-rate", "1000");
        LOG.infof("abuse scenario through the contract:%n%s", report.table());

        assertEquals(4, report.connected(), () -> "failures: " + report.failures());
        AbuseOutcome abuse = report.abuse();
        JsonObject json = Json.createReader(new StringReader(report.json())).readObject();
        assertNotNull(abuse, report::table);
        assertEquals(ATTACKS, abuse.attacks().attackIds(), report::table);
        assertTrue(json.getJsonObject("abuse").containsKey("quiet_window"), report::json);
        assertTrue(json.getJsonObject("abuse").containsKey("abuse_window"), report::json);
        for (String id : ATTACKS) {
            AttackResult attack = abuse.attacks().attack(id);
            assertFalse(attack.fields().containsKey("error"), () -> id + " could not run: " + report.table());
            assertTrue(json.getJsonObject("abuse").getJsonObject("attacks").containsKey(id), report::json);
        }
        assertTrue(abuse.attacks().attack("slow_headers").fields().getInt("connections_attempted") > 0, report::table);
        assertTrue(abuse.attacks().attack("websockets_of_one_user").fields().getInt("opened") > 0, report::table);
        assertTrue(abuse.attacks().attack("half_open_joins").fields().getInt("joins_sent") > 0, report::table);
        assertEquals("OK", abuse.attacks().attack("oversized_offer").fields().getString("join"), report::table);
        assertTrue(abuse.attacks().attack("voice_flood").fields().getJsonNumber("sent").longValue() > 0, report::table);
        assertEquals("FAIL too_many_sources", abuse.attacks().attack("oversized_offer").fields().getString("reply"),
                report::table);
        assertTrue(abuse.attacks().attack("voice_flood").fields().getJsonNumber("forwarded_fraction_most").doubleValue() < 0.5,
                () -> "the server polices a flood of 1000 voice packets a second: " + report.table());

        assertTrue(abuse.quiet().forwarded() > 0, report::table);
        assertTrue(abuse.duringAbuse().forwarded() > 0, () -> "the call in progress got media during the attacks: "
                + report.table());
        assertTrue(abuse.duringAbuse().lossPercent() < 50, report::table);
        assertTrue(abuse.duringAbuse().latencySamples() > 0, report::table);
        assertNotNull(new Api(base).adminToken(), "a sign-in after the attacks");
    }
}
