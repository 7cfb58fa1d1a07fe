package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The advertised address's choice, on fake routing tables and interface lists of a multi-homed host. */
class AdvertisedAddressTest {

    private static final String HEADER = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
    private static final String DEFAULT_VIA_ETH1 = "eth1\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0";
    private static final String SUBNET_OF_ETH0 = "eth0\t0000000A\t00000000\t0001\t0\t0\t0\t000000FF\t0\t0\t0";

    private static final LocalInterface LOOPBACK = nic("lo", true, true, "127.0.0.1");
    private static final LocalInterface ETH0 = nic("eth0", true, false, "10.0.0.7");
    private static final LocalInterface ETH1 = nic("eth1", true, false, "192.168.1.20", "192.168.1.9");
    private static final LocalInterface DOCKER = nic("docker0", true, false, "172.17.0.1");

    @Test
    void theOverrideWinsOverEverything() {
        AdvertisedAddress choice = AdvertisedAddress.choose(" 203.0.113.10 ", "0.0.0.0",
                List.of(HEADER, DEFAULT_VIA_ETH1), List.of(ETH0, ETH1));
        assertEquals("203.0.113.10", choice.address());
        assertTrue(choice.reason().contains("iceHostOverride"), choice.reason());
    }

    @Test
    void aSpecificBindAddressIsAdvertised() {
        assertEquals("10.0.0.7", AdvertisedAddress.choose("", "10.0.0.7", List.of(HEADER, DEFAULT_VIA_ETH1),
                List.of(ETH0, ETH1)).address());
    }

    @Test
    void theDefaultRoutesInterfaceGivesItsLowestAddressWhateverTheInterfaceOrder() {
        List<String> table = List.of(HEADER, SUBNET_OF_ETH0, DEFAULT_VIA_ETH1);
        AdvertisedAddress choice = AdvertisedAddress.choose("", "0.0.0.0", table, List.of(LOOPBACK, DOCKER, ETH0, ETH1));
        assertEquals("192.168.1.9", choice.address());
        assertTrue(choice.reason().contains("eth1, the default route's interface"), choice.reason());
        assertEquals(choice, AdvertisedAddress.choose("", "0.0.0.0", table, List.of(ETH1, ETH0, DOCKER, LOOPBACK)));
    }

    @Test
    void ofSeveralDefaultRoutesTheLowestMetricWinsThenTheInterfaceName() {
        String viaEth0Preferred = "eth0\t00000000\t0100000A\t0003\t0\t0\t50\t00000000\t0\t0\t0";
        String viaDockerSameMetric = "docker0\t00000000\t010011AC\t0003\t0\t0\t100\t00000000\t0\t0\t0";
        List<LocalInterface> nics = List.of(DOCKER, ETH0, ETH1);
        assertEquals("10.0.0.7",
                AdvertisedAddress.choose("", "0.0.0.0", List.of(HEADER, DEFAULT_VIA_ETH1, viaEth0Preferred), nics).address());
        assertEquals("172.17.0.1",
                AdvertisedAddress.choose("", "0.0.0.0", List.of(HEADER, DEFAULT_VIA_ETH1, viaDockerSameMetric), nics).address());
    }

    @Test
    void aDefaultRouteThatIsNotUpIsIgnored() {
        String down = "eth1\t00000000\t0101A8C0\t0002\t0\t0\t0\t00000000\t0\t0\t0";
        AdvertisedAddress choice = AdvertisedAddress.choose("", "0.0.0.0", List.of(HEADER, down), List.of(ETH1, ETH0));
        assertEquals("10.0.0.7", choice.address());
        assertTrue(choice.reason().contains("there is no IPv4 default route"), choice.reason());
    }

    @Test
    void withoutARouteTheLowestAddressOfAnUpInterfaceThatIsNotLoopbackIsChosen() {
        LocalInterface down = nic("eth2", false, false, "10.0.0.1");
        LocalInterface linkLocal = nic("eth3", true, false, "169.254.3.3");
        assertEquals("10.0.0.7", AdvertisedAddress.choose("", "0.0.0.0", List.of(),
                List.of(ETH1, linkLocal, LOOPBACK, down, ETH0, DOCKER)).address());
    }

    @Test
    void aDefaultRouteOverAnInterfaceWithoutIpv4FallsBackToTheLowestAddress() {
        LocalInterface tunnel = nic("wg0", true, false);
        String viaTunnel = "wg0\t00000000\t00000000\t0001\t0\t0\t0\t00000000\t0\t0\t0";
        AdvertisedAddress choice = AdvertisedAddress.choose("", "0.0.0.0", List.of(HEADER, viaTunnel),
                List.of(tunnel, ETH1, DOCKER));
        assertEquals("172.17.0.1", choice.address());
        assertTrue(choice.reason().contains("wg0 has no usable IPv4 address"), choice.reason());
    }

    @Test
    void aMachineWithOnlyLoopbackAdvertisesLoopback() {
        assertEquals("127.0.0.1", AdvertisedAddress.choose("", "0.0.0.0", List.of(HEADER), List.of(LOOPBACK)).address());
    }

    @Test
    void anUnreadableTableLineIsSkipped() {
        assertEquals("192.168.1.9", AdvertisedAddress.choose("", "0.0.0.0",
                List.of(HEADER, "garbage", "eth0\t00000000\tx\tzz\t0\t0\t0\t00000000", DEFAULT_VIA_ETH1),
                List.of(ETH0, ETH1)).address());
    }

    private static LocalInterface nic(String name, boolean up, boolean loopback, String... addresses) {
        return new LocalInterface(name, up, loopback, Arrays.stream(addresses).map(AdvertisedAddressTest::v4).toList());
    }

    private static Inet4Address v4(String literal) {
        try {
            return (Inet4Address) InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
