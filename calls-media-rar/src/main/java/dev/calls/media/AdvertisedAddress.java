package dev.calls.media;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The address that ICE candidates carry, and why it was chosen. In order: the admin's override (for NAT);
 * the bind address when it is a specific one; the lowest IPv4 address of the default route's interface;
 * the lowest IPv4 address of any interface that is up and not loopback; loopback when the machine has
 * nothing else. Link-local addresses (169.254/16) are never chosen. "Lowest" is numeric order, so the choice
 * depends only on which addresses the machine has, never on the order in which interfaces came up, and a
 * restart of a multi-homed host advertises the same address.
 *
 * @param address the address put in candidates
 * @param reason  why, in words, for the log at start
 */
public record AdvertisedAddress(String address, String reason) {

    private static final Comparator<Inet4Address> NUMERIC =
            Comparator.comparingLong(a -> Integer.toUnsignedLong(ByteBuffer.wrap(a.getAddress()).getInt()));

    /** The choice on this machine: its routing table and its interfaces. */
    public static AdvertisedAddress choose(String override, String bindAddress) {
        return choose(override, bindAddress, DefaultRoute.systemTable(), LocalInterface.ofThisMachine());
    }

    /** The choice for a routing table in {@code /proc/net/route}'s form and a list of interfaces. */
    static AdvertisedAddress choose(String override, String bindAddress, List<String> routeTable,
            List<LocalInterface> interfaces) {
        if (override != null && !override.isBlank()) {
            return new AdvertisedAddress(override.trim(), "the resource adapter property iceHostOverride");
        }
        try {
            InetAddress bind = InetAddress.getByName(bindAddress);
            if (!bind.isAnyLocalAddress()) {
                return new AdvertisedAddress(bind.getHostAddress(), "the resource adapter property bindAddress");
            }
        } catch (UnknownHostException e) {
            // Falls through to the interfaces; binding will report the bad address itself.
        }
        return ofInterfaces(DefaultRoute.interfaceOf(routeTable), interfaces);
    }

    private static AdvertisedAddress ofInterfaces(Optional<String> routeInterface, List<LocalInterface> interfaces) {
        Optional<LocalInterface> routed = routeInterface.flatMap(name -> usable(interfaces.stream())
                .filter(nic -> nic.name().equals(name)).findFirst());
        Optional<Inet4Address> ofRoute = routed.flatMap(nic -> lowest(Stream.of(nic)));
        if (ofRoute.isPresent()) {
            return new AdvertisedAddress(ofRoute.get().getHostAddress(),
                    "the lowest IPv4 address of " + routeInterface.get() + ", the default route's interface");
        }
        String why = routeInterface.map(name -> "the default route's interface " + name + " has no usable IPv4 address")
                .orElse("there is no IPv4 default route");
        return lowest(usable(interfaces.stream()))
                .map(address -> new AdvertisedAddress(address.getHostAddress(),
                        "the lowest IPv4 address of an interface that is up and not loopback (" + why + ")"))
                .orElseGet(() -> new AdvertisedAddress(InetAddress.getLoopbackAddress().getHostAddress(),
                        "loopback: no interface that is up and not loopback has an IPv4 address"));
    }

    private static Stream<LocalInterface> usable(Stream<LocalInterface> interfaces) {
        return interfaces.filter(nic -> nic.up() && !nic.loopback());
    }

    private static Optional<Inet4Address> lowest(Stream<LocalInterface> interfaces) {
        return interfaces.flatMap(nic -> nic.addresses().stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .min(NUMERIC);
    }
}
