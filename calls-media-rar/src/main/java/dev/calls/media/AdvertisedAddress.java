package dev.calls.media;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;

/**
 * Chooses the address that ICE candidates carry: the admin's override (for NAT), else the bind address
 * when it is a specific one, else the first IPv4 address of an interface that is up and not loopback,
 * and loopback only when the machine has nothing else.
 */
public final class AdvertisedAddress {

    private AdvertisedAddress() {
    }

    public static String choose(String override, String bindAddress) {
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        try {
            InetAddress bind = InetAddress.getByName(bindAddress);
            if (!bind.isAnyLocalAddress()) {
                return bind.getHostAddress();
            }
        } catch (UnknownHostException e) {
            // Falls through to interface discovery; binding will report the bad address itself.
        }
        return firstInterfaceAddress();
    }

    private static String firstInterfaceAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // No usable interface list: loopback is the only address we can vouch for.
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }
}
