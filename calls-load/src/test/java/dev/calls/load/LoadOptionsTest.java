package dev.calls.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.calls.load.abuse.AbuseOptions;
import dev.calls.load.client.SharedAddresses;
import dev.calls.load.client.SpeakerPhase;
import dev.calls.load.client.UplinkImpairment;

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
    void contractModeTakesTheServerItsAdministratorAndItsProcess() {
        LoadOptions options = LoadOptions.parseWithDefaultPassword("from-environment", "--server", "http://localhost:8080", "--server-pid", "4242");

        assertEquals("http://localhost:8080", options.server());
        assertEquals("admin", options.adminUser());
        assertEquals("from-environment", options.adminPassword());
        assertEquals(4242, options.serverPid());
        assertEquals("given", LoadOptions.parseWithDefaultPassword("from-environment", "--server", "http://h:1", "--admin-password", "given")
                .adminPassword());
        assertFalse(options.toString().contains("from-environment"), "the password is never printed");
    }

    @Test
    void contractOptionsWithoutAServerOrPasswordAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword(null, "--server", "http://localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--server", "localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--server-pid", "42"));
        assertEquals(null, LoadOptions.parseWithDefaultPassword("pw").server());
    }

    @Test
    void speakerPhasesAreRandomUnlessChosen() {
        assertEquals(SpeakerPhase.RANDOM, LoadOptions.parse().speakerPhase());
        assertEquals(SpeakerPhase.SPREAD, LoadOptions.parse("--speaker-phase", "spread").speakerPhase());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--speaker-phase", "sometimes"));
    }

    @Test
    void participantsUseUdpUnlessToldToUseIceTcp() {
        assertFalse(LoadOptions.parse().iceTcp());
        assertTrue(LoadOptions.parse("--transport", "tcp").iceTcp());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--transport", "quic"));
    }

    @Test
    void participantsShareSocketsUnlessTold() {
        assertTrue(LoadOptions.parse().sharedSockets());
        assertFalse(LoadOptions.parse("--shared-sockets", "false").sharedSockets());
    }

    @Test
    void participantsLiveOnLoopbackUnlessGivenTheirNetworkNamespace() {
        LoadOptions onLoopback = LoadOptions.parse();
        assertEquals(SharedAddresses.LOOPBACK, onLoopback.sharedAddresses());
        assertEquals("127.0.0.1", onLoopback.engineBindAddress());
        assertNull(LoadOptions.parse("--shared-sockets", "false").sharedAddresses());

        LoadOptions inNamespace = LoadOptions.parse("--client-namespace", "calls-clients");
        assertEquals(SharedAddresses.inNamespace("calls-clients"), inNamespace.sharedAddresses());
        assertEquals("0.0.0.0", inNamespace.engineBindAddress(), "the namespace's loopback is its own");
        assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse("--client-namespace", "calls-clients", "--shared-sockets", "false"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--client-namespace", "a/b"));
    }

    @Test
    void networkThreadsAreRealTimeAsTheServersMediaThreadsUnlessTold() {
        assertEquals(10, LoadOptions.parse().networkPriority());
        assertEquals(0, LoadOptions.parse("--network-priority", "0").networkPriority());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--network-priority", "100"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--network-priority", "-1"));
    }

    @Test
    void theScreenScenarioSharesAScreen() {
        assertTrue(LoadOptions.parse("--scenario", "screen").screen());
    }

    @Test
    void theAbuseScenarioTakesItsBoundsAndALoopbackServerOnly() {
        LoadOptions options = LoadOptions.parseWithDefaultPassword("pw", "--scenario", "abuse", "--server",
                "http://127.0.0.1:8080", "--abuse-seconds", "5", "--slow-headers", "7", "--flood-rate", "1000");

        assertEquals(Scenario.ABUSE, options.scenario());
        assertEquals(4, options.participants());
        assertEquals(2, options.speakers());
        assertEquals(5, options.abuse().seconds());
        assertEquals(7, options.abuse().slowHeaders());
        assertEquals(1000, options.abuse().floodRate());
        assertEquals(AbuseOptions.DEFAULTS.webSockets(), options.abuse().webSockets());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--scenario", "abuse"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--scenario", "abuse",
                "--server", "http://192.0.2.10:8080"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--scenario", "abuse",
                "--server", "https://127.0.0.1:8443"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parseWithDefaultPassword("pw", "--scenario", "abuse",
                "--server", "http://127.0.0.1:8080", "--abuse-seconds", "0"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--websockets", "10"),
                "abuse bounds without the abuse scenario");
    }

    @Test
    void theUplinkLossScenarioTakesItsImpairmentAndWindows() {
        LoadOptions options = LoadOptions.parse("--scenario", "uplink-loss", "--uplink-loss", "2.5", "--uplink-seed", "9",
                "--lossy-seconds", "8");

        assertEquals(Scenario.UPLINK_LOSS, options.scenario());
        assertEquals(2, options.participants());
        assertTrue(options.screen());
        assertEquals(new UplinkImpairment.Shape(2.5, 100, 30, 9), options.uplink().shape());
        assertEquals(8, options.uplink().lossySeconds());
        assertEquals(UplinkOptions.DEFAULTS.cleanSeconds(), options.uplink().cleanSeconds());
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--scenario", "uplink-loss",
                "--decrypt-every", "2"), "frames need every packet");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--scenario", "uplink-loss",
                "--uplink-delay", "10", "--uplink-jitter", "20"));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse("--uplink-loss", "5"),
                "an impairment without the uplink-loss scenario");
    }
}
