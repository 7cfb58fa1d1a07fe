package dev.calls.ear.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of the test's own, joined to this machine's namespace by a veth pair, with addresses
 * from a /24 private range the test names: the machine's end is {@code .1}, the namespace's starts at the
 * address given and can be changed in the middle of a test, as a laptop's address changes when it moves
 * from one network to another. Its default route goes through the veth, so it reaches every address of this
 * machine and nothing else. Needs root; {@link #close()} deletes the namespace, which takes the veth pair
 * with it.
 */
final class NetworkNamespace implements AutoCloseable {

    private static final int PREFIX = 24;

    final String name;
    private final String device;
    private final String hostAddress;
    private volatile String address;

    private NetworkNamespace(String name, String device, String hostAddress, String address) {
        this.name = name;
        this.device = device;
        this.hostAddress = hostAddress;
        this.address = address;
    }

    /**
     * Creates namespace {@code name} with veth ends {@code name-h} (here, {@code subnet.1}) and {@code name-n}
     * (there, {@code subnet.host}); IPv6 is off inside, so the address below is its only one.
     *
     * @param subnet the first three octets of a private /24 no other test uses, e.g. {@code 10.231.89}
     */
    static NetworkNamespace create(String name, String subnet, int host) {
        requireRoot();
        NetworkNamespace ns = new NetworkNamespace(name, name + "-n", subnet + ".1", subnet + "." + host);
        String hostDevice = name + "-h";
        // A run that was killed before its cleanup left this test's namespace behind: it is this test's own.
        ns.close();
        try {
            ip("netns", "add", name);
            ip("link", "add", hostDevice, "type", "veth", "peer", "name", ns.device, "netns", name);
            ip("addr", "add", ns.hostAddress + "/" + PREFIX, "dev", hostDevice);
            ip("link", "set", hostDevice, "up");
            ns.run("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            ip("-n", name, "link", "set", "lo", "up");
            ip("-n", name, "link", "set", ns.device, "up");
            ns.assign(ns.address);
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** The machine's end of the veth pair: the address the namespace reaches this machine's services on. */
    String hostAddress() {
        return hostAddress;
    }

    /** The namespace's current address. */
    String address() {
        return address;
    }

    /**
     * The namespace moves to another address of the subnet: the old one is deleted first (connections bound
     * to it die, as when a laptop leaves a network), then the new one is added with the default route.
     */
    void changeAddress(int host) {
        String next = address.substring(0, address.lastIndexOf('.') + 1) + host;
        ip("-n", name, "addr", "del", address + "/" + PREFIX, "dev", device);
        assign(next);
    }

    /** Starts {@code command} inside the namespace, its output discarded. */
    Process start(String... command) {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", name));
        line.addAll(List.of(command));
        try {
            return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code command} inside the namespace and waits for it to succeed. */
    void run(String... command) {
        List<String> line = new ArrayList<>(List.of("netns", "exec", name));
        line.addAll(List.of(command));
        ip(line.toArray(String[]::new));
    }

    private void assign(String next) {
        ip("-n", name, "addr", "add", next + "/" + PREFIX, "dev", device);
        ip("-n", name, "route", "replace", "default", "via", hostAddress);
        address = next;
    }

    @Override
    public void close() {
        try {
            ip("netns", "del", name);
        } catch (RuntimeException e) {
            // Not created, or gone already: nothing of it is left either way.
        }
    }

    /** The test changes this machine's network: it must run as root, and says so rather than skip. */
    static void requireRoot() {
        String user = System.getProperty("user.name");
        if (!"root".equals(user)) {
            throw new AssertionError("this test creates a network namespace and a veth pair, which needs root; "
                    + "it runs as " + user);
        }
    }

    private static void ip(String... arguments) {
        List<String> line = new ArrayList<>(List.of("ip"));
        line.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
