package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops, with nftables, every UDP datagram this machine sends to one address and port, or to some ports from
 * every address but one: a network that blocks UDP to the media server (and to a TURN server), for browsers on
 * this machine. The rule lives in a table of its own, named for this process, which {@link #close()} deletes.
 * Needs root (CAP_NET_ADMIN) and the {@code nft} command (Debian's {@code nftables}); without either it fails,
 * saying which.
 */
public final class UdpBlock implements AutoCloseable {

    private static final Pattern DROPPED = Pattern.compile("counter packets (\\d+)");

    private final String table;

    private UdpBlock(String table) {
        this.table = table;
    }

    /** Starts dropping UDP to {@code address:port}. */
    public static UdpBlock to(String address, int port) {
        return start(isIpv6(address) ? "ip6" : "ip", "daddr", address, "udp", "dport", Integer.toString(port));
    }

    /**
     * Starts dropping IPv4 UDP to any of {@code ports}, whatever the address, except datagrams sent from
     * {@code exempt}: a network without UDP for the browsers while a relay on this machine, sending from an
     * address of its own, still reaches the media port.
     */
    public static UdpBlock toPortsExceptFrom(String exempt, int... ports) {
        String set = "{ " + String.join(", ", Arrays.stream(ports).mapToObj(Integer::toString).toList()) + " }";
        return start("ip", "saddr", "!=", exempt, "udp", "dport", set);
    }

    private static UdpBlock start(String... match) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("blocking UDP with nftables needs root; this test runs as "
                    + System.getProperty("user.name"));
        }
        String table = "calls_udp_block_" + ProcessHandle.current().pid();
        UdpBlock block = new UdpBlock(table);
        nft("add", "table", "inet", table);
        try {
            nft("add", "chain", "inet", table, "out", "{ type filter hook output priority 0; policy accept; }");
            List<String> rule = new ArrayList<>(List.of("add", "rule", "inet", table, "out"));
            rule.addAll(List.of(match));
            rule.addAll(List.of("counter", "drop"));
            nft(rule.toArray(String[]::new));
        } catch (RuntimeException e) {
            block.close();
            throw e;
        }
        return block;
    }

    /** Datagrams dropped so far: proof that something tried UDP and did not get through. */
    public long dropped() {
        Matcher m = DROPPED.matcher(nft("list", "table", "inet", table));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Override
    public void close() {
        nft("delete", "table", "inet", table);
    }

    private static boolean isIpv6(String address) {
        try {
            return InetAddress.getByName(address) instanceof Inet6Address;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nft(String... arguments) {
        List<String> command = new ArrayList<>(List.of("nft"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("nft is not installed (Debian package nftables): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running nft", e);
        }
    }
}
