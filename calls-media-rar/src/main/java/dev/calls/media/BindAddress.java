package dev.calls.media;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Chooses the address the media port binds to. A socket bound to the wildcard address answers from whatever
 * source the kernel's route towards the client picks, which on a machine with several addresses (or towards a
 * client on this machine) need not be the address the client sent to; an ICE check answered from another
 * address fails (RFC 8445 §7.2.5.2.1). So a wildcard becomes the advertised address whenever that is one of
 * this machine's own. Behind NAT the advertised address belongs to the router, datagrams arrive for a local
 * one the engine cannot name, and the wildcard stays.
 */
final class BindAddress {

    private BindAddress() {
    }

    /**
     * @param configured the {@code bindAddress} property
     * @param advertised the address ICE candidates carry ({@link AdvertisedAddress#choose})
     */
    static InetAddress choose(String configured, String advertised) throws UnknownHostException {
        InetAddress bind = InetAddress.getByName(configured);
        if (!bind.isAnyLocalAddress()) {
            return bind;
        }
        try {
            InetAddress candidate = InetAddress.getByName(advertised);
            return NetworkInterface.getByInetAddress(candidate) != null ? candidate : bind;
        } catch (UnknownHostException | SocketException e) {
            return bind;
        }
    }
}
