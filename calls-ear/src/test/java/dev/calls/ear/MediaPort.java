package dev.calls.ear;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Looks at the media UDP port from outside the server. */
public final class MediaPort {

    /** The adapter's default, which the shipped configuration keeps. */
    public static final int DEFAULT = 8443;

    /** The adapter's default ICE-TCP port (iceTcpPort), which the shipped configuration keeps. */
    public static final int ICE_TCP_DEFAULT = 8444;

    private MediaPort() {
    }

    /** True when some socket holds the port: a plain socket (without SO_REUSEPORT) cannot bind it then. */
    public static boolean isBound(int port) {
        try (DatagramSocket probe = new DatagramSocket(null)) {
            probe.bind(new InetSocketAddress(port));
            return false;
        } catch (BindException e) {
            return true;
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
