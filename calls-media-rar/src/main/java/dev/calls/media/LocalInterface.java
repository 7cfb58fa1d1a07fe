package dev.calls.media;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

/**
 * A network interface of this machine as the advertised address's choice sees it: its name, whether it is
 * up and whether it is loopback, and its IPv4 addresses.
 */
record LocalInterface(String name, boolean up, boolean loopback, List<Inet4Address> addresses) {

    LocalInterface {
        addresses = List.copyOf(addresses);
    }

    /** This machine's interfaces; none when the JDK cannot list them. */
    static List<LocalInterface> ofThisMachine() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .map(LocalInterface::of)
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static LocalInterface of(NetworkInterface nic) {
        boolean up;
        boolean loopback;
        try {
            up = nic.isUp();
            loopback = nic.isLoopback();
        } catch (SocketException e) {
            // An interface that vanished while being listed is as good as down.
            up = false;
            loopback = false;
        }
        List<Inet4Address> addresses = nic.inetAddresses()
                .filter(Inet4Address.class::isInstance)
                .map(Inet4Address.class::cast)
                .toList();
        return new LocalInterface(nic.getName(), up, loopback, addresses);
    }
}
