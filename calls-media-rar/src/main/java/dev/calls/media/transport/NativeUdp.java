package dev.calls.media.transport;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The JNI library {@code libcallsudp} ({@code src/main/c/callsudp.c}): batched UDP sends with Linux's
 * {@code sendmmsg(2)}, which Java 17's {@code DatagramChannel} lacks. Loaded once per class loader when the
 * class is first used; where it is missing or fails to load (another OS or CPU, no writable temp directory,
 * {@code -Dcalls.media.nativeSend=false}) {@link #available()} is false and the engine sends one datagram
 * per {@code DatagramChannel.send}, as before.
 *
 * <p>Netty's epoll transport also has {@code sendmmsg}, but only through its own channels and event loop:
 * the engine would have to give up its transport and hand every packet to Netty's thread.
 */
public final class NativeUdp {

    /** {@code -D} switch to leave the library unloaded, for A/B measurements in one build. */
    public static final String PROPERTY = "calls.media.nativeSend";

    private static final String USE = "media is sent in batches with sendmmsg(2)";
    private static final String FALLBACK = "media is sent one datagram per system call";
    private static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
            ? NativeLibrary.load(NativeUdp.class, "callsudp", USE, FALLBACK)
            : NativeLibrary.skipped("callsudp", "-D" + PROPERTY + "=false", FALLBACK);

    private NativeUdp() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    /** The channel's socket family: 6 (AF_INET6), 4 (AF_INET), or minus an errno. */
    static native int socketFamily(DatagramChannel channel);

    /**
     * Sends datagrams {@code [0, count)} with {@code sendmmsg(2)} and {@code MSG_DONTWAIT}: datagram i is
     * {@code slab[offsets[i], offsets[i] + lengths[i])} to the 16-byte IPv6 or IPv4-mapped address at
     * {@code addresses[16 i]}, {@code ports[i]}, {@code scopes[i]}. Writes the bytes sent of each, or -1, into
     * {@code results} and returns how many were sent. The channel must be open for the whole call.
     */
    static native int sendmmsg(DatagramChannel channel, boolean ipv6Socket, ByteBuffer slab, int[] offsets,
            int[] lengths, byte[] addresses, int[] ports, int[] scopes, int count, int[] results);
}
