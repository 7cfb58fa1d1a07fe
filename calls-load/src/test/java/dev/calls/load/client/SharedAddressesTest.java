package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class SharedAddressesTest {

    /** Loopback in the namespace is the namespace's own: a server there is not one its participants reach. */
    @Test
    void participantsInTheNamespaceReachAnyIpv4ServerButLoopback() throws Exception {
        SharedAddresses namespace = SharedAddresses.inNamespace("calls-clients");
        assertFalse(namespace.reach(InetAddress.getLoopbackAddress()));
        assertTrue(namespace.reach(InetAddress.getByName("198.19.0.1")));
        assertTrue(namespace.reach(InetAddress.getByName("192.0.2.1")));
        assertFalse(namespace.reach(InetAddress.getByName("::1")));
        assertEquals("/run/netns/calls-clients", namespace.namespace());
        assertEquals(InetAddress.getByName("198.18.0.1"), ipv4(namespace.first()));
        assertEquals(InetAddress.getByName("198.18.255.254"), ipv4(namespace.first() + namespace.count() - 1));
    }

    @Test
    void participantsOnLoopbackReachOnlyThisMachine() throws Exception {
        assertTrue(SharedAddresses.LOOPBACK.reach(InetAddress.getLoopbackAddress()));
        assertFalse(SharedAddresses.LOOPBACK.reach(InetAddress.getByName("192.0.2.1")), "RFC 5737: nobody's");
        assertEquals(InetAddress.getByName("127.64.0.1"), ipv4(SharedAddresses.LOOPBACK.first()));
        assertEquals(InetAddress.getByName("127.127.255.254"),
                ipv4(SharedAddresses.LOOPBACK.first() + SharedAddresses.LOOPBACK.count() - 1));
    }

    @Test
    void aNamespaceIsNamedAsIpNetnsListsIt() {
        assertThrows(IllegalArgumentException.class, () -> SharedAddresses.inNamespace("../etc"));
        assertThrows(IllegalArgumentException.class, () -> SharedAddresses.inNamespace(""));
    }

    private static InetAddress ipv4(int address) throws Exception {
        return InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                (byte) (address >>> 8), (byte) address});
    }
}
