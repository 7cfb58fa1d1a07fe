package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.calls.load.LoadReport;

/**
 * The load tool's contract mode against the deployed EAR, a smoke test and not a benchmark: six simulated
 * participants are created and signed in by the administrator over REST, join one call each over their own
 * WebSocket, negotiate through {@code sdp} and {@code signal}, connect over UDP (ICE, DTLS, SRTP) to the
 * candidate the server's answer names, two speak and one shares a screen for a few seconds, then leave.
 * Asserts that every join completed, every receiver got media, and the server counted what it sent.
 */
class LoadContractIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(LoadContractIT.class);

    @Test
    void sixParticipantsWithTwoSpeakersAndAScreenGetMediaThroughTheContract() throws Exception {
        LoadReport report = LoadTool.runAgainst(base, "--participants", "6", "--speakers", "2", "--screen-share",
                "true", "--duration", "6", "--ramp-up", "2", "--settle", "15", "--handshake-threads", "4",
                "--network-threads", "1");
        LOG.infof("load tool through the contract:%n%s", report.table());

        assertEquals(6, report.connected(), () -> "failures: " + report.failures());
        assertEquals(6, report.joinReplies(), report::table);
        assertEquals(6, report.mediaJoins(), report::table);
        assertEquals(0, report.silentReceivers(), report::table);
        assertTrue(report.receivedPerSecond() > 0, report::table);
        assertTrue(report.lossPercent() < 5, report::table);
        assertTrue(report.latencySamples() > 0, report::table);
        assertEquals(0, report.authFailures(), report::table);
        assertEquals(0, report.corrupted(), report::table);
        assertTrue(report.serverPacketsOutPerSecond() >= 0.9 * report.receivedPerSecond(), report::table);
        assertTrue(report.serverForwardingMeanMicros() > 0 && report.serverForwardingP99Micros() > 0,
                () -> "the server's receive-to-send time from /system/stats: " + report.table());
    }
}
