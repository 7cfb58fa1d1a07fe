package dev.calls.load.client;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the participants on shared sockets ({@link SharedLoopbackSocket}) take their addresses from, one each,
 * counting up from {@code first}:
 * <ul>
 * <li>{@link #LOOPBACK}: {@code 127.64.0.0/10} on this machine's loopback, for a server on an IPv4 address of
 * this machine. On loopback the kernel delivers each datagram into the client's socket inside the server's
 * own send, so that work is counted as the server's CPU.</li>
 * <li>{@link #inNamespace}: {@code 198.18.0.0/16} (half of RFC 2544's range for benchmarks) inside a network
 * namespace that {@code src/main/sh/client-namespace.sh} set up behind a veth pair whose receiving end runs
 * its own NAPI thread: the clients' receive work runs there, in the kernel thread of a separate "host", as it
 * would on the clients' own machines, and no longer inside the server's send.</li>
 * </ul>
 *
 * @param first     the first participant's address, as an IPv4 int (first byte highest)
 * @param count     how many addresses there are
 * @param namespace the network namespace's file ({@code /run/netns/NAME}), or null for this process's own
 */
public record SharedAddresses(int first, int count, String namespace) {

    public static final SharedAddresses LOOPBACK = new SharedAddresses(127 << 24 | 64 << 16 | 1, (1 << 22) - 2, null);

    /** Where {@code ip netns add NAME} puts the namespace's file. */
    private static final String NAMESPACES = "/run/netns/";

    /** 198.18.0.1 to 198.18.255.254: the script makes this range local to the namespace (its loopback). */
    public static SharedAddresses inNamespace(String name) {
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("a network namespace name, as ip netns lists it: '" + name + "'");
        }
        return new SharedAddresses(198 << 24 | 18 << 16 | 1, (1 << 16) - 2, NAMESPACES + name);
    }

    /** Refuses a namespace that is not there, naming the script that makes it. */
    void checkExists() throws IOException {
        if (!Files.exists(Path.of(namespace))) {
            throw new IOException("there is no network namespace " + name() + ": make it first, as root, with "
                    + "calls-load/src/main/sh/client-namespace.sh up " + name());
        }
    }

    private String name() {
        return namespace.substring(NAMESPACES.length());
    }

    /**
     * Whether participants with these addresses reach {@code server} and get its answers back: on loopback, an
     * address of this machine; from the namespace, any IPv4 address but loopback, which there is the
     * namespace's own.
     */
    boolean reach(InetAddress server) throws SocketException {
        if (!(server instanceof Inet4Address)) {
            return false;
        }
        if (namespace != null) {
            return !server.isLoopbackAddress();
        }
        return server.isLoopbackAddress() || NetworkInterface.getByInetAddress(server) != null;
    }

    /**
     * The start of the name of the kernel thread that receives for the namespace's participants, as
     * {@code /proc/<pid>/comm} shows it (older kernels cut it at 15 characters, so this is no longer):
     * client-namespace.sh names the namespace's end of the veth pair {@code vc-} and the name's first 12
     * characters, and threaded NAPI names its thread {@code napi/<interface>-<id>}. Null on loopback, where the
     * sending thread receives.
     */
    public String receiveThreadName() {
        if (namespace == null) {
            return null;
        }
        String thread = "napi/vc-" + name();
        return thread.substring(0, Math.min(15, thread.length()));
    }

    /** For the report: where the addresses are. */
    String describe() {
        return namespace == null ? "in 127.64.0.0/10"
                : "in 198.18.0.0/16 of network namespace " + name();
    }
}
