package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.calls.load.LoadReport;
import dev.calls.load.UplinkPhase;
import dev.calls.load.client.MediaShape;

/**
 * Upstream loss repair through the deployed EAR, measured as a viewer sees it: the load tool's uplink-loss
 * scenario shares a screen through a sharer whose uplink loses 5 % of its packets and delays the rest by
 * 100 ± 30 ms (in the tool: this kernel has no netem), for a window and then clean again, first with the
 * server's NACKs left unanswered and then answered as a browser answers them, with the same seed. Asserts,
 * within the one run, that repair at least halves the viewer's frozen time, and that no freeze is left once
 * the path is clean.
 */
class UplinkLossIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(UplinkLossIT.class);

    @Test
    void repairAtLeastHalvesTheViewersFrozenTimeAndLeavesNoFreezeOnceThePathIsClean() throws Exception {
        LoadReport report = LoadTool.runAgainst(base, "--scenario", "uplink-loss", "--duration", "2",
                "--lossy-seconds", "10", "--clean-seconds", "5", "--settle", "15", "--handshake-threads", "2",
                "--network-threads", "1");
        LOG.infof("uplink loss through the contract:%n%s", report.table());

        assertEquals(2, report.connected(), () -> "failures: " + report.failures());
        UplinkPhase off = report.uplink().withoutRepair();
        UplinkPhase on = report.uplink().withRepair();
        assertTrue(off.dropped() > 0 && on.dropped() > 0, report::table);
        assertTrue(on.feedback().nacks() > 0 && on.feedback().retransmitted() > 0,
                () -> "the server asks the sharer for what its uplink lost: " + report.table());
        assertTrue(off.lossy().frozenSeconds() > 0, () -> "unrepaired loss freezes the picture: " + report.table());
        assertTrue(on.lossy().frozenSeconds() <= 0.5 * off.lossy().frozenSeconds(),
                () -> "repair at least halves the frozen time: " + report.table());
        assertEquals(0, on.clean().freezes(), report::table);
        assertEquals(0, on.clean().frozenSeconds(), report::table);
        assertTrue(on.clean().fps() >= MediaShape.defaults().screenFps() / 2.0,
                () -> "frames flow on the clean path: " + report.table());
    }
}
