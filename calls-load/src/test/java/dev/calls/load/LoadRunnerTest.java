package dev.calls.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.calls.load.client.ClientNamespaceFixture;
import dev.calls.load.signaling.InProcessSignaling;

/**
 * A tiny whole call through the real engine in this JVM, the smoke test of the load tool: three
 * participants, one of them speaking and sharing a screen, for a few seconds. Asserts that media was
 * forwarded, received, authenticated and timed — no timing asserts.
 */
class LoadRunnerTest {

    /**
     * The same call with the participants in their own network namespace: the engine is reached through the
     * veth link, and everything it forwards arrives through the namespace's NAPI thread.
     */
    @Test
    void aTinyCallWithItsParticipantsInTheirOwnNetworkNamespaceForwardsToEveryone() throws Exception {
        try (ClientNamespaceFixture namespace = ClientNamespaceFixture.upOrSkip()) {
            LoadOptions options = LoadOptions.parse("--participants", "3", "--speakers", "1", "--duration", "2",
                    "--ramp-up", "0.3", "--settle", "10", "--handshake-threads", "2",
                    "--client-namespace", ClientNamespaceFixture.NAME);
            LoadReport report;
            try (InProcessSignaling signaling = new InProcessSignaling(1, options.engineBindAddress())) {
                report = new LoadRunner(options, signaling, true).run();
            }
            assertEquals(3, report.connected(), () -> "failures: " + report.failures());
            assertTrue(report.clientSockets().startsWith("3 participants with addresses of their own in 198.18.0.0/16 "
                    + "of network namespace " + ClientNamespaceFixture.NAME), report::table);
            assertTrue(report.forwardedPerSecond() > 0 && report.receivedPerSecond() > 0, report::table);
            assertTrue(report.lossPercent() < 5, report::table);
            assertTrue(report.latencySamples() > 0, report::table);
            assertEquals(0, report.authFailures(), report::table);
            assertEquals(report.serverCpuMicrosPerPacket(), report.serverCpuMicrosPerPacketWithoutDelivery(),
                    () -> "the clients' receive is not in the server's CPU, so nothing is taken out: " + report.table());
            assertTrue(report.table().contains("(measured: the clients' socket receive work is not in the server's CPU)"),
                    report::table);
            assertTrue(report.clientReceiveCpuSeconds() >= 0, () -> "the NAPI thread was found and read: " + report.table());
            assertTrue(report.json().contains("\"client_receive_cpu_seconds\": "), report::json);
        }
    }

    /** The same call over ICE-TCP (RFC 6544): every participant connects to the engine's passive TCP candidate. */
    @Test
    void aTinyCallOverIceTcpForwardsToEveryone() throws Exception {
        LoadOptions options = LoadOptions.parse("--participants", "3", "--speakers", "1", "--duration", "2",
                "--ramp-up", "0.3", "--settle", "10", "--handshake-threads", "2", "--transport", "tcp");
        LoadReport report;
        try (InProcessSignaling signaling = new InProcessSignaling(1, options.engineBindAddress())) {
            report = new LoadRunner(options, signaling, true).run();
        }
        assertEquals(3, report.connected(), () -> "failures: " + report.failures());
        assertTrue(report.clientSockets().contains("3 over ICE-TCP"), report::table);
        assertTrue(report.forwardedPerSecond() > 0 && report.receivedPerSecond() > 0, report::table);
        assertTrue(report.lossPercent() < 5, report::table);
        assertEquals(0, report.authFailures(), report::table);
        assertTrue(report.serverCpuSeconds() > 0, report::table);
    }

    @Test
    void aTinyCallForwardsVoiceAndScreenToEveryone() throws Exception {
        LoadOptions options = LoadOptions.parse("--participants", "3", "--speakers", "1", "--screen-share", "true",
                "--duration", "3", "--ramp-up", "0.3", "--settle", "10", "--handshake-threads", "2");
        LoadReport report;
        try (InProcessSignaling signaling = new InProcessSignaling(1, options.engineBindAddress())) {
            report = new LoadRunner(options, signaling, true).run();
        }

        assertEquals(3, report.connected(), () -> "failures: " + report.failures());
        assertTrue(report.sentPerSecond() > 50, "voice (50/s) and screen packets sent: " + report.sentPerSecond());
        assertTrue(report.forwardedPerSecond() > 0 && report.receivedPerSecond() > 0, report::table);
        assertTrue(report.lossPercent() < 5, report::table);
        assertTrue(report.latencySamples() > 0, report::table);
        assertEquals(1, report.latencyP99MicrosBySlice().size(), () -> "a 3-s window is one slice: " + report.table());
        assertTrue(report.latencyP99MicrosBySlice().get(0) > 0, report::table);
        assertEquals(0, report.authFailures(), report::table);
        assertEquals(0, report.corrupted(), report::table);
        assertTrue(report.serverCpuSeconds() > 0, report::table);
        assertTrue(report.serverForwardingMeanMicros() > 0 && report.serverForwardingP99Micros() > 0,
                () -> "the engine's own receive-to-send time: " + report.table());
        assertTrue(report.softirqSeconds() >= 0, () -> "softirq time from /proc/stat: " + report.table());
        assertEquals(-1, report.clientReceiveCpuSeconds(), "on loopback the server's threads receive for the clients");
        assertTrue(report.json().contains("\"packets_out_per_second\""));
        assertTrue(report.json().contains("\"p99_by_slice\": ["), report::json);
        assertTrue(report.reference().loopbackDatagramMicros() > 0, report::table);
        assertEquals(report.serverCpuMicrosPerPacket() / report.reference().loopbackDatagramMicros(),
                report.serverCpuPerPacketInLoopbackDatagrams(), 1e-9, report::table);
        assertTrue(report.json().contains("\"loopback_datagram_cpu_us\": "), report::json);
        if (!report.clientSockets().startsWith("0 participants with addresses of their own")) {
            assertTrue(report.clientReadDelayP99Micros() >= 0, () -> "shared sockets time reads: " + report.table());
        }
        assertTrue(report.json().contains("\"client_read_delay_p99_us\": "), report::json);
        PhaseMedia joins = report.mediaDuringJoins();
        assertTrue(joins.seconds() > 0 && joins.forwarded() > 0,
                () -> "every receiver had its sources' media before the window: " + report.table());
        assertTrue(joins.latencySamples() > 0 && joins.latencyP99Micros() > 0, report::table);
        assertFalse(joins.latencyP99MicrosBySlice().isEmpty(),
                () -> "the join phase ends with a slice: " + report.table());
        assertTrue(report.json().contains("\"media_during_joins\": {\"seconds\": "), report::json);
    }
}
